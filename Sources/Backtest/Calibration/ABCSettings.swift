import Stochastic

/// The settings of one ABC-SMC calibration (Toni, Welch, Strelkowa, Ipsen & Stumpf 2009,
/// "Approximate Bayesian computation scheme for parameter inference and model selection in
/// dynamical systems", J. R. Soc. Interface 6:187).
///
/// Together with the simulator they determine the result completely; the thread count does not
/// enter (see `ABCSMC`).
public struct ABCSettings: Sendable, Hashable, Codable {
    /// The master seed: attempt `a` of generation `g` draws from the stream
    /// `StreamSeeds(masterSeed: seed).seed(replication: a, stream: g)`.
    public var seed: UInt64
    /// Particles per generation, N (at least 2).
    public var populationSize: Int
    /// Generations to run at most, generation 0 (the prior) included; 1 ... 255 (one random
    /// stream number per generation, `StreamSeeds.maxStreams`).
    public var maxGenerations: Int
    /// The quantile of the previous population's distances that becomes the next tolerance,
    /// in (0, 1). 0.5, the median, halves the accepted region's "radius" per generation at a
    /// moderate cost in acceptance rate (the default of pyABC's `QuantileEpsilon`; Beaumont et al.
    /// 2009 and Del Moral, Doucet & Jasra 2012 use similar adaptive schedules).
    public var quantile: Double
    /// The run stops when a generation needs more than `populationSize / minimumAcceptanceRate`
    /// attempts, in (0, 1]. 0.02, i.e. 50 simulations per accepted particle, is about where the
    /// last halvings of the tolerance stop paying for themselves in a model that takes seconds
    /// per run.
    public var minimumAcceptanceRate: Double
    /// The run stops after a generation whose tolerance is at or below this (0: never, unless
    /// the distances reach 0).
    public var targetTolerance: Double
    /// Simulations per particle, 1 ... 64: attempt `a` runs the simulator this many times
    /// (`SimulationIndex.replicate` 0, 1, ...) and its discrepancies are the component-wise means
    /// of the runs whose discrepancies are all finite. A stochastic model's distance is partly
    /// noise: in the backtest's joint calibration two runs of the same particle correlate about
    /// 0.2-0.35 (docs/backtesting.md), so acceptance is nearly a coin toss. Averaging R runs
    /// divides the noise variance by R (Bornn, Pillai, Smith & Woodard 2017, "The use of a single
    /// pseudo-sample in approximate Bayesian computation", Stat. Comput. 27:583, show the
    /// posterior is the same for every R; what R buys is a less noisy screening and tolerance).
    public var particleReplications: Int
    /// Screening of the unknowns after generation 0 (`ParameterScreening`): the false discovery
    /// rate of the Benjamini-Hochberg selection, in (0, 1); nil calibrates every parameter.
    public var screeningLevel: Double?
    /// With screening, the most parameters calibrated (at least 1).
    public var maxCalibrated: Int

    public init(
        seed: UInt64, populationSize: Int = 500, maxGenerations: Int = 10, quantile: Double = 0.5,
        minimumAcceptanceRate: Double = 0.02, targetTolerance: Double = 0, particleReplications: Int = 1,
        screeningLevel: Double? = nil, maxCalibrated: Int = 12
    ) {
        self.seed = seed
        self.populationSize = populationSize
        self.maxGenerations = maxGenerations
        self.quantile = quantile
        self.minimumAcceptanceRate = minimumAcceptanceRate
        self.targetTolerance = targetTolerance
        self.particleReplications = particleReplications
        self.screeningLevel = screeningLevel
        self.maxCalibrated = maxCalibrated
    }

    enum CodingKeys: String, CodingKey {
        case seed, populationSize, maxGenerations, quantile, minimumAcceptanceRate, targetTolerance
        case particleReplications, screeningLevel, maxCalibrated
    }

    /// Settings saved before replications and screening existed read as one replication, no screening.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        seed = try container.decode(UInt64.self, forKey: .seed)
        populationSize = try container.decode(Int.self, forKey: .populationSize)
        maxGenerations = try container.decode(Int.self, forKey: .maxGenerations)
        quantile = try container.decode(Double.self, forKey: .quantile)
        minimumAcceptanceRate = try container.decode(Double.self, forKey: .minimumAcceptanceRate)
        targetTolerance = try container.decode(Double.self, forKey: .targetTolerance)
        particleReplications = try container.decodeIfPresent(Int.self, forKey: .particleReplications) ?? 1
        screeningLevel = try container.decodeIfPresent(Double.self, forKey: .screeningLevel)
        maxCalibrated = try container.decodeIfPresent(Int.self, forKey: .maxCalibrated) ?? 12
    }

    /// The most attempts one generation may use: `floor(populationSize / minimumAcceptanceRate)`,
    /// capped by the number of streams per generation (`StreamSeeds.maxReplications`).
    public var maxAttemptsPerGeneration: Int {
        let limit = Double(populationSize) / minimumAcceptanceRate
        return Int(min(limit.rounded(.down), Double(StreamSeeds.maxReplications)))
    }

    /// Every problem with the settings, as readable sentences (empty when they are valid).
    public func problems() -> [String] {
        var problems: [String] = []
        if populationSize < 2 { problems.append("populationSize must be at least 2, got \(populationSize)") }
        if !(1...255).contains(maxGenerations) {
            problems.append("maxGenerations must be in 1...255, got \(maxGenerations)")
        }
        if !(quantile > 0 && quantile < 1) { problems.append("quantile must be in (0, 1), got \(quantile)") }
        if !(minimumAcceptanceRate > 0 && minimumAcceptanceRate <= 1) {
            problems.append("minimumAcceptanceRate must be in (0, 1], got \(minimumAcceptanceRate)")
        }
        if !(targetTolerance >= 0 && targetTolerance.isFinite) {
            problems.append("targetTolerance must be finite and non-negative, got \(targetTolerance)")
        }
        if !(1...64).contains(particleReplications) {
            problems.append("particleReplications must be in 1...64, got \(particleReplications)")
        }
        if let screeningLevel, !(screeningLevel > 0 && screeningLevel < 1) {
            problems.append("screeningLevel must be in (0, 1), got \(screeningLevel)")
        }
        if maxCalibrated < 1 { problems.append("maxCalibrated must be at least 1, got \(maxCalibrated)") }
        if screeningLevel != nil, populationSize < 3 {
            problems.append("screening needs a populationSize of at least 3, got \(populationSize)")
        }
        if populationSize >= 2, minimumAcceptanceRate > 0, maxAttemptsPerGeneration < populationSize {
            problems.append("populationSize \(populationSize) exceeds the attempts a generation may use")
        }
        return problems
    }
}
