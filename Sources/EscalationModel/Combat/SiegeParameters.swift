/// How a region cut off from its camp's supply bases wears down, and when its garrison takes a
/// deal to leave.
///
/// A region is besieged when no path through regions its own camp holds leads to a region flagged
/// `supply_base` that the camp holds (a camp that held no base at the start is never besieged).
/// Each day a besieged garrison loses `strengthLossPerDay` of its fighters (hunger, desertion:
/// counted as the holder's losses) and `moraleLossPerDay` of morale; it cannot serve as the base
/// of an assault outward. Once its morale is below `dealMorale`, it accepts an evacuation deal
/// with probability `dealProbabilityPerDay` a day: its survivors leave for the region named by
/// `evacuate_to` (else the nearest one its camp holds) and the ground passes to the besieger
/// without a storm.
public struct SiegeParameters: Sendable, Hashable {
    public var strengthLossPerDay: Double
    public var moraleLossPerDay: Double
    public var dealMorale: Double
    public var dealProbabilityPerDay: Double

    public init(
        strengthLossPerDay: Double = 0.005, moraleLossPerDay: Double = 0.005, dealMorale: Double = 0.3,
        dealProbabilityPerDay: Double = 0.05
    ) {
        self.strengthLossPerDay = strengthLossPerDay
        self.moraleLossPerDay = moraleLossPerDay
        self.dealMorale = dealMorale
        self.dealProbabilityPerDay = dealProbabilityPerDay
    }
}
