/// Which number of a run an observation is compared with: a column of `replications.csv` (its
/// value at the end of the run), or a daily series of `daily.csv` at the end of a day, possibly
/// as the change since an earlier day when the source counts a flow and the series a stock.
public enum ModelProbe: Sendable, Hashable, CustomStringConvertible {
    case outcome(String)
    /// `series` at the end of `day` (1-based), minus its value at the end of `sinceDay` if given
    /// (day 0 is the start, where every cumulative series is 0).
    case series(String, day: Int, sinceDay: Int?)

    public var description: String {
        switch self {
        case .outcome(let column): column
        case .series(let name, let day, let since):
            since.map { "\(name) day \($0)-\(day)" } ?? "\(name) day \(day)"
        }
    }

    /// The number in `run`; nil when the run lacks it.
    public func value(in run: some RunValues) -> Double? {
        switch self {
        case .outcome(let column):
            return run.outcome(column)
        case .series(let name, let day, let since):
            guard let value = run.series(name, day: day) else { return nil }
            guard let since, since > 0 else { return value }
            return run.series(name, day: since).map { value - $0 }
        }
    }
}
