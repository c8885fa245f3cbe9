/// One complete generation of ABC-SMC: a weighted population of N particles.
public struct ABCGeneration: Sendable, Hashable, Codable {
    /// 0 for the prior sample, then 1, 2, ...
    public let index: Int
    /// The particles, `particles[i][k]` the value of parameter k in particle i.
    public let particles: [[Double]]
    /// The importance weights, normalised to sum 1 (all `1/N` in generation 0).
    public let weights: [Double]
    /// Each particle's distance from the observations (scaled Euclidean, see `ABCSMC`).
    public let distances: [Double]
    /// The tolerance every accepted distance is at or below; nil for generation 0, which
    /// accepts every draw from the prior.
    public let tolerance: Double?
    /// `populationSize / attempts`.
    public let acceptanceRate: Double
    /// The attempts (simulations, plus proposals abandoned for zero prior density) up to and
    /// including the N-th acceptance.
    public let attempts: Int
    /// The effective sample size `1 / sum w_i^2` of the normalised weights (Kong, Liu & Wong
    /// 1994): N for equal weights, 1 when one particle carries all the weight.
    public let effectiveSampleSize: Double

    public init(
        index: Int, particles: [[Double]], weights: [Double], distances: [Double], tolerance: Double?,
        acceptanceRate: Double, attempts: Int, effectiveSampleSize: Double
    ) {
        self.index = index
        self.particles = particles
        self.weights = weights
        self.distances = distances
        self.tolerance = tolerance
        self.acceptanceRate = acceptanceRate
        self.attempts = attempts
        self.effectiveSampleSize = effectiveSampleSize
    }

    /// The weighted sample of parameter `parameter` (an index into the particles).
    public func marginal(_ parameter: Int) -> WeightedSample {
        WeightedSample(values: particles.map { $0[parameter] }, weights: weights)
    }
}
