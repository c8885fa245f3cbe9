/// When the principal loyalist actor (the regime) collapses, which ends the run.
public struct CollapseRule: Sendable, Hashable {
    /// Index of the actor whose collapse ends the war.
    public var actor: Int
    /// Index of its capital region: losing it is collapse.
    public var capital: Int
    /// Morale below which the actor's forces dissolve: also collapse.
    public var moraleThreshold: Double

    public init(actor: Int, capital: Int, moraleThreshold: Double) {
        self.actor = actor
        self.capital = capital
        self.moraleThreshold = moraleThreshold
    }
}
