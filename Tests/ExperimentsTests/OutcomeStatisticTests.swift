import EscalationModel
import Experiments
import Stochastic
import Testing

@Suite struct OutcomeStatisticTests {
    @Test func indicatorsAreProbabilitiesWithWilsonIntervals() {
        let column = OutcomeColumn(name: "fell", kind: .indicator, description: "")
        let statistic = OutcomeStatistic(column: column, values: [1, 0, 1, 1, 0, 1, 1, 1, 0, 1])
        #expect(statistic.sample.n == 10)
        #expect(statistic.sample.mean == 0.7)
        #expect(statistic.intervalMethod == "wilson")
        #expect(statistic.interval == ConfidenceInterval.wilson(successes: 7, trials: 10))
    }

    @Test func daysAreSummarisedOverTheRunsWhereTheEventHappened() {
        let column = OutcomeColumn(name: "fall_day", kind: .day, description: "")
        let statistic = OutcomeStatistic(column: column, values: [2, .nan, 4, .nan, 6])
        #expect(statistic.sample.n == 3)
        #expect(statistic.sample.mean == 4)
        #expect(statistic.intervalMethod == "t")
        // t interval: 4 +- t(0.975, 2) x 2 / sqrt(3), t = 4.302653.
        let halfWidth: Double = 4.302653 * 2 / 3.0.squareRoot()
        #expect(abs(statistic.interval.high - (4 + halfWidth)) < 1e-5)
    }
}
