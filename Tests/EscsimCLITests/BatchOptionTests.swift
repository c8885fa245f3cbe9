import Foundation
import Testing

@Suite(.serialized) struct BatchOptionTests {
    @Test func jsonSummaryIsValidJSON() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLI.run([
            "run", CLI.baseline, "--variants", "russia_air_surge", "-r", "20", "--json",
            "--out", dir.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let summary = try #require(object?["summary"] as? [[String: Any]])
        #expect(Set(summary.compactMap { $0["variant"] as? String }) == ["baseline", "russia_air_surge"])
        // Every column of the files, under the files' names.
        let csv = { (name: String) in
            try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8).split(separator: "\n")
        }
        #expect(Set(summary[0].keys) == Set(try csv("summary.csv")[0].split(separator: ",").map(String.init)))
        #expect(summary.count == (try csv("summary.csv").count) - 1)
        let comparison = try #require(object?["comparison"] as? [[String: Any]])
        #expect(Set(comparison[0].keys) == Set(try csv("comparison.csv")[0].split(separator: ",").map(String.init)))
        #expect((object?["manifest"] as? [String: Any])?["seed"] as? Int == 20_241_127)
    }

    /// A resumed batch keeps its plan's `--daily`: restating it is welcome, contradicting it
    /// either way is a usage error, and nothing is written.
    @Test func aResumeKeepsTheBatchsChoiceOfDaily() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = dir.appendingPathComponent("plain").path
        let daily = dir.appendingPathComponent("daily").path
        // Shards keep their plan, so a finished one can be resumed.
        let common = ["run", CLI.baseline, "-r", "6", "--set", "horizon_days=5", "--quiet", "--shard", "0/2"]
        #expect(try CLI.run(common + ["--out", plain]).status == 0)
        #expect(try CLI.run(common + ["--out", daily, "--daily"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: plain + "/daily.csv"))
        let written = try Data(contentsOf: URL(fileURLWithPath: daily + "/daily.csv"))
        #expect(String(decoding: written, as: UTF8.self).split(separator: "\n").count == 1 + 3 * 5)

        let added = try CLI.run(["run", "--resume", plain, "--daily", "--quiet"])
        #expect(added.status == 64)
        #expect(
            added.stderr
                == "escsim: --resume \(plain): --daily (the batch was started without it) conflict with the "
                + "batch's plan; drop them (the plan fixes them)\n", "\(added.stderr)")
        let dropped = try CLI.run(["run", "--resume", daily, "--no-daily", "--quiet"])
        #expect(dropped.status == 64)
        #expect(dropped.stderr.contains("--no-daily (the batch was started with --daily)"), "\(dropped.stderr)")
        #expect(!FileManager.default.fileExists(atPath: plain + "/daily.csv"))

        let restated = try CLI.run(["run", "--resume", daily, "--daily", "--quiet"])
        #expect(restated.status == 0, "\(restated.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: daily + "/daily.csv")) == written)
    }

    @Test func failedReplicationsAreRowsNotTheEndOfTheBatch() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("guarded").path
        let result = try CLI.run(["run", CLI.baseline, "-r", "10", "--quiet", "--set", "max_events=5", "--out", out])
        // Every replication hit the guard: the rows are written, and the batch says it failed.
        #expect(result.status == 1)
        #expect(
            result.stderr == "escsim: every replication failed (10 of 10); the summary holds no outcomes: see the "
                + "status and error columns of replications.csv\n", "\(result.stderr)")
        let rows = try String(contentsOfFile: out + "/replications.csv", encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 11)
        #expect(rows.dropFirst().contains { $0.contains(",guard,max-events guard hit after 5 events,") })

        let fast = try CLI.run([
            "run", CLI.baseline, "-r", "10", "--quiet", "--set", "max_events=60", "--fail-fast",
            "--threads", "1", "--out", dir.appendingPathComponent("fast").path,
        ])
        #expect(fast.status == 1)
        #expect(fast.stderr.contains("fail-fast: replication"))
    }

    @Test func shardAutoReadsSlurmsArrayVariables() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var environment = ProcessInfo.processInfo.environment
        environment["SLURM_ARRAY_TASK_ID"] = "3"
        environment["SLURM_ARRAY_TASK_COUNT"] = "3"
        environment["SLURM_ARRAY_TASK_MIN"] = "1"
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["run", CLI.baseline, "-r", "9", "--shard", "auto", "--quiet", "--out", dir.path]
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let manifest = try String(contentsOf: dir.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"shard\" : \"2\\/3\"") || manifest.contains("\"shard\" : \"2/3\""), "\(manifest)")
        #expect(manifest.contains("\"replications_done\" : 3"))
    }

    @Test func aDesignFileRunsOnePointPerRow() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let design = dir.appendingPathComponent("design.csv")
        try "actors.russia.sorties_per_day,mediation.base_success\n0,0\n40,0.2\n".write(
            to: design, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out").path
        let result = try CLI.run(["run", CLI.baseline, "--design", design.path, "-r", "5", "--quiet", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try String(contentsOfFile: out + "/replications.csv", encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 1 + 2 * 5)
        // Inputs and outcomes apart: the swept values are in experiments.csv, not beside the outcomes.
        #expect(!rows[0].contains("actors.russia.sorties_per_day"))
        #expect(rows.filter { $0.hasPrefix("point_0002,") }.count == 5)
        let experiments = try String(contentsOfFile: out + "/experiments.csv", encoding: .utf8)
        #expect(
            experiments
                == "variant,point,policy,actors.russia.sorties_per_day,mediation.base_success\n"
                + "point_0001,1,baseline,0,0\npoint_0002,2,baseline,40,0.2\n")
        #expect(FileManager.default.fileExists(atPath: out + "/sensitivity.csv"))
        // Two points of one policy are not what-ifs of each other: nothing to compare.
        #expect(!FileManager.default.fileExists(atPath: out + "/comparison.csv"))
    }
}

@Suite struct SweepTests {
    @Test func theScenariosSweepRunsALatinHypercube() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLI.run([
            "run", CLI.baseline, "--sweep", "-r", "3", "--quiet", "--set", "horizon_days=10",
            "--out", dir.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try String(contentsOf: dir.appendingPathComponent("replications.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst()
        #expect(rows.count == 20 * 3)
        // Each point's sorties value lies in its own twentieth of [0, 40]: a Latin hypercube.
        let experiments = try String(contentsOf: dir.appendingPathComponent("experiments.csv"), encoding: .utf8)
            .split(separator: "\n")
        let column = try #require(experiments[0].split(separator: ",").firstIndex(of: "actors.russia.sorties_per_day"))
        let strata = Set(
            experiments.dropFirst().compactMap { Double($0.split(separator: ",")[column]) }.map { Int($0 / 2) })
        #expect(strata == Set(0..<20))
        // PRCC per policy over all points, on continuous outcomes only.
        let sensitivity = try String(contentsOf: dir.appendingPathComponent("sensitivity.csv"), encoding: .utf8)
        #expect(sensitivity.contains("baseline,civilians_killed,actors.russia.sorties_per_day,prcc,60,"))
        #expect(!sensitivity.contains(",regime_collapsed,"))
        // The summary is the baseline policy over all 20 points, not 20 per-point summaries.
        let summary = try String(contentsOf: dir.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(summary.contains("\nbaseline,regime_collapsed,indicator,60,"))
        #expect(!summary.contains("point_0001"))
    }
}
