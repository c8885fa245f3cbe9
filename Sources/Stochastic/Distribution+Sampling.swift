import CGSL

extension Distribution {
    /// One draw from the distribution, using (and advancing) `stream`.
    ///
    /// Discrete families return whole numbers as `Double`. The methods, per family:
    /// GSL's `gsl_ran_flat`, `gsl_ran_exponential`, `gsl_ran_gamma`, `gsl_ran_lognormal`,
    /// `gsl_ran_gaussian`, `gsl_ran_beta`, `gsl_ran_poisson`, `gsl_ran_binomial`,
    /// `gsl_ran_negative_binomial` and `gsl_ran_bernoulli`; `triangular` by inverting its CDF
    /// at one `gsl_rng_uniform` draw; `truncatedNormal` as described on
    /// `StandardTruncatedNormal.sample`; `categorical` by one `gsl_rng_uniform` draw and a
    /// linear cumulative-weight search (no allocation).
    ///
    /// - Precondition: `validate()` is empty. Every parameter constraint documented on the
    ///   cases is checked again here, before anything reaches GSL, and a violation traps with
    ///   `validate()`'s messages. (Only `validate()`'s final check, that the mean and variance
    ///   fit in a `Double`, is not repeated on each draw.)
    @inlinable
    public func sample(_ stream: RandomStream) -> Double {
        let rng = stream.rng
        switch self {
        case .fixed(let value):
            guard value.isFinite else { trapInvalid() }
            return value

        case .uniform(let low, let high):
            guard low.isFinite, high.isFinite, low < high else { trapInvalid() }
            return gsl_ran_flat(rng, low, high)

        case .exponential(let mean):
            guard Self.isPositiveFinite(mean) else { trapInvalid() }
            return gsl_ran_exponential(rng, mean)

        case .gamma(let shape, let scale):
            guard Self.isPositiveFinite(shape), Self.isPositiveFinite(scale) else { trapInvalid() }
            return gsl_ran_gamma(rng, shape, scale)

        case .lognormal(let mu, let sigma):
            guard mu.isFinite, Self.isPositiveFinite(sigma) else { trapInvalid() }
            return gsl_ran_lognormal(rng, mu, sigma)

        case .normal(let mean, let sd):
            guard mean.isFinite, Self.isPositiveFinite(sd) else { trapInvalid() }
            return mean + gsl_ran_gaussian(rng, sd)

        case .truncatedNormal(let mean, let sd, let low, let high):
            return sampleTruncatedNormal(rng, mean: mean, sd: sd, low: low, high: high)

        case .beta(let a, let b):
            guard Self.isPositiveFinite(a), Self.isPositiveFinite(b) else { trapInvalid() }
            return gsl_ran_beta(rng, a, b)

        case .triangular(let low, let mode, let high):
            guard low.isFinite, high.isFinite, low < high, low <= mode, mode <= high else {
                trapInvalid()
            }
            return Self.triangularQuantile(gsl_rng_uniform(rng), low: low, mode: mode, high: high)

        case .poisson(let mean):
            guard Self.isPositiveFinite(mean), mean <= Self.maximumCountMean else { trapInvalid() }
            return Double(gsl_ran_poisson(rng, mean))

        case .binomial(let trials, let p):
            guard trials >= 0, trials <= Int(UInt32.max), Self.isProbability(p) else {
                trapInvalid()
            }
            // The degenerate cases are answered here so GSL only ever sees 0 < p < 1.
            if trials == 0 || p == 0 { return 0 }
            if p == 1 { return Double(trials) }
            return Double(gsl_ran_binomial(rng, p, UInt32(trials)))

        case .negativeBinomial(let successes, let p):
            guard Self.isPositiveFinite(successes), p > 0, p <= 1,
                successes * (1 - p) / p <= Self.maximumCountMean
            else { trapInvalid() }
            // p == 1: every trial succeeds, so there are no failures (and GSL would be asked
            // for a gamma variate with scale 0).
            if p == 1 { return 0 }
            // For a small whole number of successes n, the failures before the n-th success are
            // the sum of n independent geometric counts (an exact identity), and GSL's
            // geometric sampler is one logarithm, where its negative binomial is a gamma
            // variate and a Poisson one (about 300 ns for a mean near 100).
            if successes <= 16, successes == successes.rounded() {
                var failures = 0.0
                for _ in 0..<Int(successes) {
                    failures += Double(gsl_ran_geometric(rng, p)) - 1  // trials to a success, minus it
                }
                return failures
            }
            return Double(gsl_ran_negative_binomial(rng, p, successes))

        case .bernoulli(let p):
            guard Self.isProbability(p) else { trapInvalid() }
            return Double(gsl_ran_bernoulli(rng, p))

        case .categorical(let values, let weights):
            guard let value = Self.sampleCategorical(rng, values: values, weights: weights) else {
                trapInvalid()
            }
            return value
        }
    }

    /// Fills `count` draws into a new array (a convenience for tests and batch use).
    @inlinable
    public func samples(_ count: Int, from stream: RandomStream) -> [Double] {
        precondition(count >= 0, "samples count must be non-negative, got \(count)")
        var result = [Double]()
        result.reserveCapacity(count)
        for _ in 0..<count {
            result.append(sample(stream))
        }
        return result
    }

    // MARK: - Helpers for sample(_:)

    /// `x > 0` and finite (false for NaN).
    @inlinable
    static func isPositiveFinite(_ x: Double) -> Bool {
        x > 0 && x.isFinite
    }

    /// `0 <= p <= 1` (false for NaN).
    @inlinable
    static func isProbability(_ p: Double) -> Bool {
        p >= 0 && p <= 1
    }

    /// Stops the program because `sample` was handed invalid parameters.
    @usableFromInline
    @inline(never)
    func trapInvalid() -> Never {
        let problems = validate().map(\.message).joined(separator: "; ")
        fatalError("cannot sample \(self): \(problems.isEmpty ? "invalid parameters" : problems)")
    }

    /// The triangular quantile function at `u` in `[0, 1)`. With `F(mode) = (mode - low) /
    /// (high - low)`, the CDF is `(x - low)^2 / ((high - low)(mode - low))` up to the mode
    /// and `1 - (high - x)^2 / ((high - low)(high - mode))` after it; solving `F(x) = u` on
    /// each side gives the two branches below.
    @inlinable
    static func triangularQuantile(_ u: Double, low: Double, mode: Double, high: Double) -> Double {
        let width = high - low
        let x: Double
        if u * width < mode - low {
            x = low + (u * width * (mode - low)).squareRoot()
        } else {
            x = high - ((1 - u) * width * (high - mode)).squareRoot()
        }
        return min(max(x, low), high)
    }

    /// A draw from `truncatedNormal`, trapping on invalid parameters.
    @usableFromInline
    func sampleTruncatedNormal(
        _ rng: UnsafeMutablePointer<gsl_rng>, mean: Double, sd: Double, low: Double, high: Double
    ) -> Double {
        guard mean.isFinite, Self.isPositiveFinite(sd), low < high,
            low.isFinite || high.isFinite
        else { trapInvalid() }
        let (alpha, beta) = StandardTruncatedNormal.standardize(
            mean: mean, sd: sd, low: low, high: high)
        guard alpha < beta,
            let z = StandardTruncatedNormal.sample(rng, alpha, beta)
        else { trapInvalid() }
        return min(max(mean + sd * z, low), high)
    }

    /// One categorical draw, or `nil` if the parameters are invalid. One pass sums the weights
    /// (checking them and the values); a second finds the first index whose cumulative weight
    /// exceeds `u * total`, `u = gsl_rng_uniform` in `[0, 1)`. Zero-weight entries can never be
    /// chosen, because the comparison is strict.
    @inlinable
    static func sampleCategorical(
        _ rng: UnsafeMutablePointer<gsl_rng>, values: [Double], weights: [Double]
    ) -> Double? {
        guard !values.isEmpty, values.count == weights.count else { return nil }
        var total = 0.0
        for i in weights.indices {
            let weight = weights[i]
            guard weight >= 0, weight.isFinite, values[i].isFinite else { return nil }
            total += weight
        }
        guard total > 0, total.isFinite else { return nil }
        let target = gsl_rng_uniform(rng) * total
        var cumulative = 0.0
        var lastPositive = 0
        for i in weights.indices where weights[i] > 0 {
            cumulative += weights[i]
            if target < cumulative { return values[i] }
            lastPositive = i
        }
        // Unreachable in exact arithmetic (target < total); kept against rounding.
        return values[lastPositive]
    }
}
