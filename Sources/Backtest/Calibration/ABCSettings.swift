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

    public init(
        seed: UInt64, populationSize: Int = 500, maxGenerations: Int = 10, quantile: Double = 0.5,
        minimumAcceptanceRate: Double = 0.02, targetTolerance: Double = 0
    ) {
        self.seed = seed
        self.populationSize = populationSize
        self.maxGenerations = maxGenerations
        self.quantile = quantile
        self.minimumAcceptanceRate = minimumAcceptanceRate
        self.targetTolerance = targetTolerance
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
        if populationSize >= 2, minimumAcceptanceRate > 0, maxAttemptsPerGeneration < populationSize {
            problems.append("populationSize \(populationSize) exceeds the attempts a generation may use")
        }
        return problems
    }
}
