extension Distribution {
    /// Every problem with the parameters, each as one sentence; empty when the distribution
    /// can be sampled and its `mean` and `variance` are meaningful.
    ///
    /// Checks the constraints documented on each case (finite parameters; positive scales,
    /// rates, means and standard deviations; probabilities in `[0, 1]`; ordered bounds; mode
    /// inside its range; truncation intervals holding at least `minimumTruncatedMass`;
    /// categorical lengths, weights and values; binomial trial counts; count means up to
    /// `maximumCountMean`) and, when those all pass, that the mean and variance are finite
    /// `Double`s (for example, `lognormal(mu: 0, sigma: 30)` is rejected because its variance
    /// overflows).
    public func validate() -> [DistributionError] {
        var problems = ValidationReport(family: familyName)
        switch self {
        case .fixed(let value):
            problems.finite("value", value)

        case .uniform(let low, let high):
            problems.finite("low", low)
            problems.finite("high", high)
            if low.isFinite, high.isFinite { problems.ordered(low: low, high: high) }

        case .exponential(let mean):
            problems.positiveFinite("mean", mean)

        case .gamma(let shape, let scale):
            problems.positiveFinite("shape", shape)
            problems.positiveFinite("scale", scale)

        case .lognormal(let mu, let sigma):
            problems.finite("mu", mu)
            problems.positiveFinite("sigma", sigma)

        case .normal(let mean, let sd):
            problems.finite("mean", mean)
            problems.positiveFinite("sd", sd)

        case .truncatedNormal(let mean, let sd, let low, let high):
            validateTruncatedNormal(&problems, mean: mean, sd: sd, low: low, high: high)

        case .beta(let a, let b):
            problems.positiveFinite("a", a)
            problems.positiveFinite("b", b)

        case .triangular(let low, let mode, let high):
            problems.finite("low", low)
            problems.finite("mode", mode)
            problems.finite("high", high)
            if low.isFinite, high.isFinite {
                problems.ordered(low: low, high: high)
                if mode.isFinite, low < high, !(low <= mode && mode <= high) {
                    problems.add(
                        "mode must lie in [low, high] = [\(formatNumber(low)), "
                            + "\(formatNumber(high))], got \(formatNumber(mode))")
                }
            }

        case .poisson(let mean):
            problems.positiveFinite("mean", mean)
            problems.atMostCountMean("mean", mean)

        case .binomial(let trials, let p):
            if trials < 0 {
                problems.add("trials must be non-negative, got \(trials)")
            } else if trials > Int(UInt32.max) {
                problems.add("trials must be at most \(UInt32.max), got \(trials)")
            }
            problems.probability("p", p)

        case .negativeBinomial(let successes, let p):
            problems.positiveFinite("successes", successes)
            if !(p > 0 && p <= 1) {
                problems.add("p must be in (0, 1], got \(formatNumber(p))")
            } else if Self.isPositiveFinite(successes) {
                problems.atMostCountMean("mean successes (1 - p) / p", successes * (1 - p) / p)
            }

        case .bernoulli(let p):
            problems.probability("p", p)

        case .categorical(let values, let weights):
            validateCategorical(&problems, values: values, weights: weights)
        }

        if problems.errors.isEmpty {
            let mean = self.mean
            let variance = self.variance
            if !mean.isFinite || !variance.isFinite || variance < 0 {
                problems.add(
                    "has a mean or variance that does not fit in a Double (mean "
                        + "\(formatNumber(mean)), variance \(formatNumber(variance)))")
            }
        }
        return problems.errors
    }

    /// `validate().isEmpty`.
    public var isValid: Bool {
        validate().isEmpty
    }

    private func validateTruncatedNormal(
        _ problems: inout ValidationReport, mean: Double, sd: Double, low: Double, high: Double
    ) {
        problems.finite("mean", mean)
        problems.positiveFinite("sd", sd)
        var boundsUsable = true
        if low.isNaN || low == .infinity {
            problems.add("low must be finite or -inf, got \(formatNumber(low))")
            boundsUsable = false
        }
        if high.isNaN || high == -.infinity {
            problems.add("high must be finite or +inf, got \(formatNumber(high))")
            boundsUsable = false
        }
        guard boundsUsable else { return }
        if !low.isFinite, !high.isFinite {
            problems.add("needs at least one finite bound, got low -inf and high inf (use normal)")
            return
        }
        guard problems.ordered(low: low, high: high), mean.isFinite, Self.isPositiveFinite(sd)
        else { return }
        let (alpha, beta) = StandardTruncatedNormal.standardize(
            mean: mean, sd: sd, low: low, high: high)
        let mass = StandardTruncatedNormal.mass(alpha, beta)
        if !(mass >= Self.minimumTruncatedMass) {
            problems.add(
                "interval [\(formatNumber(low)), \(formatNumber(high))] holds only "
                    + "\(formatNumber(mass)) of normal(mean: \(formatNumber(mean)), sd: "
                    + "\(formatNumber(sd)))'s probability, below the minimum "
                    + "\(formatNumber(Self.minimumTruncatedMass)); check units and signs")
        }
    }

    private func validateCategorical(
        _ problems: inout ValidationReport, values: [Double], weights: [Double]
    ) {
        if values.isEmpty {
            problems.add("needs at least one value")
        }
        if values.count != weights.count {
            problems.add(
                "needs one weight per value, got \(values.count) values and "
                    + "\(weights.count) weights")
        }
        if let first = values.firstIndex(where: { !$0.isFinite }) {
            let count = values.count(where: { !$0.isFinite })
            problems.add(
                "values must be finite, got \(formatNumber(values[first])) at index \(first)"
                    + (count > 1 ? " (\(count) such values)" : ""))
        }
        let badWeight: (Double) -> Bool = { !($0 >= 0 && $0.isFinite) }
        if let first = weights.firstIndex(where: badWeight) {
            let count = weights.count(where: badWeight)
            problems.add(
                "weights must be non-negative and finite, got \(formatNumber(weights[first])) "
                    + "at index \(first)" + (count > 1 ? " (\(count) such weights)" : ""))
        } else if !weights.isEmpty {
            let total = weights.reduce(0, +)
            if total == 0 {
                problems.add("weights must not all be zero")
            } else if !total.isFinite {
                problems.add("weights must have a finite sum")
            }
        }
    }
}

/// Collects validation messages, each prefixed with the family name.
private struct ValidationReport {
    let family: String
    var errors: [DistributionError] = []

    mutating func add(_ problem: String) {
        errors.append(DistributionError(message: "\(family) \(problem)"))
    }

    mutating func finite(_ name: String, _ value: Double) {
        if !value.isFinite {
            add("\(name) must be finite, got \(formatNumber(value))")
        }
    }

    mutating func positiveFinite(_ name: String, _ value: Double) {
        if !Distribution.isPositiveFinite(value) {
            add("\(name) must be positive and finite, got \(formatNumber(value))")
        }
    }

    mutating func probability(_ name: String, _ value: Double) {
        if !Distribution.isProbability(value) {
            add("\(name) must be in [0, 1], got \(formatNumber(value))")
        }
    }

    mutating func atMostCountMean(_ name: String, _ value: Double) {
        if value.isFinite, value > Distribution.maximumCountMean {
            add(
                "\(name) must be at most \(formatNumber(Distribution.maximumCountMean)), "
                    + "got \(formatNumber(value))")
        }
    }

    /// Adds a problem unless `low < high`; returns whether they are ordered.
    @discardableResult
    mutating func ordered(low: Double, high: Double) -> Bool {
        if low < high { return true }
        add("low must be less than high, got low \(formatNumber(low)) and high \(formatNumber(high))")
        return false
    }
}
