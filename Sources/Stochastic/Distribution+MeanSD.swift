#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension Distribution {
    /// The gamma distribution with the given mean and standard deviation.
    ///
    /// From mean `k theta` and variance `k theta^2`: `shape = (mean / sd)^2`,
    /// `scale = sd^2 / mean`.
    ///
    /// - Parameters: `mean` and `sd` positive and finite.
    /// - Throws: a `DistributionError` naming the offending argument.
    public static func gamma(mean: Double, sd: Double) throws(DistributionError) -> Distribution {
        try requirePositiveFinite("gamma", "mean", mean)
        try requirePositiveFinite("gamma", "sd", sd)
        let ratio = mean / sd
        return try checked(.gamma(shape: ratio * ratio, scale: sd * sd / mean))
    }

    /// The beta distribution with the given mean and standard deviation.
    ///
    /// From mean `m = a / (a + b)` and variance `m (1 - m) / (a + b + 1)`: with
    /// `nu = a + b = m (1 - m) / sd^2 - 1`, `a = m nu` and `b = (1 - m) nu`. A beta variance is
    /// always below `m (1 - m)`, hence the requirement on `sd`.
    ///
    /// - Parameters: `mean` strictly between 0 and 1; `sd` positive with
    ///   `sd^2 < mean (1 - mean)`.
    /// - Throws: a `DistributionError` naming the offending argument.
    public static func beta(mean: Double, sd: Double) throws(DistributionError) -> Distribution {
        guard mean > 0, mean < 1 else {
            throw DistributionError(
                message: "beta mean must lie strictly between 0 and 1, got \(formatNumber(mean))")
        }
        try requirePositiveFinite("beta", "sd", sd)
        let spread = mean * (1 - mean)
        let variance = sd * sd
        guard variance < spread else {
            throw DistributionError(
                message: "beta sd must satisfy sd^2 < mean (1 - mean) = \(formatNumber(spread)), "
                    + "got sd \(formatNumber(sd))")
        }
        let nu = spread / variance - 1
        return try checked(.beta(a: mean * nu, b: (1 - mean) * nu))
    }

    /// The lognormal distribution with the given mean and standard deviation (of the
    /// lognormal variable itself, not of its logarithm).
    ///
    /// From mean `exp(mu + sigma^2 / 2)` and `variance / mean^2 = exp(sigma^2) - 1`:
    /// `sigma^2 = ln(1 + sd^2 / mean^2)` and `mu = ln(mean) - sigma^2 / 2`.
    ///
    /// - Parameters: `mean` and `sd` positive and finite.
    /// - Throws: a `DistributionError` naming the offending argument.
    public static func lognormal(mean: Double, sd: Double) throws(DistributionError)
        -> Distribution
    {
        try requirePositiveFinite("lognormal", "mean", mean)
        try requirePositiveFinite("lognormal", "sd", sd)
        let cv = sd / mean
        let sigma2 = log1p(cv * cv)
        return try checked(.lognormal(mu: log(mean) - 0.5 * sigma2, sigma: sigma2.squareRoot()))
    }

    private static func requirePositiveFinite(
        _ family: String, _ name: String, _ value: Double
    ) throws(DistributionError) {
        guard isPositiveFinite(value) else {
            throw DistributionError(
                message: "\(family) \(name) must be positive and finite, got \(formatNumber(value))")
        }
    }

    /// Returns `distribution` if it validates, else throws its first problem.
    private static func checked(_ distribution: Distribution) throws(DistributionError)
        -> Distribution
    {
        if let problem = distribution.validate().first { throw problem }
        return distribution
    }
}
