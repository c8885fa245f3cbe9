import EscalationModel
import Experiments
import Foundation
import Stochastic
import Testing

/// `escsim run --design sobol:N | morris:R[:L] | FILE.csv`: the argument parsed, and the points
/// made from the scenario's `sweep:` ranges in the order the analysis reads them back.
@Suite struct DesignMethodTests {
    private func refusal(_ argument: String) -> String? {
        do {
            let method = try DesignMethod(argument: argument)
            Issue.record("accepted: \(method)")
            return nil
        } catch {
            return "\(error)"
        }
    }

    private static let sweep = SweepSpecification(
        method: .grid, points: 0,
        parameters: [
            .init(path: "a.x", values: nil, low: -1, high: 1, steps: 2),
            .init(path: "b.y", values: nil, low: 10, high: 20, steps: 2),
        ])

    @Test func methodsAndFilesAreParsed() throws {
        #expect(try DesignMethod(argument: "sobol:512") == .sobol(baseSamples: 512))
        #expect(try DesignMethod(argument: "morris:20") == .morris(trajectories: 20, levels: 4))
        #expect(try DesignMethod(argument: "morris:20:6") == .morris(trajectories: 20, levels: 6))
        #expect(try DesignMethod(argument: "points.csv") == .file("points.csv"))
        #expect(try DesignMethod(argument: "./sobol:1") == .file("./sobol:1"))
        // A bare word is a file name.
        #expect(try DesignMethod(argument: "sobol") == .file("sobol"))
        for argument in ["sobol:512", "morris:20", "morris:20:6", "points.csv"] {
            #expect(try DesignMethod(argument: argument).argument == argument)
        }
        #expect(try DesignMethod(argument: "sobol:8").name == "sobol")
    }

    @Test func malformedMethodsAreOneClearLine() {
        #expect(
            refusal("sobol:0")
                == "--design: 'sobol:0': the number of base samples must be a whole number of at least 1, "
                + "got '0'; e.g. sobol:512")
        #expect(refusal("sobol:x")?.contains("got 'x'") == true)
        #expect(refusal("sobol:") != nil)
        #expect(refusal("sobol:1:2")?.contains("write sobol:N") == true)
        #expect(refusal("morris:")?.contains("the number of trajectories") == true)
        #expect(refusal("morris:5:3")?.contains("must be even and at least 2, got '3'") == true)
        #expect(refusal("morris:5:0") != nil)
        #expect(refusal("morris:1:2:3")?.contains("morris:R:L") == true)
        #expect(refusal("") == "--design: give a CSV file, sobol:N or morris:R[:L]")
    }

    @Test func sobolPointsFollowTheSaltelliDesignOnTheRanges() throws {
        let points = try SweepDesign.points(of: .sobol(baseSamples: 16), sweep: Self.sweep, seed: 1)
        let unit = SaltelliDesign.unitPoints(baseSamples: 16, parameters: 2)
        #expect(points.count == 16 * 4)
        for (point, u) in zip(points, unit) {
            #expect(point.map(\.path) == ["a.x", "b.y"])
            #expect(abs(point[0].value - (-1 + 2 * u[0])) < 1e-12)
            #expect(abs(point[1].value - (10 + 10 * u[1])) < 1e-12)
        }
        // No seed in a Sobol design.
        #expect(try SweepDesign.points(of: .sobol(baseSamples: 16), sweep: Self.sweep, seed: 2) == points)
    }

    @Test func morrisPointsDependOnTheSeedAndStayOnTheGrid() throws {
        let one = try SweepDesign.points(of: .morris(trajectories: 10, levels: 4), sweep: Self.sweep, seed: 1)
        #expect(one.count == 10 * 3)
        #expect(try SweepDesign.points(of: .morris(trajectories: 10, levels: 4), sweep: Self.sweep, seed: 1) == one)
        #expect(try SweepDesign.points(of: .morris(trajectories: 10, levels: 4), sweep: Self.sweep, seed: 2) != one)
        let levels: Set<Double> = [10, 10 + 10.0 / 3, 10 + 20.0 / 3, 20]
        #expect(one.allSatisfy { point in levels.contains { abs($0 - point[1].value) < 1e-9 } })
    }

    @Test func designsNeedRangesAndRespectTheCap() {
        func message(_ method: DesignMethod, _ sweep: SweepSpecification?) -> String {
            do {
                _ = try SweepDesign.points(of: method, sweep: sweep, seed: 1)
                return "accepted"
            } catch {
                return "\(error)"
            }
        }
        #expect(message(.sobol(baseSamples: 4), nil).contains("has no sweep: section"))
        var listed = Self.sweep
        listed.parameters[1].values = [1, 2, 3]
        #expect(
            message(.morris(trajectories: 4, levels: 4), listed)
                == "--design morris:4: sweep parameter 'b.y' lists values; a Morris design samples a range, "
                + "so give it low and high")
        // 2500 x (2 + 2) = 10,000 points is the most; one more base sample is refused.
        #expect(message(.sobol(baseSamples: 2500), Self.sweep) == "accepted")
        #expect(
            message(.sobol(baseSamples: 2501), Self.sweep)
                == "--design sobol:2501: 2501 x (2 parameters + 2) = 10004 points; at most 10000, so sobol:2500 at most"
        )
        #expect(message(.morris(trajectories: 3334, levels: 4), Self.sweep).contains("at most 10000, so morris:3333"))
    }

    @Test func aFileDesignReadsTheCSV() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("design-\(UUID().uuidString).csv").path
        try "a.x,b.y\n0.5,12\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let points = try SweepDesign.points(of: try DesignMethod(argument: path), sweep: nil, seed: 1)
        #expect(points.map { $0.map(\.setting) } == [["a.x=0.5", "b.y=12"]])
    }
}
