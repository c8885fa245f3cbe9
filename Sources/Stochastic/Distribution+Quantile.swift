import CGSL

extension Distribution {
    /// The `p`-quantile (inverse distribution function) of a continuous family or of `fixed`, for
    /// `p` in `[0, 1]`; nil for the other discrete families, whose quantiles are steps of the mass
    /// function and are not needed by any caller yet.
    ///
    /// Calibration reports set prior quantiles against posterior ones, and prior draws would only
    /// approximate them. Per family: GSL's `gsl_cdf_*_Pinv` (flat, exponential, gamma, lognormal,
    /// gaussian, beta); `triangular` by the closed form of `triangularQuantile`; `truncatedNormal`
    /// by inverting the normal CDF between the bounds' probabilities, in lower-tail probabilities
    /// for an interval reaching below the mean and in upper-tail ones otherwise (accurate far into
    /// the upper tail, as in `StandardTruncatedNormal.sample`), clamped to `[low, high]`.
    /// `p = 0` and `p = 1` give the ends of the support (possibly infinite).
    ///
    /// NaN when the parameters are invalid.
    public func quantile(_ p: Double) -> Double? {
        precondition(p >= 0 && p <= 1, "quantile needs p in [0, 1], got \(p)")
        guard validate().isEmpty else { return .nan }
        switch self {
        case .fixed(let value):
            return value
        case .uniform(let low, let high):
            return low + p * (high - low)
        case .exponential(let mean):
            return gsl_cdf_exponential_Pinv(p, mean)
        case .gamma(let shape, let scale):
            return gsl_cdf_gamma_Pinv(p, shape, scale)
        case .lognormal(let mu, let sigma):
            return gsl_cdf_lognormal_Pinv(p, mu, sigma)
        case .normal(let mean, let sd):
            return mean + gsl_cdf_gaussian_Pinv(p, sd)
        case .truncatedNormal(let mean, let sd, let low, let high):
            let (alpha, beta) = StandardTruncatedNormal.standardize(mean: mean, sd: sd, low: low, high: high)
            let z: Double
            if alpha <= 0 {
                let pa = alpha == -.infinity ? 0 : gsl_cdf_ugaussian_P(alpha)
                let pb = beta == .infinity ? 1 : gsl_cdf_ugaussian_P(beta)
                z = gsl_cdf_ugaussian_Pinv(pa + p * (pb - pa))
            } else {
                let qa = StandardTruncatedNormal.upperTail(alpha)
                let qb = StandardTruncatedNormal.upperTail(beta)
                z = gsl_cdf_ugaussian_Qinv(qa - p * (qa - qb))
            }
            return min(max(mean + sd * z, low), high)
        case .beta(let a, let b):
            return gsl_cdf_beta_Pinv(p, a, b)
        case .triangular(let low, let mode, let high):
            return Self.triangularQuantile(p, low: low, mode: mode, high: high)
        case .poisson, .binomial, .negativeBinomial, .bernoulli, .categorical:
            return nil
        }
    }
}
