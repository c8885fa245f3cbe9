import EscalationModel

/// One case of a calibration: a scenario's name, its parameters and unknowns, the observations
/// it is scored against, and which of its unknowns come from the shared engine file.
public struct CalibrationCase: Sendable {
    public let name: String
    public let draw: ParameterDraw
    public let observations: [Observation]
    /// Paths of `draw.uncertain` the engine gave: one parameter shared by every case.
    public let enginePaths: Set<String>

    public init(name: String, draw: ParameterDraw, observations: [Observation], enginePaths: Set<String> = []) {
        self.name = name
        self.draw = draw
        self.observations = observations
        self.enginePaths = enginePaths
    }

    /// The column a case's own parameter has in a joint posterior: `<case>:<path>`.
    public static func column(case name: String, path: String) -> String {
        name + ":" + path
    }

    /// The outcome columns and daily series of this case, by name, for reading a run.
    var lookup: (schema: OutcomeSchema, columns: [String: Int], series: [String: DailySeriesColumn]) {
        let schema = OutcomeSchema(parameters: draw.base)
        let columns = Dictionary(
            schema.columns.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        let series = Dictionary(
            DailySeriesCatalogue.columns(for: draw.base).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        return (schema, columns, series)
    }
}
