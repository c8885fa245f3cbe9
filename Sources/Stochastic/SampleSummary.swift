import CGSL

/// Descriptive statistics of one sample of finite values, computed with GSL.
///
/// - `mean`: `gsl_stats_mean`, the arithmetic mean.
/// - `sd`: `gsl_stats_sd`, the sample standard deviation with the n - 1 (Bessel-corrected)
///   denominator, sqrt(Σ (xᵢ - x̄)² / (n - 1)) (GSL Reference Manual, "Statistics",
///   section "Mean, Standard Deviation and Variance").
/// - `p05` … `p95`: `gsl_stats_quantile_from_sorted_data` on the sorted sample. GSL defines the
///   quantile for fraction f as linear interpolation between order statistics: with
///   δ = (n - 1) f and i = ⌊δ⌋, q(f) = (1 - (δ - i)) x₍ᵢ₎ + (δ - i) x₍ᵢ₊₁₎ (0-based sorted
///   x). That is definition 7 of Hyndman & Fan (1996), "Sample quantiles in statistical
///   packages", The American Statistician 50(4):361-365 — the default of R's `quantile()`
///   and of NumPy's `percentile`.
///
/// Edge cases: an empty sample has every statistic NaN (and `n == 0`); a single value has
/// `sd` NaN (n - 1 = 0) and every other statistic equal to that value.
///
/// Because absent statistics are NaN and NaN is not equal to itself, two summaries of empty
/// (or one-value) samples do not compare equal under the synthesized `==`.
public struct SampleSummary: Sendable, Hashable {
    /// Number of values summarised.
    public let n: Int
    /// Arithmetic mean.
    public let mean: Double
    /// Sample standard deviation (n - 1 denominator); NaN when n < 2.
    public let sd: Double
    /// Smallest value.
    public let min: Double
    /// Largest value.
    public let max: Double
    /// 5th percentile (Hyndman-Fan type 7).
    public let p05: Double
    /// 25th percentile, the lower quartile (Hyndman-Fan type 7).
    public let p25: Double
    /// Median (Hyndman-Fan type 7, i.e. the midpoint of the two middle values for even n).
    public let p50: Double
    /// 75th percentile, the upper quartile (Hyndman-Fan type 7).
    public let p75: Double
    /// 95th percentile (Hyndman-Fan type 7).
    public let p95: Double

    /// Summarises `values`, which must all be finite (no NaN, no infinities): callers filter
    /// missing observations out before summarising. Violations stop the program, because
    /// GSL's sort and quantiles give meaningless results on NaN.
    public init(_ values: [Double]) {
        var copy = values
        self.init(sorting: &copy)
    }

    /// The same summary, sorting `values` in place instead of copying them: for large
    /// samples, where a second array of the same size would be the largest allocation.
    public init(sorting values: inout [Double]) {
        precondition(
            values.allSatisfy { $0.isFinite },
            "SampleSummary takes finite values only (no NaN or infinity)"
        )
        n = values.count
        guard n > 0 else {
            mean = .nan
            sd = .nan
            min = .nan
            max = .nan
            p05 = .nan
            p25 = .nan
            p50 = .nan
            p75 = .nan
            p95 = .nan
            return
        }

        let count = values.count
        let (mean, sd, quantiles) = values.withUnsafeMutableBufferPointer {
            buffer -> (Double, Double, [Double]) in
            // The buffer is non-empty here, so baseAddress is non-nil.
            let base = buffer.baseAddress!
            let length = buffer.count
            let mean = gsl_stats_mean(base, 1, length)
            // GSL divides by n - 1; with one value that would be 0/0, so state NaN explicitly.
            let sd = length > 1 ? gsl_stats_sd(base, 1, length) : Double.nan
            gsl_sort(base, 1, length)
            let quantiles = [0.05, 0.25, 0.5, 0.75, 0.95].map {
                gsl_stats_quantile_from_sorted_data(base, 1, length, $0)
            }
            return (mean, sd, quantiles)
        }
        self.mean = mean
        self.sd = sd
        min = values[0]
        max = values[count - 1]
        p05 = quantiles[0]
        p25 = quantiles[1]
        p50 = quantiles[2]
        p75 = quantiles[3]
        p95 = quantiles[4]
    }
}
