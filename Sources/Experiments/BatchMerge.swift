import DiscreteEvent
import EscalationModel
import Foundation
import Scenario
import Stochastic

/// Combines the shard folders of one batch into the files of a single run, byte for byte.
public enum BatchMerge {
    /// Checks the shards belong together (same plan but for the shard index; indices 0..N-1
    /// each once; each complete) and writes the merged files and manifest into `out`.
    public static func merge(directories: [String], into out: String, commandLine: [String]) throws -> Manifest {
        let started = Date()
        let sessions = try directories.map { try BatchSession.resume(directory: $0) }
        guard let first = sessions.first else { throw ExperimentError("no shard folders given") }
        let count = first.plan.shard.count
        for session in sessions where !session.plan.isSameBatch(as: first.plan) {
            throw ExperimentError("\(session.directory) is not a shard of the same batch as \(first.directory) "
                                  + "(scenario, seed, replications, variants, settings or shard count differ)")
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
        let plan = first.plan
        let result = try BatchOutput.write(first.experiment, logs: logs, to: out)
        let manifest = Manifest(
            plan: plan, scenarioName: first.experiment.scenarios[0].name,
            replicationsDone: logs.reduce(0) { $0 + $1.groupCount }, shard: "merged from \(count)", threads: 1,
            commandLine: commandLine, started: started,
            wallTimeSeconds: (Date().timeIntervalSince(started) * 1000).rounded() / 1000, complete: true,
            stopReason: "merged", result: result)
        try AtomicFile.write(manifest.json(), to: out + "/" + BatchOutput.manifestFile)
        return manifest
    }
}
