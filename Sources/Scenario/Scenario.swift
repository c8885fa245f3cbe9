import EscalationModel
import Stochastic

/// A validated, immutable scenario: the model's parameters and the distributions of its uncertain
/// numbers. Everything a batch needs; nothing in it changes once loaded.
public struct Scenario: Sendable {
    /// Identifier from the file (`name:`), used for the default output folder.
    public let name: String
    public let title: String
    /// The file as read, for its SHA-256 in the manifest.
    public let source: ScenarioSource
    /// Parameters with every uncertain number at its mean.
    public let baseParameters: ModelParameters
    /// Numbers drawn once per replication, in file order.
    public let uncertainParameters: [UncertainParameter]

    /// Loads and validates the scenario at `path`. Every problem is reported at once.
    public static func load(path: String) throws(ScenarioErrors) -> Scenario {
        try Scenario(source: ScenarioSource(contentsOf: path))
    }

    /// Validates scenario text (tests and `--set` use this).
    public static func parse(_ text: String, file: String = "<scenario>") throws(ScenarioErrors) -> Scenario {
        try Scenario(source: ScenarioSource(bytes: Array(text.utf8), file: file))
    }

    init(source: ScenarioSource) throws(ScenarioErrors) {
        let root = try source.compose()
        var decoder = ScenarioDecoder(file: source.file)
        let decoded = decoder.decode(root)
        guard let decoded, decoder.decoder.problems.isEmpty else {
            throw ScenarioErrors(decoder.decoder.problems)
        }
        self.name = decoded.name
        self.title = decoded.title
        self.source = source
        self.baseParameters = decoded.parameters
        self.uncertainParameters = decoder.uncertain
    }

    /// The parameters of replication `replication`: each uncertain number drawn, in file order,
    /// from the replication's parameter stream. Returns the draws too, for `replications.csv`.
    public func parameters(forReplication replication: Int, seeds: StreamSeeds) -> (ModelParameters, [Double]) {
        guard !uncertainParameters.isEmpty else { return (baseParameters, []) }
        let stream = RandomStream(seeds: seeds, replication: replication, stream: StreamLayout.parameters)
        var parameters = baseParameters
        var draws: [Double] = []
        draws.reserveCapacity(uncertainParameters.count)
        for uncertain in uncertainParameters {
            let value = uncertain.distribution.sample(stream)
            parameters[keyPath: uncertain.target] = value
            draws.append(value)
        }
        return (parameters, draws)
    }
}
