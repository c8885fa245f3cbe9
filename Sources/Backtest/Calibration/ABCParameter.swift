import Stochastic

/// One uncertain parameter to calibrate: its name and its prior.
///
/// Priors are independent, so the joint prior density is the product of the marginal ones.
/// The prior must be continuous or `fixed` (a parameter held at its value): ABC-SMC moves
/// particles with a continuous kernel, which can never land on a discrete support.
public struct ABCParameter: Sendable, Hashable {
    /// The name reports and summaries use ("assault rate multiplier").
    public let name: String
    /// The prior distribution.
    public let prior: Distribution

    public init(name: String, prior: Distribution) {
        self.name = name
        self.prior = prior
    }
}
