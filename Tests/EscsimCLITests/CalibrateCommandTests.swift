import Foundation
import Testing

@Suite(.serialized) struct CalibrateCommandTests {
    static let observations = CLI.packageRoot.appendingPathComponent("Scenarios/aleppo-2024.observations.yaml").path

    /// A small calibration of the baseline (24 particles, 2 generations, one run per particle):
    /// enough for every file and every code path, small enough for a debug build. Later options
    /// override these.
    static func calibrate(_ out: String, _ extra: [String] = []) throws -> CLI.Result {
        try CLI.run(
            [
                "calibrate", CLI.baseline, "--observations", observations, "-o", out, "--particles", "24",
                "--generations", "2", "--particle-replications", "1", "-s", "11", "-q",
            ] + extra)
    }

    @Test func writesThePosteriorAndItsSummaries() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("cal").path
        let result = try Self.calibrate(out)
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        // engine.posterior.yaml comes only when the screening kept one of the engine's constants.
        #expect(
            files.filter { $0 != "engine.posterior.yaml" } == [
                ".escsim", "calibration.json", "generations.csv", "parameters.csv", "particles.csv", "posterior.csv",
            ])
        let posterior = try String(contentsOfFile: out + "/posterior.csv", encoding: .utf8).split(separator: "\n")
        #expect(posterior.count == 25)
        let expectedHeader = [
            "particle", "weight", "distance", "actors.hts.field_strength", "actors.hts.quality", "actors.hts.morale",
            "actors.hts.assaults_per_day", "actors.hts.minimum_force_ratio", "actors.sna.field_strength",
            "actors.sna.morale", "actors.sna.minimum_force_ratio", "actors.regime.field_strength",
            "actors.regime.morale", "actors.regime.minimum_force_ratio", "actors.regime.off_map_value",
            "actors.russia.commitment", "actors.iran.field_strength", "actors.iran.morale",
            "actors.iran.minimum_force_ratio", "actors.iran.commitment", "actors.hezbollah.field_strength",
            "actors.hezbollah.morale", "actors.hezbollah.minimum_force_ratio", "actors.hezbollah.commitment",
            "actors.turkey.field_strength", "actors.turkey.morale", "actors.turkey.minimum_force_ratio",
            "actors.turkey.commitment", "combat.lethality_per_day", "combat.occupation_share", "combat.morale_shock",
            "combat.morale_weight", "combat.air_support_per_sortie", "combat.killed_share", "combat.captured_share",
            "combat.off_objective_weight", "cascade.local_shock", "cascade.withdrawal_morale",
            "cascade.withdrawal_delay_days", "cascade.threshold_spread", "cascade.contagion",
            "cascade.desertion_share", "patron_rule.threat_sensitivity", "patron_rule.drawdown_propensity",
            "patron_rule.drawdown_factor", "patron_rule.restraint_per_rung", "patron_rule.restrained_assault_factor",
            "patron_rule.backed_assault_factor", "patron_rule.morale_boost_per_thousand",
            "patron_rule.incidents_for_ground_operation", "patron_rule.losses_for_ground_operation",
            "patron_rule.retaliation_days", "patron_rule.protection_threshold", "patron_rule.audience_cost",
            "mediation.attempts_per_day",
            "mediation.base_success", "mediation.exhaustion_weight", "mediation.loss_weight",
            "mediation.clash_weight", "mediation.ladder_weight", "mediation.breakdown_per_day",
            "siege.strength_loss_per_day",
            "siege.morale_loss_per_day", "siege.deal_morale", "siege.deal_probability_per_day",
            "chemical_weapons.daily_hazard", "chemical_weapons.desperation_morale", "collapse.morale_threshold",
            "collapse.dissolved_share", "collapse.garrison_shock", "ground_harm.civilians_killed_per_fighter_lost",
            "ground_harm.injured_per_killed", "displacement.flight_under_assault",
            "displacement.flight_after_capture", "displacement.flight_near_fighting", "displacement.return_rate",
            "deals.loss_threshold", "deals.sensitivity",
            "supply.projection_decay",
        ]
        #expect(posterior[0] == expectedHeader.joined(separator: ","))
        let weights = posterior.dropFirst().map { Double($0.split(separator: ",")[1])! }
        #expect(abs(weights.reduce(0, +) - 1) < 1e-9)
        let generations = try String(contentsOfFile: out + "/generations.csv", encoding: .utf8).split(separator: "\n")
        let manifest =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/calibration.json")))
            as? [String: Any]
        // With the unknowns screened, generation 1 moves only the few it keeps and always fills.
        #expect(manifest?["stop_reason"] as? String == "maxGenerations")
        #expect(generations.count == 3)
        let calibrated = try #require(manifest?["calibrated_parameters"] as? [String])
        #expect(calibrated.count <= 12)
        #expect(calibrated.allSatisfy { expectedHeader.contains($0) })
        #expect(files.contains("engine.posterior.yaml") == calibrated.contains { !$0.hasPrefix("actors.") })
        // parameters.csv says which were calibrated, with the screening's statistics.
        let parameters = try String(contentsOfFile: out + "/parameters.csv", encoding: .utf8).split(separator: "\n")
        #expect(parameters[0].hasSuffix(",sd_ratio,rank_correlation,screening_p,calibrated"))
        #expect(parameters.dropFirst().filter { $0.hasSuffix(",1") }.count == calibrated.count)
        #expect(manifest?["observation_count"] as? Int == 27)
        // The plan and checkpoint of a finished calibration are gone; its ledger stays.
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/.escsim") == ["files.json"])
    }

    @Test func theThreadCountNeverChangesTheResult() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let one = dir.appendingPathComponent("one").path
        let two = dir.appendingPathComponent("two").path
        // Two runs per particle and the screening: neither depends on the threads.
        let settings = ["--particles", "16", "--particle-replications", "2"]
        #expect(try Self.calibrate(one, settings + ["-t", "1"]).status == 0)
        #expect(try Self.calibrate(two, settings + ["-t", "2"]).status == 0)
        for name in ["posterior.csv", "particles.csv", "generations.csv", "parameters.csv"] {
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: one + "/" + name))
                    == Data(contentsOf: URL(fileURLWithPath: two + "/" + name)), "\(name)")
        }
    }

    /// Ctrl-C after the first generation's checkpoint keeps it; --resume then ends where an
    /// uninterrupted calibration ends, byte for byte.
    @Test func anInterruptedCalibrationResumesToTheSameBytes() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let whole = dir.appendingPathComponent("whole").path
        let cut = dir.appendingPathComponent("cut").path
        let settings = ["--particles", "24", "--generations", "3", "-t", "1"]
        #expect(try Self.calibrate(whole, settings).status == 0)

        let process = Process()
        process.executableURL = CLI.binary
        process.arguments =
            [
                "calibrate", CLI.baseline, "--observations", Self.observations, "-o", cut, "-s", "11", "-q",
                "--particle-replications", "1",
            ] + settings
        process.standardError = Pipe()
        try process.run()
        let checkpoint = cut + "/.escsim/calibration-state.json"
        while process.isRunning, !FileManager.default.fileExists(atPath: checkpoint) { usleep(2000) }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "the calibration ended before it could be interrupted")
        #expect(!FileManager.default.fileExists(atPath: cut + "/posterior.csv"))

        let resumed = try CLI.run(["calibrate", "--resume", cut, "-q"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        for name in ["posterior.csv", "particles.csv", "generations.csv", "parameters.csv"] {
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: whole + "/" + name))
                    == Data(contentsOf: URL(fileURLWithPath: cut + "/" + name)), "\(name)")
        }
    }

    /// A run with --posterior takes every calibrated number from a particle of the posterior.
    @Test func aRunDrawsFromThePosterior() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cal = dir.appendingPathComponent("cal").path
        #expect(try Self.calibrate(cal).status == 0)
        let run = dir.appendingPathComponent("run").path
        let result = try CLI.run([
            "run", CLI.baseline, "-r", "20", "-q", "-o", run, "--posterior", cal + "/posterior.csv",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let posterior = try String(contentsOfFile: cal + "/posterior.csv", encoding: .utf8).split(separator: "\n")
        let quality = try #require(posterior[0].split(separator: ",").firstIndex(of: "actors.hts.quality"))
        let particles = Set(posterior.dropFirst().map { $0.split(separator: ",")[quality] })
        let rows = try String(contentsOfFile: run + "/draws.csv", encoding: .utf8).split(separator: "\n")
        let column = try #require(rows[0].split(separator: ",").firstIndex(of: "actors.hts.quality"))
        for row in rows.dropFirst() {
            let value = row.split(separator: ",", omittingEmptySubsequences: false)[column]
            #expect(particles.contains(value), "\(value) is no particle's")
        }
        let manifest = try String(contentsOfFile: run + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"posterior\""))
    }

    @Test func aBadSettingIsAUsageError() throws {
        let result = try CLI.run(["calibrate", CLI.baseline, "--particles", "1"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--particles must be at least 2, got 1"))
    }

    /// Two cases calibrated together share the engine's unknowns and keep their own apart; the
    /// engine comes back with its posteriors (--write-engine), and a case can include it. One
    /// generation without screening moves every unknown, so every uncertain engine constant is
    /// rewritten: each family's summary is checked, and that the file validates.
    @Test func casesCalibratedTogetherShareTheEngine() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("joint").path
        let written = dir.appendingPathComponent("engine.calibrated.yaml").path
        let scenarios = CLI.packageRoot.appendingPathComponent("Scenarios")
        let arguments = [
            "calibrate", scenarios.appendingPathComponent("aleppo-2024.yaml").path,
            scenarios.appendingPathComponent("aleppo-2016.yaml").path, "-o", out, "--particles", "12",
            "--generations", "1", "--screen", "0", "--particle-replications", "1", "-q", "--force",
            "--write-engine", written,
        ]
        let result = try CLI.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let header = try String(contentsOfFile: out + "/posterior.csv", encoding: .utf8).split(separator: "\n")[0]
            .split(separator: ",").map(String.init)
        #expect(Array(header.prefix(4)) == ["particle", "weight", "distance", "combat.lethality_per_day"])
        #expect(header.filter { $0 == "cascade.withdrawal_morale" }.count == 1)
        #expect(
            header.contains("aleppo-2024:actors.hts.quality") && header.contains("aleppo-2016:actors.russia.commitment")
        )
        // --write-engine writes the folder's engine.posterior.yaml, byte for byte.
        let engine = try String(contentsOfFile: written, encoding: .utf8)
        #expect(try engine == String(contentsOfFile: out + "/engine.posterior.yaml", encoding: .utf8))
        // The same family, moment-matched: lognormal, beta and uniform (inside the prior's bounds).
        #expect(engine.contains("  lethality_per_day: {distribution: lognormal, mean: "))
        #expect(engine.contains("  killed_share: {distribution: beta, mean: "))
        let shock = try #require(engine.split(separator: "\n").first { $0.hasPrefix("  morale_shock: ") })
        #expect(
            shock.contains("{distribution: uniform, low: ")
                && shock.contains("# calibrated; prior: {distribution: uniform, low: 0.2, high: 0.8}"))
        let bounds = shock.split(separator: "}")[0].split(separator: ",").compactMap {
            Double($0.split(separator: ":").last!.trimmingCharacters(in: .whitespaces))
        }
        #expect(bounds.count == 2 && bounds[0] >= 0.2 && bounds[1] <= 0.8 && bounds[0] < bounds[1], "\(shock)")
        // The header: how to make it again (no date, no thread count) and what moved.
        #expect(engine.hasPrefix("# Written by escsim calibrate --write-engine"))
        #expect(engine.contains(" --seed ") && engine.contains("--particle-replications 1 --screen 0.0"))
        #expect(engine.contains("#   combat.lethality_per_day: 0.06, 0.02 -> "))
        // Constants that are not uncertain are copied unchanged.
        #expect(engine.contains("\n  round_days: 0.25          # assumption: four combat rounds a day\n"))
        // The same command writes the same bytes.
        #expect(try CLI.run(arguments + ["-t", "1"]).status == 0)
        #expect(try String(contentsOfFile: written, encoding: .utf8) == engine)
        // The written-back engine, included by a copy of the baseline, loads.
        let copy = dir.appendingPathComponent("case")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: CLI.baseline, toPath: copy.appendingPathComponent("aleppo-2024.yaml").path)
        try FileManager.default.copyItem(atPath: written, toPath: copy.appendingPathComponent("engine.yaml").path)
        let validated = try CLI.run(["validate", copy.appendingPathComponent("aleppo-2024.yaml").path])
        #expect(validated.status == 0, "\(validated.stderr)")
    }
}
