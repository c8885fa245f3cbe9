/// One measure of one variant over the days of `timeline.csv` (territory of an actor, ladder
/// level, cumulative civilian harm): per day the mean and the quantiles across replications.
struct TimelineSeries: Sendable, Equatable {
    /// The state at the end of one day.
    struct Point: Sendable, Equatable {
        var day: Double
        var mean: Double
        var p05: Double
        var p25: Double
        var p50: Double
        var p75: Double
        var p95: Double
    }

    var variant: String
    var measure: String
    /// In day order.
    var points: [Point]
}
