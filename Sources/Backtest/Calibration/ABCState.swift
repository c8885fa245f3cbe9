/// Everything an ABC-SMC run has computed, after each complete generation: enough to report the
/// posterior and to continue the run exactly where it stopped (`ABCSMC.run(resumingFrom:)`).
///
/// A plain `Codable` value, so a checkpoint is one JSON file.
public struct ABCState: Sendable, Hashable, Codable {
    /// The settings, seed included, that produced it; a resumed run must use the same.
    public let settings: ABCSettings
    /// The parameters' names, in particle order.
    public let parameterNames: [String]
    /// The priors as written (`Distribution.description`), to catch a resume under other priors.
    public let priors: [String]
    /// The scale of each discrepancy component, fixed from generation 0 (see `ABCSMC`).
    public let scales: [Double]
    /// The complete generations, generation 0 first.
    public let generations: [ABCGeneration]
    /// Why the run ended; nil while it may go on.
    public let stopReason: ABCStopReason?
    /// Which parameters generations 1, 2, ... calibrate, from generation 0 (`ParameterScreening`);
    /// nil when the settings ask for no screening (every parameter is calibrated).
    public let screening: ParameterScreening?

    public init(
        settings: ABCSettings, parameterNames: [String], priors: [String], scales: [Double],
        generations: [ABCGeneration], stopReason: ABCStopReason?, screening: ParameterScreening? = nil
    ) {
        self.screening = screening
        self.settings = settings
        self.parameterNames = parameterNames
        self.priors = priors
        self.scales = scales
        self.generations = generations
        self.stopReason = stopReason
    }

    /// The indices of the parameters the kernel moves (every one without screening).
    public var calibrated: [Int] { screening?.calibrated ?? Array(parameterNames.indices) }

    /// The last complete generation: the current approximation of the posterior.
    public var posterior: ABCGeneration? { generations.last }

    /// The same state with another stop reason.
    func stopped(_ reason: ABCStopReason?) -> ABCState {
        ABCState(
            settings: settings, parameterNames: parameterNames, priors: priors, scales: scales,
            generations: generations, stopReason: reason, screening: screening)
    }

    /// The state with one more generation and no stop reason.
    func appending(_ generation: ABCGeneration) -> ABCState {
        ABCState(
            settings: settings, parameterNames: parameterNames, priors: priors, scales: scales,
            generations: generations + [generation], stopReason: nil, screening: screening)
    }
}
