/// Values with importance weights: one parameter's marginal in an ABC-SMC population.
///
/// The weights are normalised on construction. Moments are the self-normalised importance
/// sampling estimates `sum w_i x_i` and `sum w_i (x_i - mean)^2`; quantiles invert the weighted
/// empirical distribution function.
public struct WeightedSample: Sendable, Hashable {
    /// The values, sorted ascending.
    public let values: [Double]
    /// Their weights, in the same order, summing to 1.
    public let weights: [Double]

    /// A sample of `values` with non-negative `weights` of positive sum (equal lengths).
    public init(values: [Double], weights: [Double]) {
        precondition(values.count == weights.count, "WeightedSample needs one weight per value")
        let total = weights.reduce(0, +)
        precondition(
            total > 0 && total.isFinite && weights.allSatisfy { $0 >= 0 },
            "WeightedSample weights must be non-negative with a positive finite sum")
        let order = values.indices.sorted { values[$0] < values[$1] }
        self.values = order.map { values[$0] }
        self.weights = order.map { weights[$0] / total }
    }

    /// An equally weighted sample.
    public init(values: [Double]) {
        self.init(values: values, weights: [Double](repeating: 1, count: values.count))
    }

    /// The weighted mean.
    public var mean: Double {
        zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// The weighted variance `sum w_i (x_i - mean)^2` (no small-sample correction: with
    /// importance weights there is no single "n - 1").
    public var variance: Double {
        let m = mean
        return zip(values, weights).reduce(0) { $0 + $1.1 * ($1.0 - m) * ($1.0 - m) }
    }

    /// The weighted standard deviation.
    public var standardDeviation: Double { variance.squareRoot() }

    /// The weighted `p`-quantile, `p` in [0, 1]: the smallest value whose cumulative weight
    /// reaches `p` (the lower inverse of the weighted distribution function). A relative slack of
    /// 1e-12 absorbs rounding in the cumulative sum, so that p = 0.5 of two equal weights is the
    /// first value.
    public func quantile(_ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "quantile needs p in [0, 1], got \(p)")
        var cumulative = 0.0
        for (value, weight) in zip(values, weights) {
            cumulative += weight
            if cumulative >= p - 1e-12 { return value }
        }
        return values[values.count - 1]
    }

    /// The weight of the values below `x`, counting values equal to `x` half: the weighted
    /// analogue of a normalised rank, in [0, 1]. For a sample of the true posterior and `x`
    /// drawn from it, this is uniform (Talts et al. 2018, Theorem 1, in the limit of many draws).
    public func rank(of x: Double) -> Double {
        var below = 0.0
        for (value, weight) in zip(values, weights) {
            if value < x {
                below += weight
            } else if value == x {
                below += 0.5 * weight
            } else {
                break
            }
        }
        return min(max(below, 0), 1)
    }

    /// The same sample with every value moved toward the mean by `factor` (0 ... 1 narrows):
    /// `mean + factor (x - mean)`. Used to build a deliberately over-confident posterior when
    /// checking that simulation-based calibration detects one.
    public func scaledAroundMean(by factor: Double) -> WeightedSample {
        let m = mean
        return WeightedSample(values: values.map { m + factor * ($0 - m) }, weights: weights)
    }
}
