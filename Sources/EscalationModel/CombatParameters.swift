import Stochastic

/// How engagements are fought: stochastic Lanchester square-law attrition in discrete rounds.
public struct CombatParameters: Sendable, Hashable {
    /// Length of one combat round in days.
    public var roundDays: Double
    /// Expected enemy fighters put out of action per effective fighter per day.
    public var lethalityPerDay: Double
    /// Share of its committed force a side loses before it breaks, drawn per side and engagement
    /// and then scaled by the side's morale.
    public var breakpoint: Distribution
    /// Rounds after which an undecided assault is called off (repelled).
    public var maxRounds: Int
    /// Share of the victorious assault force that stays behind as the new garrison.
    public var occupationShare: Double
    /// Morale lost by the loser's camp per unit of strategic value lost, relative to the camp's total.
    public var moraleShock: Double

    public init(
        roundDays: Double = 0.25, lethalityPerDay: Double = 0.05,
        breakpoint: Distribution = .beta(a: 6, b: 14), maxRounds: Int = 40,
        occupationShare: Double = 0.3, moraleShock: Double = 0.5
    ) {
        self.roundDays = roundDays
        self.lethalityPerDay = lethalityPerDay
        self.breakpoint = breakpoint
        self.maxRounds = maxRounds
        self.occupationShare = occupationShare
        self.moraleShock = moraleShock
    }
}
