/// How the loss of a region spreads: fronts that collapse without battles.
///
/// When a region falls, the garrisons of its neighbours held by the loser's camp lose
/// `localShock` morale (on top of the camp-wide shock). A garrison whose morale drops below
/// `withdrawalMorale` pulls out after an exponential delay with mean `withdrawalDelayDays`,
/// and the region passes to the strongest hostile neighbour without a fight.
public struct CascadeParameters: Sendable, Hashable {
    public var localShock: Double
    public var withdrawalMorale: Double
    public var withdrawalDelayDays: Double

    public init(localShock: Double = 0.1, withdrawalMorale: Double = 0.2, withdrawalDelayDays: Double = 1) {
        self.localShock = localShock
        self.withdrawalMorale = withdrawalMorale
        self.withdrawalDelayDays = withdrawalDelayDays
    }
}
