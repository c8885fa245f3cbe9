import Stochastic

/// A model number that is unknown: given as a distribution and drawn once per replication.
/// `@unchecked` because key paths are immutable but not declared `Sendable`.
public struct UncertainParameter: @unchecked Sendable {
    /// Dotted path in the scenario, e.g. `actors.russia.commitment`; also its column name.
    public let path: String
    public let distribution: Distribution
    /// The replication stream it is drawn from (its actor's, its region's, or the shared one;
    /// see `StreamLayout`).
    public let stream: Int
    /// Where the draw goes in the model's parameters.
    public let target: WritableKeyPath<ModelParameters, Double>

    public init(
        path: String, distribution: Distribution, stream: Int,
        target: WritableKeyPath<ModelParameters, Double>
    ) {
        self.path = path
        self.distribution = distribution
        self.stream = stream
        self.target = target
    }
}
