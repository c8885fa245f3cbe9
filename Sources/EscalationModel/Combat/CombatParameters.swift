import Stochastic

/// How engagements are fought: stochastic Lanchester attrition in discrete rounds.
///
/// A side's effective power is `fighters x quality x morale factor x air support`, times the
/// region's fortification for defenders, where
///   morale factor = 1 - moraleWeight + moraleWeight x morale
///   air support   = 1 + airSupportPerSortie x (sorties per day its camp is flying)
public struct CombatParameters: Sendable, Hashable {
    /// Length of one combat round in days.
    public var roundDays: Double
    /// Expected enemy fighters put out of action per effective fighter per day.
    public var lethalityPerDay: Double
    public var law: AttritionLaw
    /// Share of its committed force a side loses before it breaks, drawn per side and engagement
    /// and then scaled by the side's morale.
    public var breakpoint: Distribution
    /// Rounds after which an undecided assault is called off (repelled).
    public var maxRounds: Int
    /// Share of the victorious assault force that stays behind as the new garrison.
    public var occupationShare: Double
    /// Morale lost by the loser's camp per share of its starting strategic value lost.
    public var moraleShock: Double
    /// How much morale weighs on effectiveness, in [0, 1].
    public var moraleWeight: Double
    /// Effectiveness added per daily sortie flown by the side's air arms.
    public var airSupportPerSortie: Double
    /// Share of the fighters put out of action by fire (in battle or from the air) who are
    /// killed; the rest are wounded. Sources count deaths, so the model reports both.
    public var killedShare: Double
    /// Share of a stormed garrison's survivors taken prisoner (all of them when it has no
    /// neighbouring region of its own to fall back to).
    public var capturedShare: Double
    /// Fewer fighters than this committed cannot mount an assault.
    public var minimumAssaultForce: Double

    public init(
        roundDays: Double = 0.25, lethalityPerDay: Double = 0.05, law: AttritionLaw = .square,
        breakpoint: Distribution = .beta(a: 6, b: 14), maxRounds: Int = 40,
        occupationShare: Double = 0.3, moraleShock: Double = 0.5, moraleWeight: Double = 0.5,
        airSupportPerSortie: Double = 0, killedShare: Double = 1, capturedShare: Double = 0,
        minimumAssaultForce: Double = 50
    ) {
        self.roundDays = roundDays
        self.lethalityPerDay = lethalityPerDay
        self.law = law
        self.breakpoint = breakpoint
        self.maxRounds = maxRounds
        self.occupationShare = occupationShare
        self.moraleShock = moraleShock
        self.moraleWeight = moraleWeight
        self.airSupportPerSortie = airSupportPerSortie
        self.killedShare = killedShare
        self.capturedShare = capturedShare
        self.minimumAssaultForce = minimumAssaultForce
    }
}
