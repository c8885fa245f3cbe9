import Backtest
import EscalationModel

/// What an observation file may refer to: the scenario it tests, its outcome columns with their
/// kinds, its daily series and its horizon. Made from the scenario, so that a misspelt column or
/// a date past the horizon is found when the file is read, with its line and column.
public struct ObservationVocabulary: Sendable {
    public var scenarioName: String
    public var outcomes: [String: OutcomeKind]
    public var outcomeOrder: [String]
    /// The daily series; nil when they are not known (a run without `daily.csv`): any name is
    /// taken, and the caller says that the run lacks them.
    public var series: [String]?
    public var horizonDays: Double

    public init(scenarioName: String, outcomes: [OutcomeColumn], series: [String]?, horizonDays: Double) {
        self.scenarioName = scenarioName
        self.outcomes = Dictionary(outcomes.map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
        self.outcomeOrder = outcomes.map(\.name)
        self.series = series
        self.horizonDays = horizonDays
    }

    /// The vocabulary of `scenario`: its outcome columns, daily series and horizon.
    public init(scenario: Scenario) {
        let parameters = scenario.baseParameters
        self.init(
            scenarioName: scenario.name, outcomes: OutcomeSchema(parameters: parameters).columns,
            series: DailySeriesCatalogue.columns(for: parameters).map(\.name), horizonDays: parameters.horizonDays)
    }
}
