import ArgumentParser
import Experiments
import Foundation
import Scenario

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the output folders of the shards of one batch into the files of a single run.",
        discussion: """
            Checks that the folders are the shards of one batch (same scenario text and SHA-256, seed, \
            replications, variants and settings; shard indices 0..N-1 each once, each complete), then \
            writes files byte-identical to those of the same batch run on one machine.
            """
    )

    @Argument(help: "Shard output folders (from escsim run --shard).")
    var directories: [String]

    @Option(name: .shortAndLong, help: "Folder for the merged files.")
    var out: String

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let started = Date()
        do {
            let sessions = try directories.map { try BatchSession.resume(directory: $0) }
            guard let first = sessions.first else { throw ExperimentError("no shard folders given") }
            let count = first.plan.shard.count
            for session in sessions where !session.plan.isSameBatch(as: first.plan) {
                throw ExperimentError("\(session.directory) is not a shard of the same batch as \(first.directory) "
                                      + "(scenario, seed, replications, variants or settings differ)")
            }
            var byIndex: [Int: BatchSession] = [:]
            for session in sessions {
                if let other = byIndex[session.plan.shard.index] {
                    throw ExperimentError("shard \(session.plan.shard) appears twice: \(other.directory) and \(session.directory)")
                }
                byIndex[session.plan.shard.index] = session
            }
            let missing = (0..<count).filter { byIndex[$0] == nil }
            guard missing.isEmpty else {
                throw ExperimentError("missing shard(s) \(missing.map { "\($0)/\(count)" }.joined(separator: ", "))")
            }
            var logs: [RecordLog] = []
            for index in 0..<count {
                let session = byIndex[index]!
                let log = try session.openLog()
                let expected = session.plan.shard.replications(of: session.plan.replications).count
                guard log.groupCount == expected else {
                    throw ExperimentError("shard \(session.plan.shard) in \(session.directory) holds \(log.groupCount) of its "
                                          + "\(expected) replications; finish it with --resume first")
                }
                logs.append(log)
            }
            try AtomicFile.createDirectory(out)
            var plan = first.plan
            plan.shard = .whole
            let result = try BatchOutput.write(first.experiment, logs: logs, to: out)
            let manifest = Manifest(
                escsimVersion: EscsimVersion.current,
                scenario: .init(name: first.experiment.scenarios[0].name, file: plan.scenarioFile,
                                sha256: plan.scenarioSHA256, settings: plan.settings),
                seed: plan.seed, replications: plan.replications,
                replicationsDone: logs.reduce(0) { $0 + $1.groupCount }, variants: plan.variantNames,
                commonRandomNumbers: plan.commonRandomNumbers, shard: "merged from \(count)", threads: 1,
                random: .init(library: "GSL", version: GSLRuntimeInfo.version, generator: GSLRuntimeInfo.generator,
                              seedDerivation: GSLRuntimeInfo.derivation),
                commandLine: CommandLine.arguments, startedAt: ISO8601DateFormatter().string(from: started),
                wallTimeSeconds: (Date().timeIntervalSince(started) * 1000).rounded() / 1000, complete: true,
                stopReason: "merged", failedRecords: result.failedRecords, files: result.files,
                peakMemoryMiB: BatchSession.peakMemoryMiB())
            try AtomicFile.write(manifest.json(), to: out + "/" + BatchOutput.manifestFile)
            if !quiet {
                print("merged \(count) shard(s), \(manifest.replicationsDone) replications x \(plan.variantNames.count) "
                      + "variant(s) into \(out)/ (\(result.files.joined(separator: ", ")), manifest.json)")
            }
        } catch let error as FileWriteError {
            printError("escsim: \(error)")
            throw ExitCode(1)
        } catch {
            printError("escsim: \(error)")
            throw ExitCode(2)
        }
    }
}
