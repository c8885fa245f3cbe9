/// Outside mediation (Astana format, the UN, Turkey-Russia talks) that can freeze the front.
///
/// Attempts come as a Poisson process. An attempt succeeds with probability
///   min(1, baseSuccess + exhaustionWeight x (day / horizon) + lossWeight x combatant loss share)
/// where the loss share is all fighters lost over all fighters at the start. Success is a
/// ceasefire: the front freezes, and the run ends there.
public struct MediationParameters: Sendable, Hashable {
    public var attemptsPerDay: Double
    public var baseSuccess: Double
    public var exhaustionWeight: Double
    public var lossWeight: Double

    public init(
        attemptsPerDay: Double = 0, baseSuccess: Double = 0, exhaustionWeight: Double = 0, lossWeight: Double = 0
    ) {
        self.attemptsPerDay = attemptsPerDay
        self.baseSuccess = baseSuccess
        self.exhaustionWeight = exhaustionWeight
        self.lossWeight = lossWeight
    }
}
