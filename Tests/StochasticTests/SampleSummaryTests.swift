import Stochastic
import Testing

@Suite struct SampleSummaryTests {
    @Test func quantilesOfOneToHundredMatchHyndmanFanType7() {
        // Type 7: h = (n - 1) p + 1 (1-based); q = x[⌊h⌋] + (h - ⌊h⌋)(x[⌊h⌋+1] - x[⌊h⌋]).
        // For x = 1...100, x[i] = i, so q(p) = 1 + 99 p:
        // p = 0.05 -> 5.95, 0.25 -> 25.75, 0.5 -> 50.5, 0.75 -> 75.25, 0.95 -> 95.05.
        let values = (1...100).map(Double.init).shuffled()
        let summary = SampleSummary(values)
        #expect(summary.n == 100)
        #expect(abs(summary.p05 - 5.95) < 1e-9)
        #expect(abs(summary.p25 - 25.75) < 1e-9)
        #expect(abs(summary.p50 - 50.5) < 1e-9)
        #expect(abs(summary.p75 - 75.25) < 1e-9)
        #expect(abs(summary.p95 - 95.05) < 1e-9)
        #expect(summary.min == 1)
        #expect(summary.max == 100)
        #expect(abs(summary.mean - 50.5) < 1e-12)
    }

    @Test func meanAndSampleStandardDeviation() {
        // Mean 40 / 8 = 5; squared deviations sum to 9+1+1+1+0+0+4+16 = 32; sd = sqrt(32 / 7).
        let summary = SampleSummary([2, 4, 4, 4, 5, 5, 7, 9])
        #expect(summary.n == 8)
        #expect(abs(summary.mean - 5) < 1e-12)
        #expect(abs(summary.sd - 2.138089935299395) < 1e-12)
        #expect(summary.min == 2)
        #expect(summary.max == 9)
        // Even n: the type-7 median is the mean of the two middle values (4 and 5).
        #expect(abs(summary.p50 - 4.5) < 1e-12)
    }

    @Test func doesNotReorderCallersArray() {
        let values: [Double] = [3, 1, 2]
        _ = SampleSummary(values)
        #expect(values == [3, 1, 2])
    }

    @Test func emptySampleIsAllNaN() {
        let summary = SampleSummary([])
        #expect(summary.n == 0)
        let statistics = [
            summary.mean, summary.sd, summary.min, summary.max,
            summary.p05, summary.p25, summary.p50, summary.p75, summary.p95,
        ]
        #expect(statistics.allSatisfy { $0.isNaN })
    }

    @Test func singleValueHasNaNStandardDeviation() {
        let summary = SampleSummary([7.25])
        #expect(summary.n == 1)
        #expect(summary.sd.isNaN)
        let others = [
            summary.mean, summary.min, summary.max,
            summary.p05, summary.p25, summary.p50, summary.p75, summary.p95,
        ]
        #expect(others.allSatisfy { $0 == 7.25 })
    }

    @Test func twoValuesInterpolate() {
        // δ = (2 - 1) p, so q(p) = 10 + 10 p.
        let summary = SampleSummary([20, 10])
        #expect(abs(summary.p05 - 10.5) < 1e-12)
        #expect(abs(summary.p95 - 19.5) < 1e-12)
        #expect(abs(summary.sd - 50.0.squareRoot()) < 1e-12)
    }

    @Test func equalSummariesCompareEqual() {
        #expect(SampleSummary([1, 2, 3]) == SampleSummary([3, 2, 1]))
        #expect(SampleSummary([1, 2, 3]) != SampleSummary([1, 2, 4]))
    }
}
