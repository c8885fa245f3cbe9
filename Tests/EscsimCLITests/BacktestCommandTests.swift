import Foundation
import Testing

/// `escsim backtest` at a small size: that the command works on the shipped cases, not a gate
/// on their scores.
@Suite(.serialized) struct BacktestCommandTests {
    static let cases = ["aleppo-2024", "aleppo-2016", "idlib-2020", "peace-spring-2019"].map {
        CLI.packageRoot.appendingPathComponent("Scenarios/\($0).yaml").path
    }

    @Test func everyCaseGetsARowAndEveryCheckALine() throws {
        let result = try CLI.run(
            ["backtest"] + Self.cases + ["-r", "10", "--leave-one-out", "--particles", "8", "--generations", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("case") == true && lines.first?.contains("LOCO events CRPS") == true)
        for name in ["aleppo-2024", "aleppo-2016", "idlib-2020", "peace-spring-2019"] {
            let row = lines.first { $0.hasPrefix(name + " ") }
            #expect(row != nil, "no row for \(name)")
            // Ten cells: the case, its observations, four figures in-sample and four left out.
            #expect(row.map { $0.split(separator: " ", omittingEmptySubsequences: true).count } == 10, "\(row ?? "")")
        }
        let checks = lines.filter { $0.contains(": pass - ") || $0.contains(": FAIL - ") }
        #expect(checks.count == 21)
        // The same seed gives the same table, whatever the thread count.
        let again = try CLI.run(
            ["backtest"] + Self.cases + [
                "-r", "10", "--leave-one-out", "--particles", "8", "--generations", "1", "-t", "1",
            ])
        #expect(again.stdout.split(separator: "\n").dropLast() == result.stdout.split(separator: "\n").dropLast())
    }

    @Test func theJointCalibrationAddsItsColumnsAndChecks() throws {
        let result = try CLI.run(
            ["backtest"] + Self.cases + ["-r", "5", "--joint", "--particles", "8", "--generations", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains("joint events CRPS") == true && lines.first?.contains("LOCO") == false)
        for name in ["aleppo-2024", "aleppo-2016", "idlib-2020", "peace-spring-2019"] {
            let row = lines.first { $0.hasPrefix(name + " ") }
            // Ten cells: the case, its observations, four figures as written and four calibrated.
            #expect(row.map { $0.split(separator: " ", omittingEmptySubsequences: true).count } == 10, "\(row ?? "")")
        }
        #expect(lines.filter { $0.contains(" (joint): pass - ") || $0.contains(" (joint): FAIL - ") }.count == 21)
    }

    @Test func aCaseWithoutObservationsIsNamed() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lone = dir.appendingPathComponent("lone.yaml").path
        try FileManager.default.copyItem(atPath: CLI.baseline, toPath: lone)
        try FileManager.default.copyItem(
            atPath: CLI.packageRoot.appendingPathComponent("Scenarios/engine.yaml").path,
            toPath: dir.appendingPathComponent("engine.yaml").path)
        let result = try CLI.run(["backtest", lone, "-r", "5"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("lone.observations.yaml"), "\(result.stderr)")
    }
}
