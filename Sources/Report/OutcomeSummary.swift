import EscalationModel

/// One row of `summary.csv`: the distribution of one outcome of one variant. A number escsim
/// left empty (no run had the event, so no mean) is NaN here and shows as a dash.
public struct OutcomeSummary: Sendable, Equatable {
    public var variant: String
    public var outcome: String
    public var kind: OutcomeKind
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
