import CGSL

/// Goodness-of-fit of values on `[0, 1]` to the uniform distribution: the two checks that
/// simulation-based calibration applies to its rank statistics (Talts, Betancourt, Simpson,
/// Vehtari & Gelman 2018, "Validating Bayesian inference algorithms with simulation-based
/// calibration", arXiv:1804.06788, §4).
public enum UniformityTest {
    /// Pearson's chi-square test of equal bin counts.
    public struct ChiSquare: Sendable, Hashable, Codable {
        /// The counts of the values in `bins` equal bins of `[0, 1]` (1 in the last bin).
        public let counts: [Int]
        /// `sum (count - e)^2 / e` with `e = n / bins`.
        public let statistic: Double
        /// `bins - 1`.
        public let degreesOfFreedom: Int
        /// The upper tail probability of the statistic under chi-square with
        /// `degreesOfFreedom` degrees of freedom (`gsl_cdf_chisq_Q`); NaN without values.
        public let pValue: Double
    }

    /// The chi-square test of `values` (each in `[0, 1]`) in `bins` equal bins.
    ///
    /// The chi-square approximation to the statistic's distribution is good when every expected
    /// count `n / bins` is at least about 5 (Cochran 1954); choose `bins` accordingly.
    public static func chiSquare(_ values: [Double], bins: Int) -> ChiSquare {
        precondition(bins >= 2, "chiSquare needs at least 2 bins, got \(bins)")
        var counts = [Int](repeating: 0, count: bins)
        for value in values {
            precondition(value >= 0 && value <= 1, "chiSquare values must lie in [0, 1], got \(value)")
            counts[min(bins - 1, Int(value * Double(bins)))] += 1
        }
        guard !values.isEmpty else {
            return ChiSquare(counts: counts, statistic: .nan, degreesOfFreedom: bins - 1, pValue: .nan)
        }
        let expected = Double(values.count) / Double(bins)
        var statistic = 0.0
        for count in counts {
            let difference = Double(count) - expected
            statistic += difference * difference / expected
        }
        let pValue = gsl_cdf_chisq_Q(statistic, Double(bins - 1))
        return ChiSquare(counts: counts, statistic: statistic, degreesOfFreedom: bins - 1, pValue: pValue)
    }

    /// The Kolmogorov-Smirnov distance `sup |F_n(u) - u|` of the empirical distribution of
    /// `values` from the uniform on `[0, 1]`: with the sorted values `u_(i)`, i = 1...n, it is
    /// `max_i max(i/n - u_(i), u_(i) - (i-1)/n)`. NaN without values.
    ///
    /// For orientation: under uniformity it exceeds `1.358 / sqrt(n)` with probability about
    /// 5% for large n (the 95% quantile of the Kolmogorov distribution is 1.3581).
    public static func ksDistance(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let n = Double(sorted.count)
        var distance = 0.0
        for (index, u) in sorted.enumerated() {
            let i = Double(index)
            distance = max(distance, (i + 1) / n - u, u - i / n)
        }
        return distance
    }
}
