import ArgumentParser
import Experiments
import Foundation
import Report

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Turn an output folder into one self-contained HTML page with charts.",
        discussion: """
            Example: escsim report results/aleppo-2024 -o aleppo.html

            The page holds histograms of the key outcomes (runs where an event never happened shown \
            apart), fan charts of territory and the escalation ladder over time, a forest plot of each \
            variant against the baseline (when the folder has comparison.csv), the summary and \
            sensitivity tables and the manifest; a Backtest section when 'escsim score' has written \
            scores.csv into the folder; and with --calibration, each calibrated parameter's prior and \
            posterior. It is built from the folder's files alone, so merged \
            shard folders work too; it needs no network, scripts or fonts, and prints on white.

            Exit status: 0 written; 1 the page could not be written (folder not writable, disk full); \
            2 the folder is missing, is not an escsim output folder (no manifest.json), holds an \
            incomplete run, or has a damaged file. Nothing is written on failure.
            """
    )

    @Argument(help: "An output folder of 'escsim run' or 'escsim merge'.")
    var directory: String

    @Option(name: .shortAndLong, help: "The HTML file to write (default: DIRECTORY/report.html).")
    var out: String?

    @Option(help: "A folder of 'escsim calibrate' whose prior and posterior the page should show.")
    var calibration: String?

    @Option(
        name: .customLong("map-day"),
        help: ArgumentHelp(
            "The day the region graph shows who held each region across the runs (needs a run with --daily; "
                + "default: the last day of the horizon).", valueName: "day"))
    var mapDay: Int?

    func validate() throws {
        if let mapDay, mapDay < 1 { throw ValidationError("--map-day must be a day from 1; got \(mapDay).") }
    }

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        // Hold the folder while reading it, so a run cannot replace its files half-way; the
        // default page goes into the folder, so it is then recorded in the folder's ledger and
        // the next run there removes it with the rest of this run's files.
        let intoFolder =
            out.map {
                BatchMerge.canonical(
                    ($0 as NSString).deletingLastPathComponent.isEmpty
                        ? "."
                        : ($0 as NSString).deletingLastPathComponent)
                    == BatchMerge.canonical(directory)
            } ?? true
        var isFolder: ObjCBool = false
        var folder: BatchFolder?
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue {
            do {
                folder = try BatchFolder(directory, access: intoFolder ? .exclusive : .shared)
            } catch {
                printError("escsim report: \(error)")
                throw ExitCode(1)
            }
        }
        do {
            let written = try HTMLReport.write(folder: directory, to: out, calibration: calibration, mapDay: mapDay)
            if intoFolder, let folder {
                try folder.adopt((written.path as NSString).lastPathComponent)
            }
            if !quiet {
                print("wrote \(written.path) (\(written.charts) charts, \(written.bytes / 1024) KiB)")
            }
        } catch let error as BatchFolderError {
            printError("escsim report: \(error)")
            throw ExitCode(1)
        } catch let error as ReportError {
            printError("escsim report: \(error)")
            throw ExitCode(error.exitStatus)
        }
    }
}
