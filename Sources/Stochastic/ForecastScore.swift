import CGSL

/// How well a sample of model outcomes forecast what happened: the proper scores the backtests
/// of issue 13 report per observation (Gneiting and Raftery, "Strictly Proper Scoring Rules,
/// Prediction, and Estimation", JASA 102(477), 2007).
public enum ForecastScore {
    /// The continuous ranked probability score of the sample's empirical distribution against the
    /// observation `y`, in the energy form (Gneiting and Raftery 2007, eq. 21):
    /// `mean |X - y| - 1/2 mean |X - X'|`, both means over the sample (so it is the exact CRPS of
    /// the empirical distribution; a point forecast scores its absolute error). Sorting turns the
    /// double sum into one pass: `sum_{i,j} |x_i - x_j| = 2 sum_i (2i - m - 1) x_(i)`, i = 1…m.
    /// Lower is better; in the units of the observation. NaN for an empty sample.
    public static func crps(sample: [Double], observation y: Double) -> Double {
        guard !sample.isEmpty else { return .nan }
        let sorted = sample.sorted()
        let m = Double(sorted.count)
        var absoluteError = 0.0
        var spread = 0.0
        for (index, x) in sorted.enumerated() {
            absoluteError += abs(x - y)
            spread += (2 * Double(index + 1) - m - 1) * x
        }
        return absoluteError / m - spread / (m * m)
    }

    /// The CRPS of the sample against an observation known only to lie somewhere in
    /// `[low, high]`, read as uniform there: the CRPS averaged over that uniform, in closed form.
    /// `E|x - Y|` for Y uniform on [a, b] is `(a + b)/2 - x` left of it, `x - (a + b)/2` right of
    /// it and `((x - a)^2 + (b - x)^2) / (2 (b - a))` inside; the spread term does not depend on
    /// the observation. Equals `crps(sample:observation:)` as the range shrinks to a point.
    public static func crps(sample: [Double], observationBetween low: Double, and high: Double) -> Double {
        precondition(low <= high, "a range runs from low to high")
        guard low < high else { return crps(sample: sample, observation: low) }
        guard !sample.isEmpty else { return .nan }
        let sorted = sample.sorted()
        let m = Double(sorted.count)
        let middle = (low + high) / 2
        var absoluteError = 0.0
        var spread = 0.0
        for (index, x) in sorted.enumerated() {
            if x <= low {
                absoluteError += middle - x
            } else if x >= high {
                absoluteError += x - middle
            } else {
                absoluteError += ((x - low) * (x - low) + (high - x) * (high - x)) / (2 * (high - low))
            }
            spread += (2 * Double(index + 1) - m - 1) * x
        }
        return absoluteError / m - spread / (m * m)
    }

    /// The CRPS of a normal forecast N(mean, sd²) against `y`, in closed form (Gneiting and
    /// Raftery 2007, eq. 5): `sd [z (2 Phi(z) - 1) + 2 phi(z) - 1/sqrt(pi)]`, z = (y - mean) / sd.
    public static func crpsOfNormal(mean: Double, sd: Double, observation y: Double) -> Double {
        let z = (y - mean) / sd
        return sd * (z * (2 * gsl_cdf_ugaussian_P(z) - 1) + 2 * gsl_ran_ugaussian_pdf(z) - 1 / Double.pi.squareRoot())
    }

    /// The probability integral transform of `y` under the sample: where the observation falls
    /// among the forecasts, as `(rank + U) / (m + 1)` with rank the number of sample values below
    /// `y`, ties placed at random among the equal values, and U uniform on (0, 1) from `stream`.
    /// For a forecast that is the observation's true distribution it is exactly uniform on (0, 1),
    /// discrete samples included; bunched near 0 or 1, the model is biased; piled at both ends,
    /// over-confident. NaN for an empty sample.
    public static func pit(sample: [Double], observation y: Double, stream: RandomStream) -> Double {
        guard !sample.isEmpty else { return .nan }
        var below = 0
        var equal = 0
        for x in sample {
            if x < y { below += 1 } else if x == y { equal += 1 }
        }
        // Among the equal values the observation takes a uniformly drawn place (0…equal).
        let place = equal > 0 ? stream.uniformInt(below: equal + 1) : 0
        return (Double(below + place) + stream.uniform()) / Double(sample.count + 1)
    }

    /// The Brier score of a binary fact: `(p - o)^2`, where p is the share of the sample in which
    /// the event happened and o is 1 if it did, 0 if not. NaN for an empty sample.
    public static func brier(happened: [Bool], observed: Bool) -> Double {
        guard !happened.isEmpty else { return .nan }
        let p = Double(happened.lazy.filter { $0 }.count) / Double(happened.count)
        let o = observed ? 1.0 : 0.0
        return (p - o) * (p - o)
    }

    /// The central interval holding `level` of the sample (GSL's quantiles, type 7) and whether
    /// it covers `y`.
    public static func interval(sample: [Double], level: Double, observation y: Double)
        -> (low: Double, high: Double, covers: Bool)
    {
        precondition(level > 0 && level < 1, "an interval's level is a probability")
        guard !sample.isEmpty else { return (.nan, .nan, false) }
        var sorted = sample.sorted()
        let tail = (1 - level) / 2
        let (low, high) = sorted.withUnsafeMutableBufferPointer { buffer in
            (
                gsl_stats_quantile_from_sorted_data(buffer.baseAddress, 1, buffer.count, tail),
                gsl_stats_quantile_from_sorted_data(buffer.baseAddress, 1, buffer.count, 1 - tail)
            )
        }
        return (low, high, low <= y && y <= high)
    }
}
