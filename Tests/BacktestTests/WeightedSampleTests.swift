import Backtest
import Stochastic
import Testing

@Suite struct WeightedSampleTests {
    @Test func momentsQuantilesAndRanks() {
        let sample = WeightedSample(values: [3, 1, 2, 4], weights: [1, 1, 2, 0])
        #expect(sample.values == [1, 2, 3, 4])
        #expect(sample.weights == [0.25, 0.5, 0.25, 0])
        #expect(sample.mean == 2)
        #expect(sample.variance == 0.5)
        #expect(sample.quantile(0.25) == 1)
        #expect(sample.quantile(0.5) == 2)
        #expect(sample.quantile(0.76) == 3)
        #expect(sample.quantile(0) == 1)
        #expect(sample.rank(of: 2) == 0.5)
        #expect(sample.rank(of: 0) == 0)
        #expect(sample.rank(of: 10) == 1)
        let narrow = sample.scaledAroundMean(by: 0.5)
        #expect(narrow.mean == 2)
        #expect(narrow.variance == 0.125)
    }

    @Test func theScaledDistanceIsEuclidean() {
        #expect(ABCSMC.distance([3, 8], scales: [1, 2]) == 5)
    }
}
