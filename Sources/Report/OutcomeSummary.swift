/// One row of `summary.csv`: the distribution of one outcome of one variant. A number escsim
/// left empty (no run had the event, so no mean) is NaN here and shows as a dash.
public struct OutcomeSummary: Sendable, Equatable {
    /// How an outcome is summarised, as the `kind` column spells it.
    public enum Kind: String, Sendable {
        /// 0/1 per run; the mean is a probability.
        case indicator
        /// The day an event happened; summarised over the runs where it did.
        case day
        /// A count or amount (civilians, airstrikes, fighters).
        case quantity
        /// A rung of the escalation ladder (0 = the first rung).
        case level
        /// A share of strategic value, 0...1.
        case share
    }

    public var variant: String
    public var outcome: String
    public var kind: Kind
    public var n: Int
    public var mean: Double
    public var sd: Double
    public var min: Double
    public var p05: Double
    public var p25: Double
    public var p50: Double
    public var p75: Double
    public var p95: Double
    public var max: Double
    public var ciLow: Double
    public var ciHigh: Double
    public var ciMethod: String
}
