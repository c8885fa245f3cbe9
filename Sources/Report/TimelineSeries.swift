/// One measure of one variant over the days of `timeline.csv` (territory of an actor, ladder
/// level, cumulative civilian harm): per day the mean and the quantiles across replications.
public struct TimelineSeries: Sendable, Equatable {
    /// The state at the end of one day.
    public struct Point: Sendable, Equatable {
        public var day: Double
        public var mean: Double
        public var p05: Double
        public var p25: Double
        public var p50: Double
        public var p75: Double
        public var p95: Double
    }

    public var variant: String
    public var measure: String
    /// In day order.
    public var points: [Point]
}
