/// First-order and total Sobol sensitivity indices from the outputs of a `SaltelliDesign`,
/// with bootstrap 95% intervals and the share of the output variance that is Monte Carlo noise.
///
/// With f(A), f(B), f(AB_i) the outputs at the design's points and V the variance of the
/// outputs at A and B together (Saltelli et al. 2010, Comput. Phys. Commun. 181:259-270, table 2):
///
///     S_i  = (1/N) sum_j f(B)_j (f(AB_i)_j - f(A)_j) / V            (Saltelli 2010, estimator b)
///     S_Ti = (1/2N) sum_j (f(A)_j - f(AB_i)_j)^2 / V                (Jansen 1999, estimator f)
///
/// S_i is the share of Var(Y) explained by parameter i alone, S_Ti the share in which i takes
/// part at all (alone or interacting); S_Ti - S_i is i's interactions, and a parameter with
/// S_Ti near 0 can be fixed anywhere in its range (Saltelli et al. 2008, "Global Sensitivity
/// Analysis. The Primer", Wiley, ch. 4).
///
/// A stochastic model gives each design point R replications: the indices are computed on the
/// mean per point, and `noiseShare` estimates how much of the variance of those means is
/// replication noise rather than the parameters. Noise shrinks every S_i (it adds to V only) and
/// inflates every S_Ti (it adds to every squared difference): at a noise share of 0.3, a total
/// index of 0.3 may be noise alone.
///
/// escsim runs every point with common random numbers: replication r draws the same random
/// numbers at every point, so its noise is shared across points and the point means differ by
/// much less than s^2/R would suggest (the shared part shifts every mean alike and leaves the
/// indices alone). The noise share is therefore read off a two-way layout, points x replication
/// indices (Montgomery, "Design and Analysis of Experiments", the randomized complete block
/// design): with y_pr the output of replication r at point p,
///
///     e_pr = y_pr - mean_p - mean_r + grand mean,   MS = sum e_pr^2 / (n - P - R' + 1)
///     noiseShare = MS * mean_p(1 / R_p) / Var(point means)
///
/// (n finite outputs, P points, R' replication indices, R_p outputs at point p). MS is the
/// variance of the noise that differs between points; without common random numbers it is the
/// ordinary within-point variance, so the same formula holds either way.
public struct SobolIndices: Sendable, Hashable {
    /// The two indices of one parameter with their bootstrap intervals.
    public struct Index: Sendable, Hashable {
        public let firstOrder: Double
        public let firstOrderInterval: ConfidenceInterval
        public let total: Double
        public let totalInterval: ConfidenceInterval

        public init(
            firstOrder: Double, firstOrderInterval: ConfidenceInterval, total: Double,
            totalInterval: ConfidenceInterval
        ) {
            self.firstOrder = firstOrder
            self.firstOrderInterval = firstOrderInterval
            self.total = total
            self.totalInterval = totalInterval
        }
    }

    /// One entry per parameter, in design order.
    public let parameters: [Index]
    /// The share of the variance of the point means that is replication noise, in [0, 1]
    /// (more when estimates are rough); NaN with fewer than two replications per point.
    public let noiseShare: Double
    /// Base rows used: rows where one of the k + 2 points had no finite output are dropped.
    public let baseSamples: Int
    /// Design points used, `baseSamples * (k + 2)`.
    public let points: Int
    /// The fewest finite replications at a used point.
    public let replications: Int

    /// The seed of the bootstrap's stream when the caller gives none; any fixed value does,
    /// it only has to be the same each time so that the intervals are reproducible.
    public static let defaultBootstrapSeed: UInt32 = 2010

    /// Estimates the indices from `outputs[p][r]`, the output of replication `r` at design point
    /// `p` (points in `SaltelliDesign` order, `N(k + 2)` of them). Position `r` must mean the same
    /// replication (the same random numbers) at every point; a replication without a value (a
    /// failed run) is NaN, and non-finite values are ignored.
    ///
    /// The intervals are bootstrap percentile intervals (Efron & Tibshirani 1993, ch. 13):
    /// `bootstrap` times, N base rows are drawn with replacement (from a `RandomStream` seeded
    /// with `seed`) and both indices recomputed; the 2.5% and 97.5% quantiles of those are the
    /// bounds (Archer, Saltelli & Sobol 1997, J. Stat. Comput. Simul. 58:99-120). With a Sobol
    /// design the rows are not independent, so these intervals are conservative. With
    /// `bootstrap == 0`, or fewer than two usable rows, the bounds are NaN.
    ///
    /// - Precondition: `outputs.count` is a positive multiple of `parameters + 2`.
    public static func estimate(
        outputs: [[Double]], parameters k: Int, bootstrap: Int = 1000, seed: UInt32 = defaultBootstrapSeed
    ) -> SobolIndices {
        precondition(k >= 1, "Sobol indices need at least one parameter")
        precondition(
            !outputs.isEmpty && outputs.count % (k + 2) == 0,
            "a Saltelli design has N(k + 2) points; got \(outputs.count) for k = \(k)")
        precondition(bootstrap >= 0, "the number of bootstrap samples must be non-negative")
        let finite = outputs.map { $0.filter(\.isFinite) }
        let means = finite.map { $0.isEmpty ? Double.nan : $0.reduce(0, +) / Double($0.count) }
        let block = k + 2
        let rows = (0..<(outputs.count / block)).filter { row in
            (0..<block).allSatisfy { means[row * block + $0].isFinite }
        }
        let used = rows.flatMap { row in (0..<block).map { row * block + $0 } }

        // Replication noise, from the two-way residuals (see above).
        let spread = sampleVariance(used.map { means[$0] })
        let width = used.map { outputs[$0].count }.max() ?? 0
        var replicationSum = [Double](repeating: 0, count: width)
        var replicationCount = [Int](repeating: 0, count: width)
        var grand = 0.0
        var observations = 0
        for p in used {
            for (r, y) in outputs[p].enumerated() where y.isFinite {
                replicationSum[r] += y
                replicationCount[r] += 1
                grand += y
                observations += 1
            }
        }
        grand /= Double(Swift.max(observations, 1))
        var squares = 0.0
        for p in used {
            for (r, y) in outputs[p].enumerated() where y.isFinite {
                let residual = y - means[p] - replicationSum[r] / Double(replicationCount[r]) + grand
                squares += residual * residual
            }
        }
        let degrees = observations - used.count - replicationCount.filter { $0 > 0 }.count + 1
        let inverseReplications = used.reduce(0.0) { $0 + 1 / Double(finite[$1].count) } / Double(used.count)
        let noiseShare =
            degrees > 0 && spread > 0 && used.allSatisfy({ finite[$0].count >= 2 })
            ? squares / Double(degrees) * inverseReplications / spread : .nan

        let point = rows.map { row in (0..<block).map { means[row * block + $0] } }
        let estimates = indices(point, k: k)
        var firstDraws = [[Double]](repeating: [], count: k)
        var totalDraws = [[Double]](repeating: [], count: k)
        if bootstrap > 0 && point.count >= 2 {
            let stream = RandomStream(seed: seed)
            for _ in 0..<bootstrap {
                let sample = (0..<point.count).map { _ in point[stream.uniformInt(below: point.count)] }
                let draw = indices(sample, k: k)
                for i in 0..<k {
                    firstDraws[i].append(draw.first[i])
                    totalDraws[i].append(draw.total[i])
                }
            }
        }
        let parameters = (0..<k).map { i in
            Index(
                firstOrder: estimates.first[i], firstOrderInterval: percentileInterval(firstDraws[i]),
                total: estimates.total[i], totalInterval: percentileInterval(totalDraws[i]))
        }
        return SobolIndices(
            parameters: parameters, noiseShare: noiseShare, baseSamples: rows.count, points: used.count,
            replications: used.map { finite[$0].count }.min() ?? 0)
    }

    /// S_i and S_Ti from base-row blocks `[f(A), f(AB_0), ..., f(AB_{k-1}), f(B)]`.
    static func indices(_ blocks: [[Double]], k: Int) -> (first: [Double], total: [Double]) {
        let n = Double(blocks.count)
        let variance = sampleVariance(blocks.map { $0[0] } + blocks.map { $0[k + 1] })
        guard blocks.count >= 2, variance > 0 else {
            return ([Double](repeating: .nan, count: k), [Double](repeating: .nan, count: k))
        }
        var first = [Double](repeating: 0, count: k)
        var total = [Double](repeating: 0, count: k)
        for block in blocks {
            let a = block[0]
            let b = block[k + 1]
            for i in 0..<k {
                let ab = block[1 + i]
                first[i] += b * (ab - a)
                total[i] += (a - ab) * (a - ab)
            }
        }
        return (first.map { $0 / n / variance }, total.map { $0 / (2 * n) / variance })
    }

    /// The unbiased sample variance (n - 1 in the denominator); NaN below two values.
    static func sampleVariance(_ values: [Double]) -> Double {
        guard values.count >= 2 else { return .nan }
        let mean = values.reduce(0, +) / Double(values.count)
        return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
    }

    /// The 2.5% and 97.5% quantiles of `draws` (linear interpolation between order statistics,
    /// Hyndman & Fan 1996 type 7); NaN bounds when there are none.
    static func percentileInterval(_ draws: [Double]) -> ConfidenceInterval {
        let sorted = draws.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return ConfidenceInterval(low: .nan, high: .nan) }
        func quantile(_ q: Double) -> Double {
            let h = Double(sorted.count - 1) * q
            let below = Int(h.rounded(.down))
            let above = Swift.min(below + 1, sorted.count - 1)
            return sorted[below] + (h - Double(below)) * (sorted[above] - sorted[below])
        }
        return ConfidenceInterval(low: quantile(0.025), high: quantile(0.975))
    }
}
