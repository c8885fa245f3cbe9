import EscalationModel

/// One row of `summary.csv`: the distribution of one outcome of one variant. A number escsim
/// left empty (no run had the event, so no mean) is NaN here and shows as a dash.
struct OutcomeSummary: Sendable, Equatable {
    var variant: String
    var outcome: String
    var kind: OutcomeKind
    var n: Int
    var mean: Double
    var sd: Double
    var min: Double
    var p05: Double
    var p25: Double
    var p50: Double
    var p75: Double
    var p95: Double
    var max: Double
    var ciLow: Double
    var ciHigh: Double
    var ciMethod: String
}
