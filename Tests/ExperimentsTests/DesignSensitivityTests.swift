import Experiments
import Foundation
import Stochastic
import Testing

/// The analysis behind sobol.csv, morris.csv and prim.csv, fed from memory as `escsim run`
/// feeds it: policies analysed apart, rows in the documented columns.
@Suite struct DesignSensitivityTests {
    static let bounds: [(low: Double, high: Double)] = [
        (-Double.pi, Double.pi), (-Double.pi, Double.pi), (-Double.pi, Double.pi),
    ]
    static let parameters = ["p.x1", "p.x2", "p.x3"].enumerated().map {
        DesignSensitivity.Parameter(path: $1, low: bounds[$0].low, high: bounds[$0].high)
    }

    /// A Sobol design crossed with two policies: under `baseline` y is Ishigami, under `calm` only
    /// x1 matters (y = sin x1), so its first-order index of x1 is 1 and the others 0.
    static func twoPolicies(n: Int) -> DesignSensitivity {
        let points = SaltelliDesign.points(baseSamples: n, bounds: bounds)
        var experiments: [DesignSensitivity.Experiment] = []
        var replications: [DesignSensitivity.Replication] = []
        for (index, point) in points.enumerated() {
            for policy in ["baseline", "calm"] {
                let variant = String(format: "point_%04d/%@", index + 1, policy)
                experiments.append(.init(variant: variant, point: index + 1, policy: policy, sweptValues: point))
                let y =
                    policy == "calm"
                    ? sin(point[0])
                    : sin(point[0]) + 7 * pow(sin(point[1]), 2) + 0.1 * pow(point[2], 4) * sin(point[0])
                replications.append(.init(variant: variant, replication: 0, outcomes: [y, y > 0.5 ? 1 : 0], draws: []))
            }
        }
        return DesignSensitivity(
            method: .sobol(baseSamples: n), parameters: parameters, experiments: experiments,
            outcomeNames: ["y", "up"], drawNames: [], replications: replications)
    }

    @Test func eachPolicyIsAnalysedOnItsOwn() throws {
        let tables = try Self.twoPolicies(n: 512).tables(.init(bootstrap: 100))
        let sobol = try #require(tables.sobol)
        #expect(sobol.header == DesignSensitivity.sobolHeader)
        // 2 policies x 2 outcomes x 3 parameters.
        #expect(sobol.rowCount == 12)
        let lines = sobol.text.split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        let calm = lines.filter { $0[0] == "calm" && $0[1] == "y" }
        #expect(calm.map { String($0[2]) } == ["p.x1", "p.x2", "p.x3"])
        // f(AB_i) = f(A) for the parameters that do nothing, so their indices are exactly 0;
        // x1's first-order estimate is 1 only up to the design's error (about 1/N).
        #expect(abs((Double(calm[0][3]) ?? .nan) - 1) < 0.01)
        #expect(Double(calm[1][3]) == 0 && Double(calm[2][6]) == 0)
        #expect(tables.morris == nil)
        #expect(
            tables.highlights.map { "\($0.policy) \($0.outcome) \($0.measure.prefix(3))" }.prefix(4) == [
                "baseline y S_T", "baseline up S_T", "baseline up box", "calm y S_T",
            ])
        let prim = try #require(tables.prim)
        #expect(prim.header == DesignSensitivity.primHeader)
        // `up` is 0/1 under both policies: a box per policy, a row per parameter.
        #expect(prim.rowCount == 6)
    }

    @Test func onlyTheOutcomesAskedForAreAnalysed() throws {
        let tables = try Self.twoPolicies(n: 64).tables(.init(outcomes: ["up"], bootstrap: 0))
        #expect(tables.sobol?.text.contains(",y,") == false)
        #expect(throws: ExperimentError.self) { try Self.twoPolicies(n: 8).tables(.init(outcomes: ["z"])) }
        // Data that do not fit the design are an error, not a crash.
        let short = DesignSensitivity(
            method: .morris(trajectories: 1, levels: 4), parameters: Self.parameters,
            experiments: [.init(variant: "p", point: 1, policy: "baseline", sweptValues: [0])], outcomeNames: [],
            drawNames: [], replications: [])
        #expect(throws: ExperimentError.self) { try short.tables() }
        // A constant outcome is skipped with a note rather than given empty indices.
        let constant = DesignSensitivity(
            method: .sobol(baseSamples: 2), parameters: Self.parameters,
            experiments: (0..<10).map {
                .init(variant: "p\($0)", point: $0 + 1, policy: "baseline", sweptValues: [0, 0, 0])
            },
            outcomeNames: ["flat"], drawNames: [],
            replications: (0..<10).map { .init(variant: "p\($0)", replication: 0, outcomes: [3], draws: []) })
        let flat = try constant.tables(.init(bootstrap: 0))
        #expect(flat.sobol == nil)
        #expect(flat.skipped == ["baseline flat: the same in every replication; nothing to explain"])
    }

    @Test func aPlainRunGetsABoxPerVariantOverTheInputsItDrew() throws {
        // Two variants; `talks` does not draw `b.q` (empty), so its box leaves that input out.
        let stream = RandomStream(seed: 12)
        var replications: [DesignSensitivity.Replication] = []
        for _ in 0..<1000 {
            let p = stream.uniform()
            let q = stream.uniform()
            replications.append(
                .init(
                    variant: "baseline", replication: replications.count / 2, outcomes: [p < 0.3 ? 1 : 0],
                    draws: [p, q]))
            replications.append(
                .init(
                    variant: "talks", replication: replications.count / 2, outcomes: [p < 0.3 ? 1 : 0],
                    draws: [p, .nan]))
        }
        let data = DesignSensitivity(
            method: .other, parameters: [], experiments: [], outcomeNames: ["fell"], drawNames: ["a.p", "b.q"],
            replications: replications)
        let prim = try #require(try data.tables(.init(bootstrap: 0)).prim)
        let rows = prim.text.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(
            rows.map { "\($0[0]) \($0[6]) \($0[9])" } == ["baseline a.p TRUE", "baseline b.q FALSE", "talks a.p TRUE"])
        #expect(
            DesignSensitivity.Method(try DesignMethod(argument: "morris:8:6")) == .morris(trajectories: 8, levels: 6))
        #expect(DesignSensitivity.Method(.file("x.csv")) == .other)
        // From the design a batch records in manifest.json.
        let recorded = DesignDescription(
            method: "sobol", points: 20, policies: ["baseline"],
            parameters: [.init(path: "a.b", low: 1, high: 2), .init(path: "c.d")], baseSamples: 5)
        #expect(DesignSensitivity.Method(recorded) == .sobol(baseSamples: 5))
        #expect(
            DesignSensitivity.Method(
                DesignDescription(method: "morris", points: 9, policies: [], parameters: [], trajectories: 3))
                == .morris(trajectories: 3, levels: 4))
        #expect(
            DesignSensitivity.Method(DesignDescription(method: "grid", points: 9, policies: [], parameters: []))
                == .other)
        #expect(DesignSensitivity.Parameter(recorded.parameters[0]) == .init(path: "a.b", low: 1, high: 2))
        #expect(DesignSensitivity.Parameter(recorded.parameters[1]).low.isNaN)
    }
}
