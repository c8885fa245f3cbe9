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
        switch column.kind {
        case .indicator:
            interval = .wilson(successes: successes, trials: present.count)
            intervalMethod = "wilson"
        default:
            interval = .studentT(mean: sample.mean, sd: sample.sd, n: sample.n)
            intervalMethod = "t"
        }
    }
}
