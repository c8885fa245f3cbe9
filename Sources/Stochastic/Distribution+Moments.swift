#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension Distribution {
    /// The mean, in closed form (the formulas are listed on each case).
    ///
    /// Meaningful only when `validate()` is empty; otherwise it may be NaN or infinite.
    public var mean: Double {
        switch self {
        case .fixed(let value):
            return value
        case .uniform(let low, let high):
            return 0.5 * low + 0.5 * high
        case .exponential(let mean):
            return mean
        case .gamma(let shape, let scale):
            return shape * scale
        case .lognormal(let mu, let sigma):
            return exp(mu + 0.5 * sigma * sigma)
        case .normal(let mean, _):
            return mean
        case .truncatedNormal(let mean, let sd, let low, let high):
            let (alpha, beta) = StandardTruncatedNormal.standardize(
                mean: mean, sd: sd, low: low, high: high)
            return mean + sd * StandardTruncatedNormal.moments(alpha, beta).mean
        case .beta(let a, let b):
            return a / (a + b)
        case .triangular(let low, let mode, let high):
            return (low + mode + high) / 3
        case .poisson(let mean):
            return mean
        case .binomial(let trials, let p):
            return Double(trials) * p
        case .negativeBinomial(let successes, let p):
            return successes * (1 - p) / p
        case .bernoulli(let p):
            return p
        case .categorical(let values, let weights):
            return Self.categoricalMoments(values: values, weights: weights).mean
        }
    }

    /// The variance, in closed form (the formulas are listed on each case).
    ///
    /// Meaningful only when `validate()` is empty; otherwise it may be NaN or infinite.
    public var variance: Double {
        switch self {
        case .fixed:
            return 0
        case .uniform(let low, let high):
            let width = high - low
            return width * width / 12
        case .exponential(let mean):
            return mean * mean
        case .gamma(let shape, let scale):
            return shape * scale * scale
        case .lognormal(let mu, let sigma):
            // (exp(s^2) - 1) exp(2 mu + s^2); expm1 keeps precision for small sigma.
            let s2 = sigma * sigma
            return expm1(s2) * exp(2 * mu + s2)
        case .normal(_, let sd):
            return sd * sd
        case .truncatedNormal(let mean, let sd, let low, let high):
            let (alpha, beta) = StandardTruncatedNormal.standardize(
                mean: mean, sd: sd, low: low, high: high)
            return sd * sd * StandardTruncatedNormal.moments(alpha, beta).variance
        case .beta(let a, let b):
            let sum = a + b
            return a * b / (sum * sum * (sum + 1))
        case .triangular(let low, let mode, let high):
            return (low * low + mode * mode + high * high - low * mode - low * high - mode * high)
                / 18
        case .poisson(let mean):
            return mean
        case .binomial(let trials, let p):
            return Double(trials) * p * (1 - p)
        case .negativeBinomial(let successes, let p):
            return successes * (1 - p) / (p * p)
        case .bernoulli(let p):
            return p * (1 - p)
        case .categorical(let values, let weights):
            return Self.categoricalMoments(values: values, weights: weights).variance
        }
    }

    /// The standard deviation, `sqrt(variance)`.
    public var standardDeviation: Double {
        variance.squareRoot()
    }

    /// Weighted mean and (two-pass) weighted variance; NaN for mismatched or empty input.
    private static func categoricalMoments(
        values: [Double], weights: [Double]
    ) -> (mean: Double, variance: Double) {
        guard !values.isEmpty, values.count == weights.count else { return (.nan, .nan) }
        var total = 0.0
        var weightedSum = 0.0
        for (value, weight) in zip(values, weights) {
            total += weight
            weightedSum += weight * value
        }
        let mean = weightedSum / total
        var squares = 0.0
        for (value, weight) in zip(values, weights) {
            let deviation = value - mean
            squares += weight * deviation * deviation
        }
        return (mean, squares / total)
    }
}
