import DiscreteEvent
import EscalationModel
import Stochastic

/// One row of `comparison.csv`: a variant against the baseline on one outcome, by the paired
/// differences of their replications (same index = same random numbers under CRN).
public struct ComparisonRow: Sendable, CSVRecord {
    public var variant: String
    public var baseline: String
    public var outcome: String
    public var commonRandomNumbers: Bool
    public var difference: PairedDifference

    public static let header = [
        "variant", "baseline", "outcome", "n_pairs", "mean_variant", "mean_baseline", "difference",
        "ci95_low", "ci95_high", "pairing",
    ]

    public var fields: [CSVField] {
        [
            .text(variant), .text(baseline), .text(outcome), .integer(difference.pairs), .number(difference.meanA),
            .number(difference.meanB), .number(difference.difference), .number(difference.interval.low),
            .number(difference.interval.high), .text(commonRandomNumbers ? "common-random-numbers" : "independent"),
        ]
    }
}
