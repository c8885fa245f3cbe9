import EscalationModel

/// A replication just run, read as observations read a run's files: its outcome columns by name
/// and its daily series, so calibration compares the model with history exactly as `escsim score`
/// does with a finished run.
struct SimulatedRun: RunValues {
    let outcome: ReplicationOutcome
    let columns: [String: Int]
    let values: [Double]
    let series: [String: DailySeriesColumn]

    init(
        outcome: ReplicationOutcome, schema: OutcomeSchema, columns: [String: Int], series: [String: DailySeriesColumn]
    ) {
        self.outcome = outcome
        self.columns = columns
        self.values = schema.values(of: outcome)
        self.series = series
    }

    func outcome(_ column: String) -> Double? {
        columns[column].map { values[$0] }
    }

    func series(_ name: String, day: Int) -> Double? {
        guard let column = series[name], let snapshot = DailySeriesCatalogue.snapshot(of: outcome, day: day) else {
            return nil
        }
        return column.value(snapshot)
    }
}
