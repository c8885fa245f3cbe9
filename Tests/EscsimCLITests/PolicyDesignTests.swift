import Foundation
import Testing

/// `escsim run --design FILE --variants ...`: every policy at every point with common random
/// numbers (EMA Workbench's policies x uncertainties), inputs kept apart from outcomes.
@Suite struct PolicyDesignTests {
    /// Two points, short horizon, few replications: enough to check the layout and the pairing.
    private func design(in dir: URL) throws -> String {
        let design = dir.appendingPathComponent("design.csv")
        try "actors.russia.sorties_per_day,mediation.base_success\n5,0.05\n35,0.25\n".write(
            to: design, atomically: true, encoding: .utf8)
        return design.path
    }

    private func lines(_ path: String) throws -> [Substring] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    }

    /// Everything of a replications.csv row after its variant name.
    private func outcomes(_ row: Substring) -> Substring {
        row[row.index(after: row.firstIndex(of: ",")!)...]
    }

    @Test func everyPolicyRunsAtEveryPointWithTheRandomNumbersOfAPlainRun() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        let common = ["-r", "4", "--quiet", "--set", "horizon_days=12"]
        let result = try CLI.run(
            ["run", CLI.baseline, "--design", try design(in: dir), "--variants", "russia_air_surge", "--out", out]
                + common)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try lines(out + "/experiments.csv") == [
                "variant,point,policy,actors.russia.sorties_per_day,mediation.base_success",
                "point_0001/baseline,1,baseline,5,0.05",
                "point_0001/russia_air_surge,1,russia_air_surge,5,0.05",
                "point_0002/baseline,2,baseline,35,0.25",
                "point_0002/russia_air_surge,2,russia_air_surge,35,0.25",
            ])
        let rows = try lines(out + "/replications.csv")
        #expect(rows.count == 1 + 4 * 4)

        // Point 2 under the variant is exactly the plain run of the variant with point 2's values.
        let plain = dir.appendingPathComponent("plain").path
        let single = try CLI.run(
            [
                "run", CLI.baseline, "--variant", "russia_air_surge", "--set", "actors.russia.sorties_per_day=35",
                "--set", "mediation.base_success=0.25", "--out", plain,
            ] + common)
        #expect(single.status == 0, "\(single.stderr)")
        let designed = rows.filter { $0.hasPrefix("point_0002/russia_air_surge,") }.map(outcomes)
        let direct = try lines(plain + "/replications.csv").dropFirst().map(outcomes)
        #expect(designed.count == 4)
        #expect(designed == direct)

        // The policy against the baseline policy, paired over both points' replications.
        let comparison = try lines(out + "/comparison.csv")
        let killed = try #require(comparison.first { $0.hasPrefix("russia_air_surge,baseline,civilians_killed,") })
        #expect(killed.split(separator: ",")[3] == "8")
        #expect(!comparison.contains { $0.contains("point_") })

        let summary = try lines(out + "/summary.csv")
        #expect(Set(summary.dropFirst().map { $0.split(separator: ",")[0] }) == ["baseline", "russia_air_surge"])
        let manifest = try String(contentsOfFile: out + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"method\" : \"file\""))
        #expect(manifest.contains("\"policies\" : [\n      \"baseline\",\n      \"russia_air_surge\"\n    ]"))
    }

    @Test func perPointSummarisesEachExperimentAndComparesWithinAPoint() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        let result = try CLI.run([
            "run", CLI.baseline, "--design", try design(in: dir), "--variants", "russia_air_surge", "--per-point",
            "-r", "3", "--quiet", "--set", "horizon_days=12", "--out", out,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try lines(out + "/summary.csv")
        #expect(summary.contains { $0.hasPrefix("point_0002/russia_air_surge,regime_collapsed,indicator,3,") })
        let comparison = try lines(out + "/comparison.csv")
        #expect(
            comparison.contains { $0.hasPrefix("point_0002/russia_air_surge,point_0002/baseline,civilians_killed,3,") })
        #expect(!comparison.contains { $0.hasPrefix("point_0002/baseline,") })
    }

    /// A Sobol or Morris design writes its global sensitivity as it finishes, the same bytes
    /// `escsim sensitivity` computes from the folder's files afterwards.
    @Test(arguments: [("sobol:8", "sobol.csv", 8 * 4), ("morris:6", "morris.csv", 6 * 3)])
    func aSensitivityDesignWritesItsIndices(design: String, file: String, points: Int) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        let result = try CLI.run([
            "run", CLI.baseline, "--design", design, "-r", "3", "--quiet", "--set", "horizon_days=8", "--out", out,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try lines(out + "/experiments.csv").count == 1 + points)
        let written = try String(contentsOfFile: out + "/" + file, encoding: .utf8)
        #expect(written.contains("baseline,airstrikes,actors.russia.sorties_per_day,"))
        let again = dir.appendingPathComponent("again").path
        let analysis = try CLI.run(["sensitivity", out, "--out", again, "--quiet"])
        #expect(analysis.status == 0, "\(analysis.stderr)")
        #expect(try String(contentsOfFile: again + "/" + file, encoding: .utf8) == written)
        let manifest = try String(contentsOfFile: out + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"method\" : \"\(design.prefix { $0 != ":" })\""))
    }

    @Test func optionsThatDoNotGoTogetherAreUsageErrors() throws {
        for (arguments, message) in [
            (["--per-point"], "--per-point goes with --sweep or --design."),
            (["--sweep", "--variant", "russia_air_surge"], "--variant runs one what-if"),
            (["--sweep", "--design", "x.csv"], "Use one of --sweep and --design."),
        ] {
            let result = try CLI.run(["run", CLI.baseline] + arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
    }
}
