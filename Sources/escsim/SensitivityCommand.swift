import ArgumentParser
import Experiments
import Foundation

/// `escsim sensitivity DIR`: global sensitivity analysis of a finished output folder, the same
/// analysis `escsim run --design sobol:N|morris:R` writes itself (see docs/sensitivity.md).
struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Sobol indices, Morris effects and PRIM boxes for an output folder.",
        discussion: """
            Examples:
              escsim run Scenarios/aleppo-2024.yaml --design sobol:256 -r 20 --out results/sobol
              escsim sensitivity results/sobol --bootstrap 2000
              escsim sensitivity results/plain --outcome aleppo_city_fell --out results/prim

            Reads DIR/manifest.json (its "design"), experiments.csv, replications.csv and draws.csv, \
            and writes sobol.csv (a Sobol design: first-order and total indices per policy, outcome \
            and parameter, with bootstrap 95% intervals and the share of variance that is \
            replication noise), morris.csv (a Morris design: mu, mu* and sigma of the elementary \
            effects) and prim.csv (for each 0/1 outcome, the box of inputs where it is concentrated; \
            inputs are the swept and the drawn values). A folder without a design gets prim.csv only \
            (its sensitivity.csv already holds the PRCC). Only 'ok' replications enter. Results \
            depend only on the folder and the options.

            Exit status: 0 written; 1 a file could not be written; 2 the folder is missing, not an \
            escsim output folder, or has a damaged or inconsistent file; 64 bad arguments. Nothing \
            is written on failure, and no file of yours is overwritten.
            """
    )

    @Argument(help: "An output folder of 'escsim run' or 'escsim merge'.")
    var directory: String

    @Option(name: .customLong("outcome"), help: "Analyse only this outcome (repeatable; default: all).")
    var outcomes: [String] = []

    @Option(help: "Bootstrap resamples for the 95% intervals (0: none).")
    var bootstrap = 1000

    @Option(name: .customLong("prim-min-mass"), help: "PRIM peels until a box holds less than this share of the runs.")
    var primMinimumMass = 0.05

    @Option(
        name: .customLong("prim-min-coverage"),
        help: "PRIM reports the densest box holding at least this share of the runs where the outcome is 1.")
    var primMinimumCoverage = 0.5

    @Option(name: .long, help: "Write the files into this folder instead of DIR (created if missing).")
    var out: String?

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    static let files = [DesignSensitivity.sobolFile, DesignSensitivity.morrisFile, DesignSensitivity.primFile]

    func validate() throws {
        guard (0...1_000_000).contains(bootstrap) else {
            throw ValidationError("--bootstrap must be between 0 and 1000000, got \(bootstrap)")
        }
        guard primMinimumMass > 0 && primMinimumMass < 1 else {
            throw ValidationError("--prim-min-mass must lie strictly between 0 and 1, got \(primMinimumMass)")
        }
        guard primMinimumCoverage >= 0 && primMinimumCoverage <= 1 else {
            throw ValidationError("--prim-min-coverage must lie between 0 and 1, got \(primMinimumCoverage)")
        }
    }

    func run() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            printError("escsim sensitivity: \(directory): no such folder")
            throw ExitCode(2)
        }
        let target = out ?? directory
        let intoFolder = out.map { BatchMerge.canonical($0) == BatchMerge.canonical(directory) } ?? true
        // Hold the folder while reading it (and writing into it), so a run cannot replace its files half-way.
        let folder: BatchFolder
        do {
            folder = try BatchFolder(directory, access: intoFolder ? .exclusive : .shared)
        } catch {
            printError("escsim sensitivity: \(error)")
            throw ExitCode(1)
        }
        let tables: DesignSensitivity.Tables
        do {
            let data = try SensitivityFolder.load(directory)
            tables = try data.tables(
                DesignSensitivity.Options(
                    outcomes: outcomes.isEmpty ? nil : outcomes, bootstrap: bootstrap,
                    primMinimumMass: primMinimumMass, primMinimumCoverage: primMinimumCoverage))
        } catch {
            printError("escsim sensitivity: \(error)")
            throw ExitCode(2)
        }
        let written = zip(Self.files, [tables.sobol, tables.morris, tables.prim]).compactMap { name, table in
            table.map { (name: name, text: $0.text) }
        }
        do {
            try write(written, into: target, folder: intoFolder ? folder : nil)
        } catch {
            printError("escsim sensitivity: \(error)")
            throw ExitCode(1)
        }
        guard !quiet else { return }
        print(summary(tables, written: written.map(\.name), into: target))
    }

    /// Stages every file, then publishes them together: a failure before the renames leaves
    /// nothing. Into the run's folder, only names that are free or escsim's own unchanged files
    /// are written (then recorded in its ledger); into another folder, only free names.
    private func write(_ files: [(name: String, text: String)], into target: String, folder: BatchFolder?) throws {
        if folder == nil { try AtomicFile.createDirectory(target) }
        for file in files {
            let path = target + "/" + file.name
            let free: Bool
            if let folder {
                free = try folder.mayWrite(file.name)
            } else {
                var info = stat()
                free = lstat(path, &info) != 0
            }
            guard free else {
                throw CSVFileError(
                    folder != nil
                        ? "\(path) exists and is not a file escsim wrote there; move it away or choose --out"
                        : "\(path) already exists; move it away or choose another --out")
            }
        }
        var staged: [StagedFile] = []
        defer { for file in staged { file.discard() } }
        for file in files {
            let stage = try StagedFile(path: target + "/" + file.name)
            staged.append(stage)
            try stage.append(file.text)
        }
        for stage in staged { try stage.commit() }
        staged = []
        if let folder {
            for file in files { try folder.adopt(file.name) }
        }
    }

    /// The most important parameters per outcome, a few lines an analyst can read at a glance.
    private func summary(_ tables: DesignSensitivity.Tables, written: [String], into target: String) -> String {
        var lines: [String] = []
        let width = tables.highlights.map { $0.policy.count + $0.outcome.count + 2 }.max() ?? 0
        for highlight in tables.highlights {
            let label = "\(highlight.policy)  \(highlight.outcome)"
            let top = highlight.ranked.prefix(3).map { "\($0.parameter) \($0.text)" }
            let padded = label.padding(toLength: width, withPad: " ", startingAt: 0)
            lines.append(
                "\(padded)  \(highlight.measure): \(top.isEmpty ? "no input restricted" : top.joined(separator: ", "))")
        }
        for skipped in tables.skipped { lines.append("skipped: \(skipped)") }
        lines.append(
            written.isEmpty
                ? "nothing to write: no Sobol or Morris design and no 0/1 outcome with both values"
                : "wrote " + written.map { target + "/" + $0 }.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}
