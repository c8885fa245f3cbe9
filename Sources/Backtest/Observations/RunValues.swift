/// One replication's numbers as observations read them: its outcome columns and its daily
/// series. `escsim score` reads them from a run's files; `escsim calibrate` from a replication
/// it has just run, so both compare the model with history through the same code.
public protocol RunValues {
    /// The value of an outcome column of `replications.csv`; NaN for a day that never came; nil
    /// when the run has no such column.
    func outcome(_ column: String) -> Double?
    /// The value of a series of `daily.csv` at the end of `day` (1-based); nil when missing.
    func series(_ name: String, day: Int) -> Double?
}
