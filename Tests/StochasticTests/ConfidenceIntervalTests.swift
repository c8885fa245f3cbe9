import Stochastic
import Testing

@Suite struct ConfidenceIntervalTests {
    // Expected Wilson bounds were computed by hand from
    // centre = (p + z²/2n) / (1 + z²/n), half = z / (1 + z²/n) · sqrt(p(1-p)/n + z²/4n²)
    // with z = 1.959963984540054 (95%) or 1.644853626951472 (90%).

    @Test func wilsonHalfSuccesses() {
        let ci = ConfidenceInterval.wilson(successes: 5, trials: 10)
        #expect(abs(ci.low - 0.236593) < 1e-6)
        #expect(abs(ci.high - 0.763407) < 1e-6)
        #expect(abs(ci.halfWidth - 0.263407) < 1e-6)
    }

    @Test func wilsonNoSuccesses() {
        // p = 0: centre = half = (z²/2n) / (1 + z²/n), so low = 0 and high = (z²/n) / (1 + z²/n).
        let ci = ConfidenceInterval.wilson(successes: 0, trials: 10)
        #expect(ci.low == 0)
        #expect(abs(ci.high - 0.277533) < 1e-6)
    }

    @Test func wilsonAllSuccesses() {
        let ci = ConfidenceInterval.wilson(successes: 10, trials: 10)
        #expect(abs(ci.low - 0.722467) < 1e-6)
        #expect(ci.high == 1)
    }

    @Test func wilsonOtherLevel() {
        let ci = ConfidenceInterval.wilson(successes: 3, trials: 20, level: 0.90)
        #expect(abs(ci.low - 0.061582) < 1e-6)
        #expect(abs(ci.high - 0.321828) < 1e-6)
    }

    @Test func wilsonWithoutTrialsIsNaN() {
        let ci = ConfidenceInterval.wilson(successes: 0, trials: 0)
        #expect(ci.low.isNaN)
        #expect(ci.high.isNaN)
        #expect(ci.halfWidth.isNaN)
    }

    @Test func studentTForTenObservations() {
        // t_{0.975, 9} = 2.262157; margin = 2.262157 · 2 / sqrt(10) = 1.430714.
        let ci = ConfidenceInterval.studentT(mean: 10, sd: 2, n: 10)
        #expect(abs(ci.low - (10 - 1.430714)) < 1e-6)
        #expect(abs(ci.high - (10 + 1.430714)) < 1e-6)
        #expect(abs(ci.halfWidth - 1.430714) < 1e-6)
    }

    @Test func studentTWithZeroSpreadIsAPoint() {
        let ci = ConfidenceInterval.studentT(mean: 3, sd: 0, n: 5)
        #expect(ci.low == 3)
        #expect(ci.high == 3)
    }

    @Test(arguments: [0, 1])
    func studentTNeedsTwoObservations(n: Int) {
        let ci = ConfidenceInterval.studentT(mean: 1, sd: 1, n: n)
        #expect(ci.low.isNaN)
        #expect(ci.high.isNaN)
    }
}
