/// What raises the escalation ladder to a rung. The scenario names the rungs; the engine only
/// knows these triggers.
public enum LadderTrigger: String, Sendable, Hashable, CaseIterable {
    /// The level the run starts at, and falls back to under a ceasefire (the frozen front).
    case start
    /// Any ground assault across the front.
    case groundAssault = "ground_assault"
    /// An assault on a key city.
    case urbanAssault = "urban_assault"
    /// Cumulative airstrikes reaching the rung's threshold.
    case airstrikes
    /// Foreign troops entering the fight: a patron's reinforcements arriving, or the own assaults
    /// of a patron with a posture (which joins only when it backs its client).
    case foreignGroundForces = "foreign_ground_forces"
    /// Chemical weapons used.
    case chemicalWeapons = "chemical_weapons"
    /// The principal loyalist actor collapsing.
    case regimeCollapse = "regime_collapse"
}

/// One named rung of the escalation ladder, in ascending order of severity.
public struct LadderRung: Sendable, Hashable {
    public var id: String
    public var trigger: LadderTrigger
    /// For `.airstrikes`: the number of strikes that reaches this rung.
    public var threshold: Double

    public init(id: String, trigger: LadderTrigger, threshold: Double = 0) {
        self.id = id
        self.trigger = trigger
        self.threshold = threshold
    }
}
