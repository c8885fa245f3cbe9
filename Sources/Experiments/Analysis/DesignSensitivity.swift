import Foundation
import Stochastic

/// Global sensitivity analysis of a batch's outcomes: `sobol.csv` for a Sobol design,
/// `morris.csv` for a Morris design, `prim.csv` (scenario discovery) for every 0/1 outcome. The
/// same code serves `escsim run --design ...` (from the batch in memory) and
/// `escsim sensitivity DIR` (from the folder's CSV files); see docs/sensitivity.md.
///
/// Only the replications that ended `ok` are given. Each policy (`baseline` and every variant
/// crossed with the design) is analysed on its own, over all design points.
///
/// Which outcomes: Sobol and Morris take every outcome that has a value in every replication
/// (quantities and 0/1 indicators, whose mean per point is a probability); an outcome left
/// empty in some replications (the day of an event that did not always happen) is skipped,
/// since its mean over the replications where it happened is not a function of the inputs
/// alone. PRIM takes every outcome whose values are all 0 or 1, with at least one of each.
public struct DesignSensitivity: Sendable {
    /// How the design's points were made; only Sobol and Morris designs get their own tables.
    public enum Method: Sendable, Hashable {
        case sobol(baseSamples: Int)
        case morris(trajectories: Int, levels: Int)
        /// A grid, a Latin hypercube, a design file, or no design at all: PRIM only.
        case other

        /// The analysis that fits a `--design` method (`.other` for a file).
        public init(_ method: DesignMethod) {
            switch method {
            case .sobol(let baseSamples): self = .sobol(baseSamples: baseSamples)
            case .morris(let trajectories, let levels): self = .morris(trajectories: trajectories, levels: levels)
            case .file: self = .other
            }
        }

        /// The analysis that fits a batch's recorded design (`manifest.json`'s `"design"`):
        /// `.other` for grid, Latin hypercube and file designs, or when a count is missing.
        public init(_ design: DesignDescription) {
            switch (design.method, design.baseSamples, design.trajectories) {
            case ("sobol", let baseSamples?, _): self = .sobol(baseSamples: baseSamples)
            case ("morris", _, let trajectories?):
                self = .morris(trajectories: trajectories, levels: design.levels ?? MorrisDesign.defaultLevels)
            default: self = .other
            }
        }
    }

    /// One swept parameter, with its range (needed for Sobol and Morris).
    public struct Parameter: Sendable, Hashable {
        public var path: String
        public var low: Double
        public var high: Double

        public init(path: String, low: Double, high: Double) {
            self.path = path
            self.low = low
            self.high = high
        }

        /// A recorded design's parameter; a bound it does not give (a file design) is NaN.
        public init(_ parameter: DesignDescription.Parameter) {
            self.init(path: parameter.path, low: parameter.low ?? .nan, high: parameter.high ?? .nan)
        }
    }

    /// One experiment (batch variant): which point, which policy, and the swept values there
    /// (in the order of `parameters`).
    public struct Experiment: Sendable, Hashable {
        public var variant: String
        public var point: Int
        public var policy: String
        public var sweptValues: [Double]

        public init(variant: String, point: Int, policy: String, sweptValues: [Double]) {
            self.variant = variant
            self.point = point
            self.policy = policy
            self.sweptValues = sweptValues
        }
    }

    /// One `ok` replication: its variant, its index (the same index draws the same random
    /// numbers at every point), its outcomes (in the order of `outcomeNames`; NaN for an empty
    /// field) and its drawn inputs (in the order of `drawNames`).
    public struct Replication: Sendable, Hashable {
        public var variant: String
        public var replication: Int
        public var outcomes: [Double]
        public var draws: [Double]

        public init(variant: String, replication: Int, outcomes: [Double], draws: [Double]) {
            self.variant = variant
            self.replication = replication
            self.outcomes = outcomes
            self.draws = draws
        }
    }

    /// Settings of the analysis.
    public struct Options: Sendable, Hashable {
        /// Outcomes to analyse, or nil for all.
        public var outcomes: [String]?
        /// Bootstrap resamples for the intervals (0: no intervals).
        public var bootstrap: Int
        /// PRIM peels until a box would hold less than this share of the points.
        public var primMinimumMass: Double
        /// PRIM reports the densest box covering at least this share of the cases.
        public var primMinimumCoverage: Double

        public init(
            outcomes: [String]? = nil, bootstrap: Int = 1000, primMinimumMass: Double = 0.05,
            primMinimumCoverage: Double = 0.5
        ) {
            self.outcomes = outcomes
            self.bootstrap = bootstrap
            self.primMinimumMass = primMinimumMass
            self.primMinimumCoverage = primMinimumCoverage
        }
    }

    /// The three tables (nil when there is nothing to put in one) and a few lines per outcome
    /// for the terminal.
    public struct Tables: Sendable {
        public var sobol: CSVTable?
        public var morris: CSVTable?
        public var prim: CSVTable?
        /// Per policy and outcome, the parameters in order of importance with the measure used.
        public var highlights: [Highlight]
        /// Outcomes left out, each with why.
        public var skipped: [String]
    }

    /// The most important parameters of one outcome under one policy.
    public struct Highlight: Sendable {
        public var policy: String
        public var outcome: String
        /// "S_T" (Sobol total, with the noise share when there are replications), "mu*"
        /// (Morris) or "box" (PRIM, with its coverage and density).
        public var measure: String
        /// Parameter and value, most important first (for PRIM: restricted inputs and text).
        public var ranked: [(parameter: String, value: Double, text: String)]
    }

    /// The files the tables go to, in a batch folder.
    public static let sobolFile = "sobol.csv"
    public static let morrisFile = "morris.csv"
    public static let primFile = "prim.csv"

    public static let sobolHeader = [
        "policy", "outcome", "parameter", "first_order", "first_order_low", "first_order_high", "total",
        "total_low", "total_high", "noise_share", "n_points", "replications",
    ]
    public static let morrisHeader = [
        "policy", "outcome", "parameter", "mu", "mu_star", "mu_star_low", "mu_star_high", "sigma", "trajectories",
    ]
    public static let primHeader = [
        "policy", "outcome", "box", "coverage", "density", "mass", "parameter", "low", "high", "restricted",
    ]

    /// PRIM looks at no more than this many replications per policy (the first ones, in the
    /// order given): peeling is O(rows x inputs) per step, and 20,000 rows put a box's edge
    /// within about a percent of the range.
    public static let primMaximumRows = 20_000

    public let method: Method
    /// The replications of each variant, in the order given.
    private let byVariant: [String: [Replication]]
    public let parameters: [Parameter]
    public let experiments: [Experiment]
    public let outcomeNames: [String]
    public let drawNames: [String]
    public let replications: [Replication]

    /// The data of a batch. For a batch without a design, `experiments` is empty and every
    /// variant is analysed on its own, over its draws.
    public init(
        method: Method, parameters: [Parameter], experiments: [Experiment], outcomeNames: [String],
        drawNames: [String], replications: [Replication]
    ) {
        self.method = method
        self.parameters = parameters
        self.experiments = experiments
        self.outcomeNames = outcomeNames
        self.drawNames = drawNames
        self.replications = replications
        byVariant = Dictionary(grouping: replications, by: \.variant)
    }

    /// Runs the analyses. Throws `ExperimentError` when the data do not fit the design (a
    /// Sobol design whose points are not N(k + 2), a parameter without a range, rows of the
    /// wrong length, an unknown outcome in `options.outcomes`).
    public func tables(_ options: Options = Options()) throws -> Tables {
        if let wanted = options.outcomes {
            for name in wanted where !outcomeNames.contains(name) {
                throw ExperimentError(
                    "--outcome: no outcome '\(name)'; the folder has \(outcomeNames.joined(separator: ", "))")
            }
        }
        if method != .other {
            for parameter in parameters
            where !(parameter.low.isFinite && parameter.high.isFinite && parameter.high > parameter.low) {
                throw ExperimentError(
                    "design parameter '\(parameter.path)' needs a range with high > low, got \(parameter.low) to \(parameter.high)"
                )
            }
        }
        for experiment in experiments where experiment.sweptValues.count != parameters.count {
            throw ExperimentError(
                "experiment '\(experiment.variant)' has \(experiment.sweptValues.count) swept values for "
                    + "\(parameters.count) design parameters")
        }
        for replication in replications
        where replication.outcomes.count != outcomeNames.count || replication.draws.count != drawNames.count {
            throw ExperimentError(
                "a replication of '\(replication.variant)' has \(replication.outcomes.count) outcomes and "
                    + "\(replication.draws.count) draws for \(outcomeNames.count) and \(drawNames.count) names")
        }
        let selected = outcomeNames.indices.filter { options.outcomes?.contains(outcomeNames[$0]) ?? true }
        var result = Tables(sobol: nil, morris: nil, prim: nil, highlights: [], skipped: [])
        var sobol = CSVTable(header: Self.sobolHeader)
        var morris = CSVTable(header: Self.morrisHeader)
        var prim = CSVTable(header: Self.primHeader)

        for group in groups() {
            let rows = group.experiments.flatMap { byVariant[$0.variant] ?? [] }
            for outcome in selected {
                let name = outcomeNames[outcome]
                let values = rows.map { $0.outcomes[outcome] }
                let complete = !values.isEmpty && values.allSatisfy(\.isFinite)
                // Constant up to rounding (a day that differs only in its last bits).
                if complete, method != .other,
                    let low = values.min(), let high = values.max(), high - low <= 1e-9 * Swift.max(1, abs(high))
                {
                    result.skipped.append("\(group.policy) \(name): the same in every replication; nothing to explain")
                    continue
                }
                switch method {
                case .sobol(let baseSamples):
                    guard complete else {
                        result.skipped.append("\(group.policy) \(name): empty in some replications; no Sobol indices")
                        break
                    }
                    try sobolRows(group, outcome, baseSamples, options, &sobol, &result.highlights)
                case .morris:
                    guard complete else {
                        result.skipped.append("\(group.policy) \(name): empty in some replications; no Morris effects")
                        break
                    }
                    try morrisRows(group, outcome, options, &morris, &result.highlights)
                case .other:
                    break
                }
                let finite = values.filter(\.isFinite)
                if !finite.isEmpty, finite.allSatisfy({ $0 == 0 || $0 == 1 }), finite.contains(0), finite.contains(1) {
                    primRows(group, rows, outcome, options, &prim, &result.highlights)
                }
            }
        }
        result.sobol = sobol.rowCount > 0 ? sobol : nil
        result.morris = morris.rowCount > 0 ? morris : nil
        result.prim = prim.rowCount > 0 ? prim : nil
        return result
    }

    /// A policy's experiments in point order; without a design, one group per variant.
    private struct Group {
        var policy: String
        var experiments: [Experiment]
    }

    private func groups() -> [Group] {
        guard !experiments.isEmpty else {
            var seen: [String] = []
            for replication in replications where !seen.contains(replication.variant) {
                seen.append(replication.variant)
            }
            return seen.map {
                Group(policy: $0, experiments: [Experiment(variant: $0, point: 1, policy: $0, sweptValues: [])])
            }
        }
        var order: [String] = []
        var members: [String: [Experiment]] = [:]
        for experiment in experiments {
            if members[experiment.policy] == nil { order.append(experiment.policy) }
            members[experiment.policy, default: []].append(experiment)
        }
        return order.map { Group(policy: $0, experiments: members[$0, default: []].sorted { $0.point < $1.point }) }
    }

    /// The outcome's values per point of the group, in point order, each point's values at
    /// their replication index (NaN where that replication failed or is missing).
    private func outputs(_ group: Group, _ outcome: Int) -> [[Double]] {
        let rows = group.experiments.map { byVariant[$0.variant] ?? [] }
        let width = (rows.joined().map(\.replication).max() ?? -1) + 1
        return rows.map { replications in
            var values = [Double](repeating: .nan, count: width)
            for replication in replications where replication.replication >= 0 {
                values[replication.replication] = replication.outcomes[outcome]
            }
            return values
        }
    }

    private func sobolRows(
        _ group: Group, _ outcome: Int, _ baseSamples: Int, _ options: Options, _ table: inout CSVTable,
        _ highlights: inout [Highlight]
    ) throws {
        let k = parameters.count
        guard k >= 1, group.experiments.count == SaltelliDesign.pointCount(baseSamples: baseSamples, parameters: k)
        else {
            throw ExperimentError(
                "a Sobol design of \(baseSamples) base samples and \(k) parameters has "
                    + "\(SaltelliDesign.pointCount(baseSamples: baseSamples, parameters: k)) points; policy "
                    + "'\(group.policy)' has \(group.experiments.count)")
        }
        let result = SobolIndices.estimate(
            outputs: outputs(group, outcome), parameters: k, bootstrap: options.bootstrap)
        let name = outcomeNames[outcome]
        for (parameter, index) in zip(parameters, result.parameters) {
            table.append([
                .text(group.policy), .text(name), .text(parameter.path), .number(index.firstOrder),
                .number(index.firstOrderInterval.low), .number(index.firstOrderInterval.high), .number(index.total),
                .number(index.totalInterval.low), .number(index.totalInterval.high), .number(result.noiseShare),
                .integer(result.points), .integer(result.replications),
            ])
        }
        let ranked = zip(parameters, result.parameters).map { parameter, index in
            (parameter: parameter.path, value: index.total, text: Self.short(index.total))
        }
        highlights.append(
            Highlight(
                policy: group.policy, outcome: name,
                measure: result.noiseShare.isNaN ? "S_T" : "S_T (noise share \(Self.short(result.noiseShare)))",
                ranked: ranked.sorted(by: Self.larger)))
    }

    private func morrisRows(
        _ group: Group, _ outcome: Int, _ options: Options, _ table: inout CSVTable, _ highlights: inout [Highlight]
    ) throws {
        let k = parameters.count
        guard k >= 1, !group.experiments.isEmpty, group.experiments.count % (k + 1) == 0 else {
            throw ExperimentError(
                "a Morris design of \(k) parameters has a multiple of \(k + 1) points; policy "
                    + "'\(group.policy)' has \(group.experiments.count)")
        }
        let means = outputs(group, outcome).map { values in
            let finite = values.filter(\.isFinite)
            return finite.isEmpty ? Double.nan : finite.reduce(0, +) / Double(finite.count)
        }
        let result = MorrisEffects.estimate(
            points: group.experiments.map(\.sweptValues), outputs: means,
            bounds: parameters.map { (low: $0.low, high: $0.high) }, bootstrap: options.bootstrap)
        let name = outcomeNames[outcome]
        for (parameter, effect) in zip(parameters, result.parameters) {
            table.append([
                .text(group.policy), .text(name), .text(parameter.path), .number(effect.mu), .number(effect.muStar),
                .number(effect.muStarInterval.low), .number(effect.muStarInterval.high), .number(effect.sigma),
                .integer(result.trajectories),
            ])
        }
        let ranked = zip(parameters, result.parameters).map { parameter, effect in
            (parameter: parameter.path, value: effect.muStar, text: Self.short(effect.muStar))
        }
        highlights.append(
            Highlight(policy: group.policy, outcome: name, measure: "mu*", ranked: ranked.sorted(by: Self.larger)))
    }

    private func primRows(
        _ group: Group, _ rows: [Replication], _ outcome: Int, _ options: Options, _ table: inout CSVTable,
        _ highlights: inout [Highlight]
    ) {
        // Inputs: the swept values of the replication's point, then its draws; an input left
        // empty in some of these runs (not drawn under this policy) is left out.
        let swept = Dictionary(uniqueKeysWithValues: group.experiments.map { ($0.variant, $0.sweptValues) })
        let allNames = (experiments.isEmpty ? [] : parameters.map(\.path)) + drawNames
        var points: [[Double]] = []
        var outcomes: [Bool] = []
        for row in rows where row.outcomes[outcome].isFinite {
            let point = (swept[row.variant] ?? []) + row.draws
            guard point.count == allNames.count else { continue }
            points.append(point)
            outcomes.append(row.outcomes[outcome] == 1)
            if points.count == Self.primMaximumRows { break }
        }
        let kept = allNames.indices.filter { i in points.allSatisfy { $0[i].isFinite } }
        let names = kept.map { allNames[$0] }
        guard !names.isEmpty, !points.isEmpty, outcomes.contains(true) else { return }
        let found = PRIM.discover(
            inputs: points.map { point in kept.map { point[$0] } }, outcomes: outcomes,
            minimumMass: options.primMinimumMass, minimumCoverage: options.primMinimumCoverage)
        let box = found.box
        let name = outcomeNames[outcome]
        var ranked: [(parameter: String, value: Double, text: String)] = []
        for (i, parameter) in names.enumerated() {
            let restricted = found.isRestricted(i)
            table.append([
                .text(group.policy), .text(name), .integer(1), .number(box.coverage), .number(box.density),
                .number(box.mass), .text(parameter), .number(box.lower[i]), .number(box.upper[i]), .bool(restricted),
            ])
            if restricted {
                // How much of the input's range the box cuts away: the narrower, the more it matters.
                let range = found.dataUpper[i] - found.dataLower[i]
                let kept = range > 0 ? (box.upper[i] - box.lower[i]) / range : 1
                ranked.append(
                    (
                        parameter, 1 - kept,
                        "\(Self.short(box.lower[i])) to \(Self.short(box.upper[i]))"
                    ))
            }
        }
        highlights.append(
            Highlight(
                policy: group.policy, outcome: name,
                measure:
                    "box (coverage \(Self.short(box.coverage)), density \(Self.short(box.density)))",
                ranked: ranked.sorted(by: Self.larger)))
    }

    /// Larger value first; NaN last; ties keep their order by name.
    private static func larger(
        _ a: (parameter: String, value: Double, text: String), _ b: (parameter: String, value: Double, text: String)
    ) -> Bool {
        let x = a.value.isNaN ? -Double.infinity : a.value
        let y = b.value.isNaN ? -Double.infinity : b.value
        return x != y ? x > y : a.parameter < b.parameter
    }

    /// Three significant digits, for the terminal (`%g` under the POSIX locale).
    static func short(_ x: Double) -> String {
        x.isFinite ? String(format: "%.3g", x) : "NA"
    }
}
