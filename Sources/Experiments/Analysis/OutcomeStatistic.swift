import DiscreteEvent
import EscalationModel
import Stochastic

/// The summary of one outcome over a batch: one row of `summary.csv`.
public struct OutcomeStatistic: Sendable {
    public var column: OutcomeColumn
    /// Distribution of the values (for `.day` outcomes: over the runs where the event happened).
    public var sample: SampleSummary
    /// 95% interval for the mean: Wilson for indicators (a probability), Student t otherwise.
    public var interval: ConfidenceInterval
    public var intervalMethod: String
    /// Counts in up to `profileBins` equal-width bins from the smallest to the largest value
    /// (one bin per whole number when a level or count spans fewer): the shape the terminal
    /// summary draws as a one-line histogram. Empty when no value is present.
    public var profile: [Int]

    /// The most bins `profile` has: ten characters of histogram beside each outcome.
    public static let profileBins = 10

    /// Summarises `values` (one per replication, `.nan` = did not happen) of `column`.
    public init(column: OutcomeColumn, values: [Double]) {
        var present = values.filter { !$0.isNaN }
        self.init(column: column, sorting: &present)
    }

    /// Summarises the values present (no NaN), sorting them in place (they can then feed a
    /// histogram without another copy).
    public init(column: OutcomeColumn, sorting present: inout [Double]) {
        self.column = column
        let successes = column.kind == .indicator ? present.reduce(0) { $0 + ($1 != 0 ? 1 : 0) } : 0
        sample = SampleSummary(sorting: &present)
        profile = Self.profile(ofSorted: present, integer: column.kind == .level)
        switch column.kind {
        case .indicator:
            interval = .wilson(successes: successes, trials: present.count)
            intervalMethod = "wilson"
        default:
            interval = .studentT(mean: sample.mean, sd: sample.sd, n: sample.n)
            intervalMethod = "t"
        }
    }

    /// Equal-width bin counts of sorted finite values; one bin per whole number for integer data
    /// spanning fewer than `profileBins` values (ladder rungs 4, 5, 6 make three bars, not ten).
    static func profile(ofSorted values: [Double], integer: Bool) -> [Int] {
        guard let low = values.first, let high = values.last else { return [] }
        guard high > low else { return [values.count] }
        // Halved when the span overflows (values near ±Double.greatestFiniteMagnitude): the
        // ratio is the same and stays finite.
        let halve = !(high - low).isFinite
        let span = halve ? high / 2 - low / 2 : high - low
        let perValue = integer && !halve && span < Double(profileBins)
        let bins = perValue ? Int(span) + 1 : profileBins
        var counts = Array(repeating: 0, count: bins)
        for value in values {
            let offset = halve ? value / 2 - low / 2 : value - low
            let position = perValue ? Int(offset.rounded()) : Int(offset / span * Double(bins))
            counts[min(max(position, 0), bins - 1)] += 1
        }
        return counts
    }
}
