import Stochastic

/// What one airstrike does. Each quantity is drawn per strike.
public struct AirCampaignParameters: Sendable, Hashable {
    /// Fighters of the target garrison put out of action.
    public var fightersHitPerStrike: Distribution
    public var civiliansKilledPerStrike: Distribution
    public var civiliansInjuredPerStrike: Distribution
    public var civiliansDisplacedPerStrike: Distribution
    /// Weight of a front-line region in target choice on top of its garrison (weight = garrison +
    /// this): above 0, empty front-line regions are struck too.
    public var baseTargetWeight: Double = 1

    public init(
        fightersHitPerStrike: Distribution = .poisson(mean: 1),
        civiliansKilledPerStrike: Distribution = .poisson(mean: 0.1),
        civiliansInjuredPerStrike: Distribution = .poisson(mean: 0.4),
        civiliansDisplacedPerStrike: Distribution = .poisson(mean: 100)
    ) {
        self.fightersHitPerStrike = fightersHitPerStrike
        self.civiliansKilledPerStrike = civiliansKilledPerStrike
        self.civiliansInjuredPerStrike = civiliansInjuredPerStrike
        self.civiliansDisplacedPerStrike = civiliansDisplacedPerStrike
    }
}
