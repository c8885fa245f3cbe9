import EscalationModel
import Foundation
import Scenario
import Testing

@testable import Experiments
@testable import escsim

@Suite(.serialized) struct BatchFolderTests {
    /// A link planted where the old code put its temporary (`.NAME.staged-PID`, this process's
    /// pid) must not redirect the write: the target stays untouched and the result is a file.
    @Test func aPlantedLinkDoesNotRedirectAStagedFile() throws {
        let directory = Fixtures.scratch("staged")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let victim = directory + "/victim.txt"
        try "keep".write(toFile: victim, atomically: true, encoding: .utf8)
        for name in [".replications.csv.staged-\(getpid())", ".columns-\(getpid()).tmp"] {
            try FileManager.default.createSymbolicLink(atPath: directory + "/" + name, withDestinationPath: victim)
        }
        let file = try StagedFile(path: directory + "/replications.csv")
        try file.append("a,b\n")
        try file.commit()
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep")
        let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/replications.csv")
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect(file.sha256 == SHA256.hexDigest("a,b\n".utf8))
    }

    /// Temporaries a kill left behind (and links at such names) are removed by the next run in
    /// the folder; the links' targets are untouched.
    @Test func leftoverTemporariesAreRemovedByTheNextRun() throws {
        let directory = Fixtures.scratch("leftovers")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let plan = Fixtures.plan(replications: 4)
        try Fixtures.run(plan, into: directory)
        let victim = directory + "/../escsim-victim-\(UUID().uuidString)"
        try "keep".write(toFile: victim, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: victim) }
        let leftovers = [
            ".replications.csv.staged-123-9af3", ".summary.csv.tmp-77-ffee01", ".escsim/columns-5-abc.tmp",
        ]
        for name in leftovers {
            try "stale".write(toFile: directory + "/" + name, atomically: false, encoding: .utf8)
        }
        try FileManager.default.createSymbolicLink(
            atPath: directory + "/.timeline.csv.staged-9-1", withDestinationPath: victim)
        let userFile = directory + "/.notes.tmp"  // not escsim's pattern: kept
        try "mine".write(toFile: userFile, atomically: false, encoding: .utf8)
        try Fixtures.run(plan, into: directory)
        for name in leftovers + [".timeline.csv.staged-9-1"] {
            #expect(!FileManager.default.fileExists(atPath: directory + "/" + name), "\(name) removed")
        }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep")
        #expect(try String(contentsOfFile: userFile, encoding: .utf8) == "mine")
    }

    /// Starting a new batch removes the old manifest before anything else can happen, so a kill
    /// at any later moment never leaves the old `complete: true` beside new files.
    @Test func startingABatchInvalidatesTheOldRunFirst() throws {
        let directory = Fixtures.scratch("invalidate")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Fixtures.run(Fixtures.plan(replications: 4, variants: ["ceasefire_push"]), into: directory)
        #expect(FileManager.default.fileExists(atPath: directory + "/comparison.csv"))
        let plan = Fixtures.plan(replications: 4, seed: 99)
        let session = try BatchSession.start(plan: plan, experiment: try plan.experiment(), directory: directory)
        // Nothing has run yet: the old run's files are already gone, its manifest first of all.
        let left = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(left == [".escsim"], "\(left)")
        withExtendedLifetime(session) {}
    }

    /// A variant that lengthens the horizon gets its timeline to its own horizon; a shorter
    /// one's bands stop at its own.
    @Test func aVariantWithAnotherHorizonKeepsItsOwnTimeline() throws {
        let text = Fixtures.baselineText.replacingOccurrences(
            of: "\nvariants:\n",
            with: "\nvariants:\n  long_war:\n    description: the same war watched for longer\n    set:\n"
                + "      horizon_days: 40\n")
        #expect(text != Fixtures.baselineText)
        let plan = ExperimentPlan(
            scenarioFile: "long.yaml", scenarioText: text, seed: 3, replications: 3,
            shard: .whole, commonRandomNumbers: true,
            variantNames: ["baseline", "long_war"], namedVariants: true,
            pointValues: [[], []], settings: [], failFast: false, precision: nil, target: nil)
        let experiment = try plan.experiment()
        let baselineHorizon = Int(experiment.scenarios[0].baseParameters.horizonDays)
        #expect(baselineHorizon == 30)
        #expect(experiment.layout.days == 40)
        let directory = Fixtures.scratch("horizon")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Fixtures.run(plan, into: directory)
        let rows = try String(contentsOfFile: directory + "/timeline.csv", encoding: .utf8).split(separator: "\n")
        func lastDay(_ variant: String) -> Int {
            rows.filter { $0.hasPrefix(variant + ",") }.compactMap { Int($0.split(separator: ",")[1]) }.max() ?? 0
        }
        #expect(lastDay("long_war") == 40)
        #expect(lastDay("baseline") == baselineHorizon)
    }

    @Test func aLedgerNamingFilesOutsideTheFolderIsRefused() throws {
        let directory = Fixtures.scratch("ledger")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Fixtures.run(Fixtures.plan(replications: 2), into: directory)
        let ledgerPath = directory + "/.escsim/files.json"
        let ledger = try String(contentsOfFile: ledgerPath, encoding: .utf8)
            .replacingOccurrences(of: "\"summary.csv\"", with: "\"..\\/outside.csv\"")
        try ledger.write(toFile: ledgerPath, atomically: true, encoding: .utf8)
        #expect(throws: BatchFolderError.self) { try Fixtures.run(Fixtures.plan(replications: 2), into: directory) }
    }

    @Test func storageEstimateCoversTheLogAndItsScratchCopy() throws {
        let plan = Fixtures.plan(replications: 100, variants: ["ceasefire_push"])
        let experiment = try plan.experiment()
        let estimate = StorageEstimate(experiment: experiment, replications: 100)
        #expect(estimate.bytesPerReplication == (experiment.layout.width * 2 + 1) * 8)
        let directory = Fixtures.scratch("estimate")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let session = try BatchSession.start(plan: plan, experiment: experiment, directory: directory)
        _ = try session.run(threads: 2, stop: StopFlag(), commandLine: [], started: Date())
        // The log of a shard-less run is gone; a shard keeps it: measure on a fresh log.
        let log = try RecordLog(path: directory + "/probe.bin", groupWidth: experiment.layout.width * 2)
        try log.append(experiment.runGroup(replication: 0))
        let size = try FileManager.default.attributesOfItem(atPath: directory + "/probe.bin")[.size] as? Int
        #expect(size == estimate.bytesPerReplication)
        #expect(estimate.peakBytes >= 2 * estimate.logBytes)
    }
}
