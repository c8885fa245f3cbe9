import EscalationModel
import Stochastic

/// One row of `summary.csv` (and of `escsim run --json`'s `summary`): one outcome of one
/// variant (or, in a design, one policy over its points).
public struct SummaryRow: Sendable, CSVRecord {
    public var variant: String
    public var statistic: OutcomeStatistic

    public init(variant: String, statistic: OutcomeStatistic) {
        self.variant = variant
        self.statistic = statistic
    }

    public static let header = [
        "variant", "outcome", "kind", "n", "mean", "sd", "min", "p05", "p25", "p50", "p75", "p95", "max",
        "ci95_low", "ci95_high", "ci_method",
    ]

    public var fields: [CSVField] {
        let s = statistic.sample
        return [
            .text(variant), .text(statistic.column.name), .text(statistic.column.kind.rawValue),
            .integer(s.n), .number(s.mean), .number(s.sd), .number(s.min), .number(s.p05), .number(s.p25),
            .number(s.p50), .number(s.p75), .number(s.p95), .number(s.max),
            .number(statistic.interval.low), .number(statistic.interval.high), .text(statistic.intervalMethod),
        ]
    }
}
