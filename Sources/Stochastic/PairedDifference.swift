import CGSL

/// The mean difference between two paired samples (e.g. the same replications run under two
/// variants with common random numbers), with a Student t confidence interval.
///
/// With `d_i = a_i - b_i` over the `n` usable pairs, `difference = mean(d)` and
/// `interval = difference ± t_{0.975, n-1} sd(d) / sqrt(n)` (`ConfidenceInterval.studentT`,
/// `sd` with the n - 1 denominator): the paired t interval (Student 1908, "The probable error
/// of a mean", Biometrika 6(1):1-25; e.g. Law, *Simulation Modeling and Analysis*, 5th ed.,
/// §10.2.1, "paired-t confidence interval"). Because `Var(a - b) = Var(a) + Var(b) -
/// 2 Cov(a, b)`, positively correlated pairs give a narrower interval than comparing the two
/// samples as independent (Welch) would.
public struct PairedDifference: Sendable, Hashable {
    /// Number of pairs used (pairs with a NaN on either side are skipped).
    public let pairs: Int
    /// Mean of `a` over the pairs used; NaN when there are none.
    public let meanA: Double
    /// Mean of `b` over the pairs used; NaN when there are none.
    public let meanB: Double
    /// Mean of `a - b` over the pairs used; NaN when there are none.
    public let difference: Double
    /// Student t 95% interval for the mean difference; NaN bounds when `pairs < 2`.
    public let interval: ConfidenceInterval

    /// Pairs `(a[i], b[i])`; pairs where either is NaN are skipped. `pairs < 2` gives a NaN
    /// interval (and `pairs == 0` NaN means and difference).
    ///
    /// - Precondition: `a.count == b.count`, and no value is infinite.
    public init(_ a: [Double], _ b: [Double]) {
        precondition(
            a.count == b.count, "paired samples need equal lengths, got \(a.count) and \(b.count)")
        precondition(
            !a.contains(where: \.isInfinite) && !b.contains(where: \.isInfinite),
            "PairedDifference takes finite values or NaN (for missing), not infinities"
        )
        let used = a.indices.filter { !a[$0].isNaN && !b[$0].isNaN }
        let keptA = used.map { a[$0] }
        let keptB = used.map { b[$0] }
        let differences = used.map { a[$0] - b[$0] }
        pairs = used.count
        guard pairs > 0 else {
            meanA = .nan
            meanB = .nan
            difference = .nan
            interval = ConfidenceInterval(low: .nan, high: .nan)
            return
        }
        meanA = Self.mean(keptA)
        meanB = Self.mean(keptB)
        // mean(a - b) = mean(a) - mean(b) exactly; taken this way, two means that print the
        // same have a difference of exactly 0, not the rounding residue (2.9e-21) of a running
        // mean of differences that cancel.
        difference = meanA - meanB
        // gsl_stats_sd divides by n - 1, which is 0 for one pair; studentT gives NaN bounds
        // for n < 2 without looking at sd, so NaN is passed instead of 0/0.
        let sd =
            pairs > 1
            ? differences.withUnsafeBufferPointer { gsl_stats_sd($0.baseAddress, 1, $0.count) }
            : Double.nan
        interval = ConfidenceInterval.studentT(mean: difference, sd: sd, n: pairs)
    }

    /// The mean of a non-empty array from a compensated sum (Neumaier 1974, "Rundungsfehleranalyse
    /// einiger Verfahren zur Summation endlicher Summen", ZAMM 54), accurate to about one rounding
    /// whatever the count, so the same values in another order give the same mean.
    private static func mean(_ values: [Double]) -> Double {
        var sum = 0.0
        var compensation = 0.0
        for value in values {
            let total = sum + value
            compensation += abs(sum) >= abs(value) ? (sum - total) + value : (value - total) + sum
            sum = total
        }
        return (sum + compensation) / Double(values.count)
    }
}
