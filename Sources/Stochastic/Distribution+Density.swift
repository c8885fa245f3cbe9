import CGSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension Distribution {
    /// The natural logarithm of the density at `x` for a continuous family, of the probability
    /// mass at `x` for a discrete one; `-inf` outside the support.
    ///
    /// Calibration needs prior densities (the importance weights of ABC-SMC, Beaumont et al.
    /// 2009, are prior / proposal), hence this function. Per family:
    /// - `fixed(v)`: a point mass, so 0 (`log 1`) at `v` and `-inf` elsewhere.
    /// - `uniform`, `exponential`, `gamma`, `lognormal`, `beta`: GSL's `gsl_ran_*_pdf`, whose
    ///   formulas are on the cases. GSL's `uniform` density is positive on `[low, high)`; it is
    ///   taken here on the closed interval so that the support matches the other bounded families.
    /// - `normal`: `gsl_ran_gaussian_pdf(x - mean, sd)`.
    /// - `truncatedNormal`: the normal density divided by the interval's probability `Z`
    ///   (Johnson, Kotz & Balakrishnan vol. 1, §10.1), on `[low, high]`.
    /// - `triangular`: `2 (x - low) / ((high - low)(mode - low))` up to the mode and
    ///   `2 (high - x) / ((high - low)(high - mode))` after it (the derivative of the CDF written on
    ///   `triangularQuantile`), `2 / (high - low)` at the mode.
    /// - `poisson`, `binomial`, `negativeBinomial`, `bernoulli`: GSL's `gsl_ran_*_pdf`
    ///   probability mass at whole numbers `x`, `-inf` elsewhere.
    /// - `categorical`: the summed weight of the values equal to `x`, over the total weight.
    ///
    /// Taking the logarithm of GSL's density loses nothing in the body of a distribution; far in a
    /// tail where the density underflows (below about 1e-308, e.g. 37 standard deviations from a
    /// normal's mean) the result is `-inf`. NaN when `x` is NaN or the parameters are invalid.
    public func logDensity(_ x: Double) -> Double {
        guard !x.isNaN else { return .nan }
        guard validate().isEmpty else { return .nan }
        return log(densityValue(x))
    }

    /// The density (or, for a discrete family, the probability mass) at `x`: `exp(logDensity(x))`.
    public func density(_ x: Double) -> Double {
        guard !x.isNaN, validate().isEmpty else { return .nan }
        return densityValue(x)
    }

    /// The density of valid parameters at a number `x`.
    private func densityValue(_ x: Double) -> Double {
        switch self {
        case .fixed(let value):
            return x == value ? 1 : 0
        case .uniform(let low, let high):
            return low <= x && x <= high ? 1 / (high - low) : 0
        case .exponential(let mean):
            return gsl_ran_exponential_pdf(x, mean)
        case .gamma(let shape, let scale):
            return x.isFinite ? gsl_ran_gamma_pdf(x, shape, scale) : 0
        case .lognormal(let mu, let sigma):
            return x.isFinite && x > 0 ? gsl_ran_lognormal_pdf(x, mu, sigma) : 0
        case .normal(let mean, let sd):
            return x.isFinite ? gsl_ran_gaussian_pdf(x - mean, sd) : 0
        case .truncatedNormal(let mean, let sd, let low, let high):
            guard low <= x, x <= high, x.isFinite else { return 0 }
            let (alpha, beta) = StandardTruncatedNormal.standardize(mean: mean, sd: sd, low: low, high: high)
            return gsl_ran_gaussian_pdf(x - mean, sd) / StandardTruncatedNormal.mass(alpha, beta)
        case .beta(let a, let b):
            return 0 <= x && x <= 1 ? gsl_ran_beta_pdf(x, a, b) : 0
        case .triangular(let low, let mode, let high):
            return Self.triangularDensity(x, low: low, mode: mode, high: high)
        case .poisson(let mean):
            guard let k = Self.count(x) else { return 0 }
            return gsl_ran_poisson_pdf(k, mean)
        case .binomial(let trials, let p):
            guard let k = Self.count(x), Int(k) <= trials else { return 0 }
            // GSL wants 0 < p < 1 in spirit; the degenerate ends are exact here.
            if p == 0 { return k == 0 ? 1 : 0 }
            if p == 1 { return Int(k) == trials ? 1 : 0 }
            return gsl_ran_binomial_pdf(k, p, UInt32(trials))
        case .negativeBinomial(let successes, let p):
            guard let k = Self.count(x) else { return 0 }
            if p == 1 { return k == 0 ? 1 : 0 }
            return gsl_ran_negative_binomial_pdf(k, p, successes)
        case .bernoulli(let p):
            guard x == 0 || x == 1 else { return 0 }
            return x == 1 ? p : 1 - p
        case .categorical(let values, let weights):
            var total = 0.0
            var atX = 0.0
            for (value, weight) in zip(values, weights) {
                total += weight
                if value == x { atX += weight }
            }
            return atX / total
        }
    }

    /// `x` as a count GSL's mass functions accept (a whole number in `0 ... UInt32.max`), or nil.
    private static func count(_ x: Double) -> UInt32? {
        guard x >= 0, x <= Double(UInt32.max), x == x.rounded() else { return nil }
        return UInt32(x)
    }

    /// The triangular density (see `logDensity`); both branches give `2 / (high - low)` at the
    /// mode, and a mode at an end (`mode == low` or `mode == high`) leaves one branch empty.
    private static func triangularDensity(_ x: Double, low: Double, mode: Double, high: Double) -> Double {
        guard low <= x, x <= high else { return 0 }
        let width = high - low
        if x == mode { return 2 / width }
        if x < mode { return 2 * (x - low) / (width * (mode - low)) }
        return 2 * (high - x) / (width * (high - mode))
    }
}
