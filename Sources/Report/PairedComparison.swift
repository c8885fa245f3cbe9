/// One row of `comparison.csv`: variant minus baseline on one outcome, over the replications
/// both have (the same random numbers under CRN), with a paired 95% interval.
public struct PairedComparison: Sendable, Equatable {
    public var variant: String
    public var baseline: String
    public var outcome: String
    public var pairs: Int
    public var meanVariant: Double
    public var meanBaseline: Double
    public var difference: Double
    public var ciLow: Double
    public var ciHigh: Double
    /// "common-random-numbers" or "independent".
    public var pairing: String
}
