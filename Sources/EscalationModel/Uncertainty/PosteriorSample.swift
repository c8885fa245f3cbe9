import Stochastic

/// A calibrated posterior as weighted particles (what `escsim calibrate` writes to
/// `posterior.csv`): each particle one value per calibrated parameter. A run drawing from it picks
/// one particle per replication, with probability its weight, and uses its values for those
/// parameters (posterior predictive), instead of the scenario's prior distributions.
public struct PosteriorSample: Sendable, Hashable {
    /// Dotted scenario paths, one per column of `particles`.
    public let paths: [String]
    public let particles: [[Double]]
    /// Normalised weights (they sum to 1).
    public let weights: [Double]
    /// Running sums of `weights`, for drawing by inversion.
    private let cumulative: [Double]

    /// - Precondition: at least one particle, each with one value per path; weights non-negative
    ///   with a positive sum (the reader checks all of this first).
    public init(paths: [String], particles: [[Double]], weights: [Double]) {
        precondition(!particles.isEmpty && particles.count == weights.count)
        precondition(particles.allSatisfy { $0.count == paths.count })
        let total = weights.reduce(0, +)
        precondition(total > 0 && weights.allSatisfy { $0 >= 0 })
        self.paths = paths
        self.particles = particles
        self.weights = weights.map { $0 / total }
        var sum = 0.0
        self.cumulative = self.weights.map { weight in
            sum += weight
            return sum
        }
    }

    /// The particle a uniform draw `u` in [0, 1) picks: the first whose running weight exceeds it.
    public func particle(at u: Double) -> Int {
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > u { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// Weighted mean of each parameter.
    public var means: [Double] {
        paths.indices.map { column in zip(particles, weights).reduce(0) { $0 + $1.0[column] * $1.1 } }
    }
}
