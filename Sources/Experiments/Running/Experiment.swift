import DiscreteEvent
import EscalationModel
import Stochastic

/// What a batch runs: the baseline and its variants (or sweep points), a master seed, the number
/// of replications, and whether variants share random numbers. Knows how to run one
/// replication of one variant and lay its results out as a fixed-width record.
public struct Experiment: Sendable {
    /// One variant (or sweep point) as the model sees it: the scenario's name and title, and the
    /// parameters with the unknowns each replication draws. The YAML layer makes these (the
    /// `compile` function handed to `ExperimentPlan.experiment(compile:)`); Experiments never
    /// reads a scenario file.
    public struct Variant: Sendable {
        /// The scenario's `name:` (it names the output folder).
        public let name: String
        public let title: String
        public let draw: ParameterDraw

        public init(name: String, title: String, draw: ParameterDraw) {
            self.name = name
            self.title = title
            self.draw = draw
        }

        public var baseParameters: ModelParameters { draw.base }
        public var uncertainParameters: [UncertainParameter] { draw.uncertain }
    }

    /// Index 0 is the baseline (or the first sweep point).
    public let scenarios: [Variant]
    public let variantNames: [String]
    /// For sweep points: the value of each swept path, by parameter column; empty otherwise.
    public let sweptValues: [[String: Double]]
    /// For design batches: the points, policies and parameters (experiment order); nil otherwise.
    public let design: DesignDescription?
    public let seed: UInt64
    public let commonRandomNumbers: Bool
    public let schema: OutcomeSchema
    public let layout: RecordLayout
    /// For each variant, the record slot of each uncertain parameter (in draw order) and each
    /// swept value: looked up once here, not by name for every replication.
    private let parameterSlots: [[Int]]
    private let sweptSlots: [[(slot: Int, value: Double)]]

    /// - Throws: a message when the variants do not share the baseline's outcome columns.
    public init(
        scenarios: [Variant], variantNames: [String], sweptValues: [[String: Double]] = [],
        design: DesignDescription? = nil, seed: UInt64, commonRandomNumbers: Bool = true, daily: Bool = false
    ) throws(ExperimentError) {
        precondition(!scenarios.isEmpty && scenarios.count == variantNames.count)
        let schema = OutcomeSchema(parameters: scenarios[0].baseParameters)
        for (scenario, name) in zip(scenarios, variantNames)
        where OutcomeSchema(parameters: scenario.baseParameters).columns.map(\.name) != schema.columns.map(\.name) {
            throw ExperimentError(
                "variant '\(name)' changes the outcome columns (actors, cities or rungs); "
                    + "variants may change numbers only")
        }
        // `daily.csv` has one header for all variants: they must name the same regions too.
        let dailySeries = daily ? DailySeriesCatalogue.columns(for: scenarios[0].baseParameters) : []
        for (scenario, name) in zip(scenarios, variantNames)
        where daily && DailySeriesCatalogue.columns(for: scenario.baseParameters).map(\.name) != dailySeries.map(\.name)
        {
            throw ExperimentError(
                "variant '\(name)' changes the daily series (regions or actors); variants may change numbers only")
        }
        var parameterColumns: [String] = []
        for (index, scenario) in scenarios.enumerated() {
            for path in scenario.uncertainParameters.map(\.path)
                + (sweptValues.isEmpty ? [] : sweptValues[index].keys.sorted())
            where !parameterColumns.contains(path) {
                parameterColumns.append(path)
            }
        }
        let base = scenarios[0].baseParameters
        self.scenarios = scenarios
        self.variantNames = variantNames
        self.sweptValues = sweptValues
        self.design = design
        self.seed = seed
        self.commonRandomNumbers = commonRandomNumbers
        self.schema = schema
        // The timeline runs to the longest horizon of any variant: a variant may lengthen it.
        let longest = scenarios.map(\.baseParameters.horizonDays).max() ?? base.horizonDays
        self.layout = RecordLayout(
            outcomes: schema.columns, parameters: parameterColumns,
            days: Int(longest.rounded(.down)),
            actors: base.actors.map(\.id), dailySeries: dailySeries)
        let layout = self.layout
        parameterSlots = scenarios.map { scenario in
            scenario.uncertainParameters.map { layout.parameterIndex[$0.path]! }
        }
        sweptSlots = scenarios.indices.map { variant in
            sweptValues.isEmpty ? [] : sweptValues[variant].map { (layout.parameterIndex[$0.key]!, $0.value) }
        }
    }

    public var variantCount: Int { scenarios.count }

    /// Whether the records hold the daily series and the batch writes `daily.csv` (`--daily`).
    public var daily: Bool { !layout.dailySeries.isEmpty }

    /// The seeds of a variant: shared by all variants under common random numbers, else each
    /// variant gets its own master seed (mixed from the seed and the variant's index).
    public func seeds(forVariant variant: Int) -> StreamSeeds {
        guard !commonRandomNumbers, variant > 0 else { return StreamSeeds(masterSeed: seed) }
        return StreamSeeds(masterSeed: seed ^ (0x9E37_79B9_7F4A_7C15 &* UInt64(variant)))
    }

    /// Runs replication `replication` of every variant: one record each, in variant order.
    public func runGroup(replication: Int) -> [Double] {
        var group: [Double] = []
        runGroup(replication: replication, workspace: ReplicationWorkspace(), into: &group)
        return group
    }

    /// Runs replication `replication` of every variant into `group` (emptied first, its storage
    /// kept), in a worker's `workspace`: once a group has run there, the next allocates nothing
    /// but the kernel's event queue. The same records as `runGroup(replication:)`.
    public func runGroup(replication: Int, workspace: ReplicationWorkspace, into group: inout [Double]) {
        group.removeAll(keepingCapacity: true)
        group.reserveCapacity(layout.width * variantCount)
        for variant in 0..<variantCount {
            let scenario = scenarios[variant]
            let seeds = seeds(forVariant: variant)
            let parameters = scenario.draw.parameters(forReplication: replication, seeds: seeds, workspace: workspace)
            let outcome = Replication.run(
                parameters: parameters, seeds: seeds, index: replication, workspace: workspace)
            let draws = workspace.draws
            var parameterValues = Array.recycled(&workspace.parameterValues)
            parameterValues.append(contentsOf: repeatElement(.nan, count: layout.parameters.count))
            for (slot, draw) in zip(parameterSlots[variant], draws) { parameterValues[slot] = draw }
            for (slot, value) in sweptSlots[variant] { parameterValues[slot] = value }
            var values = Array.recycled(&workspace.outcomeValues)
            schema.values(of: outcome, into: &values)
            defer {
                workspace.parameterValues = parameterValues
                workspace.outcomeValues = values
            }
            layout.encode(
                outcome: outcome, values: values, parameters: parameterValues,
                replication: replication, variant: variant,
                horizonDays: scenario.baseParameters.horizonDays, into: &group)
        }
    }
}

/// A batch that cannot be set up as asked.
public struct ExperimentError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
