import CGSL

/// A two-sided confidence interval [low, high].
///
/// Bounds are NaN when the data cannot support an interval (no trials, fewer than two
/// observations); NaN propagates through `halfWidth` and never equals anything, so callers
/// test with `low.isNaN` rather than `==`.
public struct ConfidenceInterval: Sendable, Hashable {
    /// Lower bound.
    public let low: Double
    /// Upper bound.
    public let high: Double

    /// An interval with the given bounds (no ordering check, so NaN bounds are allowed).
    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    /// Half the interval's width, (high - low) / 2. For the symmetric t interval this is the
    /// margin of error; for the (asymmetric) Wilson interval it is half the width, not the
    /// distance from the observed proportion to either bound.
    public var halfWidth: Double {
        (high - low) / 2
    }

    /// The Wilson score interval for a binomial proportion (Wilson 1927, "Probable inference,
    /// the law of succession, and statistical inference", JASA 22(158):209-212; see also
    /// Agresti & Coull 1998, The American Statistician 52(2):119-126).
    ///
    /// With p̂ = successes / trials, n = trials and z the standard normal quantile at
    /// 1 - (1 - level) / 2 (from `gsl_cdf_ugaussian_Pinv`):
    ///
    ///     centre = (p̂ + z² / (2n)) / (1 + z² / n)
    ///     half   = z / (1 + z² / n) · sqrt(p̂ (1 - p̂) / n + z² / (4n²))
    ///     [low, high] = [centre - half, centre + half]
    ///
    /// Unlike the Wald interval it stays inside [0, 1] and is not degenerate at 0 or n
    /// successes. At 0 successes the lower bound is exactly 0 and at `trials` successes the
    /// upper bound is exactly 1 (centre and half coincide there), so those are set exactly
    /// rather than left to rounding (which gives e.g. 2.8e-17); other bounds are clamped to
    /// [0, 1] against rounding. `trials == 0` gives NaN bounds.
    ///
    /// - Precondition: `0 <= successes <= trials` and `0 < level < 1`.
    public static func wilson(successes: Int, trials: Int, level: Double = 0.95) -> ConfidenceInterval {
        precondition(level > 0 && level < 1, "confidence level must lie strictly between 0 and 1")
        precondition(trials >= 0, "trials must be non-negative")
        precondition(successes >= 0 && successes <= trials, "successes must lie in 0...trials")
        guard trials > 0 else {
            return ConfidenceInterval(low: .nan, high: .nan)
        }
        GSLRuntime.prepare()
        let z = gsl_cdf_ugaussian_Pinv(1 - (1 - level) / 2)
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        let low = successes == 0 ? 0 : Swift.max(0, centre - half)
        let high = successes == trials ? 1 : Swift.min(1, centre + half)
        return ConfidenceInterval(low: low, high: high)
    }

    /// The Student t interval for a mean: mean ± t · sd / sqrt(n), where t is the
    /// 1 - (1 - level) / 2 quantile of Student's t distribution with n - 1 degrees of freedom
    /// (`gsl_cdf_tdist_Pinv`). Student (1908), "The probable error of a mean", Biometrika
    /// 6(1):1-25; the interval assumes roughly normal, independent observations (e.g. means
    /// of independent replications).
    ///
    /// `sd` is the sample standard deviation with the n - 1 denominator, as in
    /// `SampleSummary.sd`. `n < 2` gives NaN bounds (no degrees of freedom).
    ///
    /// - Precondition: `0 < level < 1`.
    public static func studentT(mean: Double, sd: Double, n: Int, level: Double = 0.95) -> ConfidenceInterval {
        precondition(level > 0 && level < 1, "confidence level must lie strictly between 0 and 1")
        guard n >= 2 else {
            return ConfidenceInterval(low: .nan, high: .nan)
        }
        GSLRuntime.prepare()
        let t = gsl_cdf_tdist_Pinv(1 - (1 - level) / 2, Double(n - 1))
        let margin = t * sd / Double(n).squareRoot()
        return ConfidenceInterval(low: mean - margin, high: mean + margin)
    }
}
