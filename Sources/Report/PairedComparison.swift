/// One row of `comparison.csv`: variant minus baseline on one outcome, over the replications
/// both have (the same random numbers under CRN), with a paired 95% interval.
struct PairedComparison: Sendable, Equatable {
    var variant: String
    var baseline: String
    var outcome: String
    var pairs: Int
    var meanVariant: Double
    var meanBaseline: Double
    var difference: Double
    var ciLow: Double
    var ciHigh: Double
    /// "common-random-numbers" or "independent".
    var pairing: String
}
