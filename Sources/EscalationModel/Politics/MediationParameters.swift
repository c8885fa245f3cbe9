/// Outside mediation (Astana format, the UN, Turkey-Russia talks) that can freeze the front.
///
/// Attempts come as a Poisson process. An attempt succeeds with probability
///   min(1, baseSuccess + exhaustionWeight x (day / 30) + lossWeight x combatant loss share
///          + clashWeight x clashes between patrons + ladderWeight x (ladder level / top level))
/// where the loss share is all fighters lost over all fighters at the start, and a clash is a
/// camp's fire hitting a patron's stationed troops. Success is a ceasefire: the front freezes.
/// Weariness grows with the months of war, not with the scenario's horizon, so the same war
/// drawn with a longer horizon is not wearier on any given day.
public struct MediationParameters: Sendable, Hashable {
    public var attemptsPerDay: Double
    public var baseSuccess: Double
    public var exhaustionWeight: Double
    public var lossWeight: Double
    /// Added success per clash between the camps' patrons (a camp's fire hitting a patron's
    /// stationed troops): their own soldiers dying makes the patrons press for a deal.
    public var clashWeight: Double = 0
    /// Added success at the top of the ladder, in proportion to the current rung's share of the
    /// top one: the higher the war has climbed, the harder outside powers press.
    public var ladderWeight: Double = 0
    /// Daily chance that a ceasefire in force breaks down and the war resumes (checked at each
    /// daily review); 0 = a ceasefire holds to the horizon.
    public var breakdownPerDay: Double = 0

    public init(
        attemptsPerDay: Double = 0, baseSuccess: Double = 0, exhaustionWeight: Double = 0, lossWeight: Double = 0
    ) {
        self.attemptsPerDay = attemptsPerDay
        self.baseSuccess = baseSuccess
        self.exhaustionWeight = exhaustionWeight
        self.lossWeight = lossWeight
    }
}
