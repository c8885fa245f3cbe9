/// What ground fighting does to the people of the region it is fought in.
///
/// Each combat round in a region kills a Poisson number of its residents with mean
/// `civiliansKilledPerFighterLost x fighters lost in the round x residents still at home /
/// residents at the start` (the intensity of the fighting, and how many are still there to be
/// hit), and injures a Poisson number with `injuredPerKilled` times that mean. The defaults (0)
/// harm no one.
public struct GroundHarmParameters: Sendable, Hashable {
    /// Civilians killed per fighter put out of action in a round, in a region at its starting population.
    public var civiliansKilledPerFighterLost: Double
    /// Civilians injured per civilian killed by ground fighting.
    public var injuredPerKilled: Double

    public init(civiliansKilledPerFighterLost: Double = 0, injuredPerKilled: Double = 0) {
        self.civiliansKilledPerFighterLost = civiliansKilledPerFighterLost
        self.injuredPerKilled = injuredPerKilled
    }
}
