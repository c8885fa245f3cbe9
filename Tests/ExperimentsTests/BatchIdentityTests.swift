import Experiments
import Foundation
import Testing

@testable import escsim

/// The files depend only on scenario, seed, replications and variants: never on threads,
/// interruptions or shard layout. Each test compares bytes, with and without `--daily`
/// (`daily.csv` is one more file of the same rule).
@Suite(.serialized) struct BatchIdentityTests {
    @Test(arguments: [false, true])
    func threadCountDoesNotChangeTheBytes(daily: Bool) throws {
        let plan = Fixtures.plan(replications: 40, variants: ["russia_air_surge"], daily: daily)
        var outputs: [[String: Data]] = []
        for threads in [1, 2, 3] {
            let directory = Fixtures.scratch("threads\(threads)")
            defer { try? FileManager.default.removeItem(atPath: directory) }
            try Fixtures.run(plan, into: directory, threads: threads)
            outputs.append(Fixtures.files(in: directory))
        }
        #expect(outputs[0].count == (daily ? 7 : 6))
        #expect((outputs[0]["daily.csv"] != nil) == daily)
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0] == outputs[2])
    }

    @Test(arguments: [false, true])
    func anInterruptedRunResumesToTheSameBytes(daily: Bool) throws {
        let plan = Fixtures.plan(replications: 60, variants: ["ceasefire_push"], daily: daily)
        let whole = Fixtures.scratch("whole")
        let broken = Fixtures.scratch("broken")
        defer {
            try? FileManager.default.removeItem(atPath: whole)
            try? FileManager.default.removeItem(atPath: broken)
        }
        try Fixtures.run(plan, into: whole)
        let first = try Fixtures.run(plan, into: broken, stopAfter: 15)
        #expect(!first.manifest.complete)
        #expect(first.manifest.replicationsDone >= 15 && first.manifest.replicationsDone < 60)
        #expect(first.manifest.stopReason.hasPrefix("interrupted"))
        // What was done is on disk, whole, with an incomplete manifest.
        let partial = try String(contentsOfFile: broken + "/replications.csv", encoding: .utf8)
        #expect(partial.split(separator: "\n").count == 1 + 2 * first.manifest.replicationsDone)
        // Starting again over an unfinished batch is refused; resuming finishes it.
        #expect(throws: BatchFolderError.self) { try Fixtures.run(plan, into: broken) }
        let resumed = try BatchSession.resume(directory: broken, compile: PlanCompiler.compile)
        let second = try resumed.run(threads: 2, stop: StopFlag(), commandLine: [], started: Date())
        #expect(second.manifest.complete)
        #expect(Fixtures.files(in: broken) == Fixtures.files(in: whole))
        #expect((Fixtures.files(in: whole)["daily.csv"] != nil) == daily)
        // The finished batch keeps only the ledger of the files it wrote.
        #expect(try FileManager.default.contentsOfDirectory(atPath: broken + "/.escsim") == ["files.json"])
    }

    @Test(arguments: [1, 3, 4], [false, true])
    func mergedShardsEqualASingleRun(shards: Int, daily: Bool) throws {
        let single = Fixtures.scratch("single")
        let merged = Fixtures.scratch("merged")
        var shardDirectories: [String] = []
        defer {
            for path in [single, merged] + shardDirectories { try? FileManager.default.removeItem(atPath: path) }
        }
        let replications = 30
        try Fixtures.run(
            Fixtures.plan(replications: replications, variants: ["iran_reinforces"], daily: daily), into: single)
        for index in (0..<shards).reversed() {  // any order
            let directory = Fixtures.scratch("shard\(index)")
            shardDirectories.append(directory)
            try Fixtures.run(
                Fixtures.plan(
                    replications: replications, variants: ["iran_reinforces"],
                    shard: Shard(index: index, count: shards), shardRun: true, daily: daily),
                into: directory, threads: 1)
        }
        let manifest = try BatchMerge.merge(
            directories: shardDirectories, into: merged, commandLine: [], compile: PlanCompiler.compile)
        #expect(manifest.replicationsDone == replications)
        #expect(Fixtures.files(in: merged) == Fixtures.files(in: single))
        #expect(Fixtures.files(in: merged).count == (daily ? 7 : 6))
    }

    @Test func mergeRefusesShardsThatDoNotBelongTogether() throws {
        let a = Fixtures.scratch("a")
        let b = Fixtures.scratch("b")
        let out = Fixtures.scratch("out")
        defer { for path in [a, b, out] { try? FileManager.default.removeItem(atPath: path) } }
        try Fixtures.run(Fixtures.plan(replications: 10, shard: Shard(index: 0, count: 2)), into: a)
        try Fixtures.run(Fixtures.plan(replications: 10, seed: 99, shard: Shard(index: 1, count: 2)), into: b)
        #expect(throws: ExperimentError.self) {
            try BatchMerge.merge(directories: [a, b], into: out, commandLine: [], compile: PlanCompiler.compile)
        }
        #expect(throws: ExperimentError.self) {
            try BatchMerge.merge(directories: [a], into: out, commandLine: [], compile: PlanCompiler.compile)
        }
        #expect(throws: ExperimentError.self) {
            try BatchMerge.merge(directories: [a, a], into: out, commandLine: [], compile: PlanCompiler.compile)
        }
    }
}
