import Experiments
import Foundation
import Stochastic
import Testing

/// `escsim sensitivity DIR` on output folders written by hand (the shape docs/outputs.md gives
/// them) whose outcomes are known functions of the design points, so the command must find
/// the known answers: Ishigami's analytic Sobol indices, a linear model's Morris effects, a box.
@Suite struct SensitivityCommandTests {
    /// f = sin x1 + 7 sin^2 x2 + 0.1 x3^4 sin x1 (Ishigami & Homma 1990).
    static func ishigami(_ x: [Double]) -> Double {
        sin(x[0]) + 7 * pow(sin(x[1]), 2) + 0.1 * pow(x[2], 4) * sin(x[0])
    }
    /// Analytic S_i and S_Ti (Saltelli et al. 2008, "Global Sensitivity Analysis. The Primer").
    static let firstOrder = [0.3139, 0.4424, 0.0]
    static let total = [0.5576, 0.4424, 0.2437]
    static let paths = ["actors.a.x1", "actors.a.x2", "actors.a.x3"]

    /// Writes a folder as `escsim run --design ...` leaves it: manifest.json with `design`,
    /// experiments.csv, replications.csv (outcome `y` and indicator `high`, `y > 8`, and
    /// `late_day`, empty in some runs) and draws.csv (one drawn input, `actors.a.draw`).
    static func writeFolder(
        _ dir: URL, method: String, extra: String, points: [[Double]], bounds: [(low: Double, high: Double)],
        replications: Int, outcome: ([Double]) -> Double
    ) throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let parameters = zip(paths, bounds).map { "{\"path\": \"\($0)\", \"low\": \($1.low), \"high\": \($1.high)}" }
        try """
        {"scenario": {"name": "fixture"}, "design": {"method": "\(method)", "points": \(points.count), \
        "policies": ["baseline"], "parameters": [\(parameters.joined(separator: ", "))], \(extra)}}
        """.write(to: dir.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        var experiments = "variant,point,policy," + paths.joined(separator: ",") + "\n"
        var runs = "variant,replication,status,error,end_state,y,high,late_day\n"
        var draws = "variant,replication,actors.a.draw\n"
        let stream = RandomStream(seed: 77)
        for (index, point) in points.enumerated() {
            let variant = String(format: "point_%04d", index + 1)
            experiments += "\(variant),\(index + 1),baseline," + point.map { "\($0)" }.joined(separator: ",") + "\n"
            for r in 0..<replications {
                let y = outcome(point)
                let draw = stream.uniform()
                runs += "\(variant),\(r),ok,,stalemate,\(y),\(y > 8 ? 1 : 0),\(draw < 0.5 ? "" : "3")\n"
                draws += "\(variant),\(r),\(draw)\n"
            }
        }
        try experiments.write(to: dir.appendingPathComponent("experiments.csv"), atomically: true, encoding: .utf8)
        try runs.write(to: dir.appendingPathComponent("replications.csv"), atomically: true, encoding: .utf8)
        try draws.write(to: dir.appendingPathComponent("draws.csv"), atomically: true, encoding: .utf8)
    }

    /// The rows of a CSV file with a plain header (no quoted fields), as dictionaries.
    static func rows(_ url: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            Dictionary(
                uniqueKeysWithValues: zip(
                    header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    static let ishigamiBounds: [(low: Double, high: Double)] = [
        (-Double.pi, Double.pi), (-Double.pi, Double.pi), (-Double.pi, Double.pi),
    ]

    @Test func aSobolFolderGivesIshigamisIndices() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let n = 2048
        try Self.writeFolder(
            dir, method: "sobol", extra: "\"base_samples\": \(n)",
            points: SaltelliDesign.points(baseSamples: n, bounds: Self.ishigamiBounds), bounds: Self.ishigamiBounds,
            replications: 1, outcome: Self.ishigami)
        let result = try CLI.run(["sensitivity", dir.path, "--bootstrap", "300"])
        #expect(result.status == 0, "\(result.stderr)")
        let sobol = try Self.rows(dir.appendingPathComponent("sobol.csv"))
        let y = sobol.filter { $0["outcome"] == "y" }
        #expect(y.map { $0["parameter"] } == Self.paths)
        for (i, row) in y.enumerated() {
            let value = { (key: String) in Double(row[key] ?? "") ?? .nan }
            // Within the bootstrap interval, and (at N = 2048) within 0.05 of the analytic value.
            #expect(value("first_order_low") <= Self.firstOrder[i] + 1e-4)
            #expect(Self.firstOrder[i] - 1e-4 <= value("first_order_high"))
            #expect(value("total_low") <= Self.total[i] + 1e-4 && Self.total[i] - 1e-4 <= value("total_high"))
            #expect(abs(value("first_order") - Self.firstOrder[i]) < 0.05)
            #expect(abs(value("total") - Self.total[i]) < 0.05)
            #expect(row["n_points"] == "\(n * 5)" && row["replications"] == "1" && row["noise_share"] == "")
        }
        // The indicator gets indices too (its mean per point is a probability) and a PRIM box;
        // the outcome left empty in half the runs gets neither.
        #expect(sobol.contains { $0["outcome"] == "high" })
        #expect(!sobol.contains { $0["outcome"] == "late_day" })
        let prim = try Self.rows(dir.appendingPathComponent("prim.csv"))
        #expect(prim.map { $0["parameter"] } == Self.paths + ["actors.a.draw"])
        #expect(prim.allSatisfy { $0["outcome"] == "high" && $0["box"] == "1" })
        // y > 8 needs sin^2 x2 near 1: x2 is restricted, the random draw is not.
        #expect(prim.first { $0["parameter"] == "actors.a.x2" }?["restricted"] == "TRUE")
        #expect(prim.first { $0["parameter"] == "actors.a.draw" }?["restricted"] == "FALSE")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("morris.csv").path))
        // The printed table ranks x1 first for y by total index.
        #expect(result.stdout.contains("baseline  y"))
        #expect(result.stdout.contains("S_T: actors.a.x1 0.5"))
        #expect(result.stdout.contains("wrote \(dir.path)/sobol.csv, \(dir.path)/prim.csv"))
        #expect(result.stdout.contains("skipped: baseline late_day"))
    }

    @Test func theSameFolderGivesTheSameBytes() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.writeFolder(
            dir, method: "sobol", extra: "\"base_samples\": 64",
            points: SaltelliDesign.points(baseSamples: 64, bounds: Self.ishigamiBounds), bounds: Self.ishigamiBounds,
            replications: 3, outcome: Self.ishigami)
        let first = dir.appendingPathComponent("one")
        let second = dir.appendingPathComponent("two")
        #expect(try CLI.run(["sensitivity", dir.path, "--out", first.path, "--quiet"]).status == 0)
        #expect(try CLI.run(["sensitivity", dir.path, "--out", second.path, "--quiet"]).status == 0)
        // Another folder's files are never replaced, not even by the same command.
        let again = try CLI.run(["sensitivity", dir.path, "--out", second.path, "--quiet"])
        #expect(again.status == 1)
        #expect(again.stderr.hasSuffix("/two/sobol.csv already exists; move it away or choose another --out\n"))
        for name in ["sobol.csv", "prim.csv"] {
            let a = try Data(contentsOf: first.appendingPathComponent(name))
            #expect(a == (try Data(contentsOf: second.appendingPathComponent(name))))
        }
        // Three identical replications per point: no noise (up to the rounding of a mean).
        let sobol = try Self.rows(first.appendingPathComponent("sobol.csv"))
        #expect(sobol.allSatisfy { (Double($0["noise_share"] ?? "") ?? .nan) < 1e-12 && $0["replications"] == "3" })
    }

    @Test func aMorrisFolderGivesALinearModelsCoefficients() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bounds = [(low: 0.0, high: 2.0), (0.0, 1.0), (5.0, 6.0)]
        let points = MorrisDesign.points(trajectories: 12, bounds: bounds, stream: RandomStream(seed: 5))
        try Self.writeFolder(
            dir, method: "morris", extra: "\"trajectories\": 12, \"levels\": 4", points: points, bounds: bounds,
            replications: 2, outcome: { 5 * $0[0] + $0[1] })
        let result = try CLI.run(["sensitivity", dir.path, "--outcome", "y"])
        #expect(result.status == 0, "\(result.stderr)")
        let morris = try Self.rows(dir.appendingPathComponent("morris.csv"))
        // 5 x1 over a range of 2 is 10 per full range; x2 is 1; x3 does nothing.
        // (Up to rounding: the points and outputs went through CSV text.)
        for (row, expected) in zip(morris, [10.0, 1, 0]) {
            #expect(abs((Double(row["mu_star"] ?? "") ?? .nan) - expected) < 1e-9)
            #expect(abs(Double(row["mu"] ?? "") ?? .nan) - expected < 1e-9)
            #expect((Double(row["sigma"] ?? "") ?? .nan) < 1e-9)
        }
        #expect(morris.count == 3)
        #expect(morris.allSatisfy { $0["outcome"] == "y" && $0["trajectories"] == "12" })
        #expect(result.stdout.contains("mu*: actors.a.x1 10, actors.a.x2 1, actors.a.x3 0"))
    }

    @Test func badInputIsOneLineAndWritesNothing() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = try CLI.run(["sensitivity", dir.appendingPathComponent("nowhere").path])
        #expect(missing.status == 2 && missing.stderr.hasSuffix("nowhere: no such folder\n"))

        let n = 16
        try Self.writeFolder(
            dir, method: "sobol", extra: "\"base_samples\": \(n + 1)",
            points: SaltelliDesign.points(baseSamples: n, bounds: Self.ishigamiBounds), bounds: Self.ishigamiBounds,
            replications: 1, outcome: Self.ishigami)
        let mismatch = try CLI.run(["sensitivity", dir.path])
        #expect(mismatch.status == 2)
        #expect(
            mismatch.stderr
                == "escsim sensitivity: a Sobol design of 17 base samples and 3 parameters has 85 points; "
                + "policy 'baseline' has 80\n")
        let unknown = try CLI.run(["sensitivity", dir.path, "--outcome", "nope"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no outcome 'nope'; the folder has y, high, late_day"))

        // A damaged number names file and line.
        let runs = dir.appendingPathComponent("replications.csv")
        var text = try String(contentsOf: runs, encoding: .utf8)
        text += "point_0001,9,ok,,stalemate,abc,0,\n"
        try text.write(to: runs, atomically: true, encoding: .utf8)
        let draws = dir.appendingPathComponent("draws.csv")
        try (try String(contentsOf: draws, encoding: .utf8) + "point_0001,9,0.5\n").write(
            to: draws, atomically: true, encoding: .utf8)
        let damaged = try CLI.run(["sensitivity", dir.path])
        #expect(damaged.status == 2)
        #expect(damaged.stderr == "escsim sensitivity: \(runs.path):82: 'abc' in column 'y' is not a number\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("sobol.csv").path))

        // A manifest whose design cannot be read.
        try "{\"design\": {\"method\": \"sobol\", \"points\": 80}}".write(
            to: dir.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        let manifest = try CLI.run(["sensitivity", dir.path])
        #expect(manifest.status == 2)
        #expect(
            manifest.stderr
                == "escsim sensitivity: \(dir.path)/manifest.json: not a manifest with a readable \"design\" "
                + "(missing 'design.policies')\n")

        let bad = try CLI.run(["sensitivity", dir.path, "--prim-min-mass", "0"])
        #expect(bad.status == 64)
    }

    @Test func aFileOfYoursIsNeverOverwritten() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.writeFolder(
            dir, method: "sobol", extra: "\"base_samples\": 8",
            points: SaltelliDesign.points(baseSamples: 8, bounds: Self.ishigamiBounds), bounds: Self.ishigamiBounds,
            replications: 1, outcome: Self.ishigami)
        let mine = dir.appendingPathComponent("prim.csv")
        try "my notes\n".write(to: mine, atomically: true, encoding: .utf8)
        let result = try CLI.run(["sensitivity", dir.path])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "escsim sensitivity: \(mine.path) exists and is not a file escsim wrote there; move it away or "
                + "choose --out\n")
        #expect(try String(contentsOf: mine, encoding: .utf8) == "my notes\n")
        // Nothing else was published either.
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("sobol.csv").path))
    }

    @Test func aPlainRunGetsPRIMOverItsDraws() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "{\"scenario\": {\"name\": \"plain\"}}".write(
            to: dir.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        // Old layout: the draws are trailing dotted columns of replications.csv, no draws.csv.
        var runs = "variant,replication,status,error,end_state,fell,actors.a.p,actors.a.q\n"
        let stream = RandomStream(seed: 3)
        for r in 0..<2000 {
            let p = stream.uniform()
            let q = stream.uniform()
            runs += "baseline,\(r),ok,,stalemate,\(p > 0.8 ? 1 : 0),\(p),\(q)\n"
        }
        runs += "baseline,2000,guard,max_events,incomplete,,0.5,0.5\n"
        try runs.write(to: dir.appendingPathComponent("replications.csv"), atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("prim")
        let result = try CLI.run(["sensitivity", dir.path, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let prim = try Self.rows(out.appendingPathComponent("prim.csv"))
        #expect(prim.map { $0["parameter"] } == ["actors.a.p", "actors.a.q"])
        #expect(prim.map { $0["restricted"] } == ["TRUE", "FALSE"])
        // The box is p >= 0.8 within a peel (5% of the box) plus sampling, and pure.
        let low = Double(prim[0]["low"] ?? "") ?? .nan
        #expect(abs(low - 0.8) < 0.05 + 3 / sqrt(2000.0))
        #expect(prim[0]["density"] == "1")
    }
}
