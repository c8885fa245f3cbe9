import DiscreteEvent
import EscalationModel
import Foundation
import Stochastic

/// Combines the shard folders of one batch into the files of a single run, byte for byte.
package enum BatchMerge {
    /// Checks the shards belong together (same plan but for the shard index; indices 0..N-1
    /// each once; each complete) and writes the merged files and manifest into `out`.
    package static func merge(
        directories: [String], into out: String, commandLine: [String],
        force: Bool = false, compile: ExperimentPlan.Compiler
    ) throws -> Manifest {
        let started = Date()
        guard !directories.isEmpty else { throw ExperimentError("no shard folders given") }
        let outPath = canonical(out)
        for directory in directories where canonical(directory) == outPath {
            throw ExperimentError("--out \(out) is one of the shard folders; merge into a folder of its own")
        }
        // Shared locks: shards may be merged by several processes at once, never while one runs.
        // Each shard's plan and every record is checked as it opens (`BatchSession.open`).
        let sessions = try directories.map { try BatchSession.open(directory: $0, access: .shared, compile: compile) }
        let first = sessions[0]
        let count = first.plan.shard.count
        for session in sessions where !session.plan.isSameBatch(as: first.plan) {
            throw ExperimentError(
                "\(session.directory) is not a shard of the same batch as \(first.directory) "
                    + "(scenario, seed, replications, variants, settings or shard count differ)")
        }
        var byIndex: [Int: BatchSession] = [:]
        for session in sessions {
            if let other = byIndex[session.plan.shard.index] {
                throw ExperimentError(
                    "shard \(session.plan.shard) appears twice: \(other.directory) and \(session.directory)")
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
                throw ExperimentError(
                    "shard \(session.plan.shard) in \(session.directory) holds \(log.groupCount) of its "
                        + "\(expected) replications; finish it with --resume first")
            }
            logs.append(log)
        }
        // Each log was checked to hold its own replications in order, each once; the slices
        // tile 0..<replications, so the merge holds every replication exactly once.
        let plan = first.plan
        let folder = try BatchFolder(out, create: true)
        try folder.prepareForNewBatch(outputs: BatchOutput.files(daily: plan.daily), force: force) {
            _ throws(BatchFolderError) in
            throw BatchFolderError(
                "\(out) holds a batch of its own (unfinished, or a shard); merge into another folder")
        }
        let result = try BatchOutput.write(
            first.experiment, logs: logs, to: out, workDirectory: folder.workDirectory, perPoint: plan.perPoint)
        let manifest = Manifest(
            plan: plan, scenarioName: first.experiment.scenarios[0].name,
            replicationsDone: logs.reduce(0) { $0 + $1.groupCount }, shard: "merged from \(count)", threads: 1,
            commandLine: commandLine, started: started,
            wallTimeSeconds: (Date().timeIntervalSince(started) * 1000).rounded() / 1000, complete: true,
            stopReason: "merged", result: result)
        let text = manifest.json()
        try AtomicFile.write(text, to: out + "/" + BatchOutput.manifestFile)
        try folder.recordWritten(
            result.checksums.merging([BatchOutput.manifestFile: SHA256.hexDigest(text.utf8)]) { $1 },
            claimed: BatchOutput.files(daily: plan.daily))
        return manifest
    }

    /// The path with symbolic links and `.`/`..` resolved, to tell whether two spellings name one folder.
    package static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }
}
