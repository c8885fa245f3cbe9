/// Why an ABC-SMC run ended, recorded in its `ABCState`.
public enum ABCStopReason: String, Sendable, Hashable, Codable {
    /// `ABCSettings.maxGenerations` generations are complete.
    case maxGenerations
    /// The last generation's tolerance is at or below `ABCSettings.targetTolerance`.
    case targetToleranceReached
    /// The next generation could not fill its population within
    /// `populationSize / minimumAcceptanceRate` attempts; it was abandoned and the state ends with
    /// the last complete generation. Tolerances this small cost more simulations than they are
    /// worth (Toni et al. 2009 stop the same way).
    case acceptanceRateBelowMinimum
    /// The caller's stop check asked to stop; the state ends with the last complete generation and
    /// `ABCSMC.run(resumingFrom:...)` can continue it.
    case stopRequested
}
