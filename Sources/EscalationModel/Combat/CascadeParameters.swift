/// How the loss of a region spreads: fronts that collapse without battles.
///
/// When a region falls, the garrisons of its neighbours held by the loser's camp lose
/// `localShock` morale (on top of the camp-wide shock). Each garrison is a formation with its own
/// breaking line: `withdrawalMorale` times a factor drawn once per replication (mean 1,
/// coefficient of variation `thresholdSpread`), so formations break one by one rather than all at
/// once. A garrison whose morale drops below its line pulls out after an exponential delay with
/// mean `withdrawalDelayDays`: `desertionShare` of it deserts, the rest falls back to a
/// neighbouring region its actor holds (or surrenders if it has none), and the region passes to
/// the strongest hostile neighbour without a fight. Every formation that breaks costs each other
/// garrison of its camp `contagion / formations the camp had at the start` morale: the
/// threshold cascade of Granovetter (1978), where each one's breaking makes the next more likely.
public struct CascadeParameters: Sendable, Hashable {
    public var localShock: Double
    public var withdrawalMorale: Double
    public var withdrawalDelayDays: Double
    /// Coefficient of variation of each formation's breaking line around `withdrawalMorale`.
    public var thresholdSpread: Double
    /// Morale every garrison of a camp loses when all of the camp's starting formations break.
    public var contagion: Double
    /// Share of a breaking garrison that deserts instead of falling back.
    public var desertionShare: Double

    public init(
        localShock: Double = 0.1, withdrawalMorale: Double = 0.2, withdrawalDelayDays: Double = 1,
        thresholdSpread: Double = 0, contagion: Double = 0, desertionShare: Double = 0
    ) {
        self.localShock = localShock
        self.withdrawalMorale = withdrawalMorale
        self.withdrawalDelayDays = withdrawalDelayDays
        self.thresholdSpread = thresholdSpread
        self.contagion = contagion
        self.desertionShare = desertionShare
    }
}
