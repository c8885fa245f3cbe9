import Stochastic

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The multivariate normal kernel that moves particles from one ABC-SMC generation to the next.
///
/// Its covariance is twice the weighted covariance of the previous population, the choice of
/// Beaumont, Cornuet, Marin & Robert 2009 ("Adaptive approximate Bayesian computation",
/// Biometrika 96:983): it minimises the Kullback-Leibler divergence between the proposal and
/// the next target under a Gaussian approximation, and it adapts to correlations between
/// parameters, which a per-parameter kernel would ignore.
///
/// A parameter on which every particle agrees (a `fixed` prior) has zero variance; the kernel
/// leaves it where it is, and its factor drops out of the density (it would be the same for
/// every pair of particles, so it cancels in the normalised weights). The remaining covariance is
/// factorised by a Cholesky decomposition written out here (the dimension is a handful of
/// parameters); if rounding leaves it not positive definite (collinear particles), a ridge of
/// 1e-10 of its largest variance, growing tenfold, is added to the diagonal until it factorises.
struct PerturbationKernel: Sendable {
    /// The parameters that move (positive variance).
    let active: [Int]
    /// The lower-triangular Cholesky factor of the active covariance, row-major, active x active.
    let factor: [Double]
    /// `-sum log L_kk - (m / 2) log(2 pi)`, the log normalising constant.
    let logNormaliser: Double

    /// The kernel for a population with normalised `weights`.
    init(particles: [[Double]], weights: [Double]) {
        let dimension = particles[0].count
        active = (0..<dimension).filter { k in particles.contains { $0[k] != particles[0][k] } }
        let m = active.count
        var means = [Double](repeating: 0, count: m)
        for (particle, weight) in zip(particles, weights) {
            for (a, k) in active.enumerated() { means[a] += weight * particle[k] }
        }
        var covariance = [Double](repeating: 0, count: m * m)
        for (particle, weight) in zip(particles, weights) {
            for a in 0..<m {
                let da = particle[active[a]] - means[a]
                for b in 0...a {
                    covariance[a * m + b] += 2 * weight * da * (particle[active[b]] - means[b])
                }
            }
        }
        let largest = (0..<m).map { covariance[$0 * m + $0] }.max() ?? 0
        var ridge = 0.0
        var factor = Self.cholesky(covariance, m)
        while factor == nil {
            ridge = ridge == 0 ? 1e-10 * max(largest, Double.leastNormalMagnitude) : ridge * 10
            var jittered = covariance
            for a in 0..<m { jittered[a * m + a] += ridge }
            factor = Self.cholesky(jittered, m)
        }
        self.factor = factor ?? []
        var logDeterminantHalf = 0.0
        for a in 0..<m { logDeterminantHalf += log(self.factor[a * m + a]) }
        logNormaliser = -logDeterminantHalf - 0.5 * Double(m) * log(2 * Double.pi)
    }

    /// `center` moved by a draw from the kernel: `center + L z`, z standard normal from `stream`.
    func perturb(_ center: [Double], stream: RandomStream) -> [Double] {
        let m = active.count
        let standardNormal = Distribution.normal(mean: 0, sd: 1)
        var z = [Double](repeating: 0, count: m)
        for a in 0..<m { z[a] = standardNormal.sample(stream) }
        var moved = center
        for a in 0..<m {
            var shift = 0.0
            for b in 0...a { shift += factor[a * m + b] * z[b] }
            moved[active[a]] += shift
        }
        return moved
    }

    /// The log density of moving `center` to `x` (over the active parameters).
    func logDensity(of x: [Double], around center: [Double]) -> Double {
        let m = active.count
        // Forward substitution: L y = x - center, then the exponent is -|y|^2 / 2.
        var y = [Double](repeating: 0, count: m)
        var squared = 0.0
        for a in 0..<m {
            var residual = x[active[a]] - center[active[a]]
            for b in 0..<a { residual -= factor[a * m + b] * y[b] }
            y[a] = residual / factor[a * m + a]
            squared += y[a] * y[a]
        }
        return logNormaliser - 0.5 * squared
    }

    /// The Cholesky factor of the symmetric `m x m` matrix whose lower triangle is `matrix`
    /// (row-major), or nil if it is not numerically positive definite.
    static func cholesky(_ matrix: [Double], _ m: Int) -> [Double]? {
        var lower = [Double](repeating: 0, count: m * m)
        for a in 0..<m {
            for b in 0...a {
                var sum = matrix[a * m + b]
                for c in 0..<b { sum -= lower[a * m + c] * lower[b * m + c] }
                if a == b {
                    guard sum > 0, sum.isFinite else { return nil }
                    lower[a * m + a] = sum.squareRoot()
                } else {
                    lower[a * m + b] = sum / lower[b * m + b]
                }
            }
        }
        return lower
    }
}
