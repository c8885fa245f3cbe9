/// When the principal actor of a camp (the regime) collapses. Collapse is an event, not the end
/// of the run: the war goes on to the horizon, and the collapse itself shakes the actor's
/// remaining garrisons by `garrisonShock`, so the cascade that follows is modelled.
public struct CollapseRule: Sendable, Hashable {
    /// Index of the actor that can collapse.
    public var actor: Int
    /// Index of its capital region: losing it is collapse.
    public var capital: Int
    /// Morale below which the actor's forces dissolve: also collapse.
    public var moraleThreshold: Double
    /// Share of the actor's starting fighters (field force and garrisons) deserted or captured at
    /// which its army has dissolved: also collapse (1 = only when all of it has).
    public var dissolvedShare: Double
    /// Morale each of the actor's garrisons loses when it collapses.
    public var garrisonShock: Double

    public init(
        actor: Int, capital: Int, moraleThreshold: Double, dissolvedShare: Double = 1, garrisonShock: Double = 0
    ) {
        self.actor = actor
        self.capital = capital
        self.moraleThreshold = moraleThreshold
        self.dissolvedShare = dissolvedShare
        self.garrisonShock = garrisonShock
    }
}
