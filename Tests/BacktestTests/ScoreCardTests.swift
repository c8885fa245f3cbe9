import Backtest
import Foundation
import Stochastic
import Testing

/// A run as a dictionary, for tests.
struct TableRun: RunValues {
    var outcomes: [String: Double] = [:]
    var daily: [String: [Double]] = [:]

    func outcome(_ column: String) -> Double? { outcomes[column] }
    func series(_ name: String, day: Int) -> Double? {
        guard let values = daily[name], day >= 1, day <= values.count else { return nil }
        return values[day - 1]
    }
}

@Suite struct ScoreCardTests {
    static let source = ObservationSource(outlet: "test", published: "2024-12-01", counted: "a test")

    static func observation(_ id: String, _ fact: Observation.Fact) -> Observation {
        Observation(id: id, what: id, fact: fact, source: source, location: "t:1:1")
    }

    /// Every run says the same: a point forecast, whose CRPS is its absolute error and whose
    /// interval is the point.
    @Test func aPointForecastScoresItsError() {
        let runs = Array(repeating: TableRun(outcomes: ["fall_day": 2.5]), count: 50)
        let event = Self.observation("fell", .event(outcome: "fall_day", window: .point(4)))
        let card = ScoreCard.score([event], runs: runs, censor: { _ in 30 }, seed: 1)
        let score = card.scores[0]
        #expect(score.runs == 50)
        #expect(abs(score.crps - 1.5) < 1e-12)
        #expect(score.median == 2.5 && score.low90 == 2.5 && score.high90 == 2.5)
        #expect(!score.covered)
        // All 50 runs lie below the observation: the PIT is above 50/51.
        #expect(score.pit > 50.0 / 51.0)
    }

    /// A run in which the event never came counts as coming at the run's end (censored).
    @Test func anEventThatNeverCameIsCensoredAtTheEnd() {
        let runs = [TableRun(outcomes: ["fall_day": .nan]), TableRun(outcomes: ["fall_day": .nan])]
        let event = Self.observation("fell", .event(outcome: "fall_day", window: .range(low: 10, high: 11)))
        let score = ScoreCard.score([event], runs: runs, censor: { $0 == 0 ? 20 : 30 }, seed: 1).scores[0]
        #expect(score.low90 == 20.5 && score.high90 == 29.5)
        // Window [10, 11] uniform: E|20 - Y| = 9.5, E|30 - Y| = 19.5; spread 1/2 * 5 = 2.5.
        #expect(abs(score.crps - (14.5 - 2.5)) < 1e-12)
    }

    /// A fact's probability is the share of runs in which it happened by its day, and its Brier
    /// score the squared gap to what happened.
    @Test func aFactIsScoredByBrier() {
        let days: [Double] = [3, 9, .nan, 12, .nan]
        let runs = days.map { TableRun(outcomes: ["chemical_weapons_day": $0]) }
        let fact = Self.observation("no_cw", .binary(.dayOutcome("chemical_weapons_day", byTime: 10), happened: false))
        let score = ScoreCard.score([fact], runs: runs, censor: { _ in 30 }, seed: 1).scores[0]
        #expect(abs(score.probability - 0.4) < 1e-12)
        #expect(abs(score.brier - 0.16) < 1e-12)
        #expect(score.covered)
        let total = ScoreCard(scores: [score]).totals
        #expect(total.count == 1 && total[0].kind == .fact && abs(total[0].meanBrier - 0.16) < 1e-12)
    }

    /// A flow since an earlier day is the difference of the stock; a factor scales it.
    @Test func aQuantityReadsItsSeriesThroughTheMeasurementModel() {
        let run = TableRun(daily: ["displaced": [100, 250, 400]])
        let flow = Self.observation(
            "flow",
            .quantity(
                .series("displaced", day: 3, sinceDay: 1), value: .point(300),
                measurement: MeasurementModel(factor: .fixed(2))))
        let score = ScoreCard.score([flow], runs: [run], censor: { _ in 30 }, seed: 1).scores[0]
        #expect(score.median == 600)
        #expect(score.crps == 300)
        // Day 0 is the start: the stock itself.
        #expect(ModelProbe.series("displaced", day: 2, sinceDay: 0).value(in: run) == 250)
        #expect(ModelProbe.series("displaced", day: 4, sinceDay: nil).value(in: run) == nil)
    }

    /// The source's relative error widens the model's prediction by about that share: with a
    /// 20% error on a constant 1000, the sd of 4,000 draws is 200 within 4 standard errors
    /// (the sd of a sample sd is about sd / sqrt(2n) = 2.2).
    @Test func aRelativeErrorSpreadsTheReport() {
        let runs = Array(repeating: TableRun(outcomes: ["killed": 1000]), count: 4000)
        let observation = Self.observation(
            "killed",
            .quantity(.outcome("killed"), value: .point(1000), measurement: MeasurementModel(error: .relative(0.2))))
        let stream = RandomStream(seed: 7)
        let values = runs.compactMap { observation.modelValue(in: $0, horizon: 30, stream: stream) }
        let summary = SampleSummary(values)
        #expect(abs(summary.sd - 200) < 4 * 200 / (2.0 * 4000).squareRoot())
        #expect(abs(summary.mean - 1000) < 4 * 200 / Double(4000).squareRoot())
    }

    @Test func discrepanciesAreZeroInsideAndGrowOutside() {
        let event = Self.observation("e", .event(outcome: "d", window: .range(low: 2, high: 3)))
        #expect(event.discrepancy(of: 2.5) == 0)
        #expect(event.discrepancy(of: 5) == 2)
        #expect(event.discrepancy(of: 0.5) == 1.5)
        let quantity = Self.observation(
            "q", .quantity(.outcome("k"), value: .range(low: 99, high: 199), measurement: MeasurementModel()))
        #expect(quantity.discrepancy(of: 150) == 0)
        #expect(abs(quantity.discrepancy(of: 999) - (Double(1000).logarithm - Double(200).logarithm)) < 1e-12)
        let fact = Self.observation("f", .binary(.dayOutcome("d", byTime: 5), happened: true))
        #expect(fact.discrepancy(of: 1) == 0 && fact.discrepancy(of: 0) == 1)
    }

    /// An order counts a day that never came as never; a condition leaves the other runs out.
    @Test func ordersAndConditionsJudgeTheRightRuns() {
        let runs = [
            TableRun(outcomes: ["a": 2, "b": 5, "c": 9]),
            TableRun(outcomes: ["a": 6, "b": 5, "c": .nan]),
            TableRun(outcomes: ["a": 3, "b": .nan, "c": 4]),
            TableRun(outcomes: ["a": .nan, "b": .nan, "c": 1]),
        ]
        let order = Self.observation("order", .binary(.order("a", before: "b", byTime: nil), happened: true))
        let score = ScoreCard.score([order], runs: runs, censor: { _ in 30 }, seed: 1).scores[0]
        #expect(score.runs == 4 && abs(score.probability - 0.5) < 1e-12)
        var given = Self.observation("given", .binary(.dayOutcome("a", byTime: 4), happened: true))
        given.condition = Observation.Condition(outcome: "c", byTime: 5)
        given.isCheck = true
        let card = ScoreCard.score([given], runs: runs, censor: { _ in 30 }, seed: 1)
        // Runs 3 and 4 have c by day 5; in run 3 a came by day 4, in run 4 never.
        #expect(card.scores[0].runs == 2 && abs(card.scores[0].probability - 0.5) < 1e-12)
        #expect(card.checks.count == 1 && card.checks[0].covered)
        #expect(given.needs.outcomes == ["a", "c"])
        #expect(given.comparedWith == "a <= 4 where c <= 5")
    }
}

extension Double {
    fileprivate var logarithm: Double { Foundation.log(self) }
}
