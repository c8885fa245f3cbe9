import Stochastic
import Testing

/// Known answers for the backtest scores (issue 13): a point forecast's CRPS is its absolute error,
/// the sample CRPS of N(0, 1) draws approaches the closed form, PIT values of a true forecast are
/// uniform, for continuous and for discrete outcomes.
@Suite struct ForecastScoreTests {
    @Test func aPointForecastScoresItsAbsoluteError() {
        #expect(ForecastScore.crps(sample: [3], observation: 5) == 2)
        #expect(ForecastScore.crps(sample: [3, 3, 3], observation: 1) == 2)
        // [1, 2] against 1.5: mean |x - y| = 0.5, half the mean pairwise distance = 0.25.
        #expect(ForecastScore.crps(sample: [2, 1], observation: 1.5) == 0.25)
        #expect(ForecastScore.crps(sample: [], observation: 1).isNaN)
    }

    /// The one-pass sorted form equals the double sum of the definition.
    @Test func theSortedFormIsTheEnergyForm() {
        let stream = RandomStream(seed: 11)
        for size in [1, 2, 7, 50] {
            let sample = Distribution.gamma(shape: 2, scale: 3).samples(size, from: stream)
            let y = stream.uniform() * 10
            var first = 0.0
            var second = 0.0
            for x in sample {
                first += abs(x - y)
                for other in sample { second += abs(x - other) }
            }
            let m = Double(size)
            let direct = first / m - second / (2 * m * m)
            #expect(abs(ForecastScore.crps(sample: sample, observation: y) - direct) <= 1e-12 * max(1, direct))
        }
    }

    @Test func theNormalClosedFormHasItsKnownValue() {
        // 2 phi(0) - 1/sqrt(pi) = 0.2336949772… (Gneiting and Raftery 2007, eq. 5 at z = 0).
        #expect(abs(ForecastScore.crpsOfNormal(mean: 0, sd: 1, observation: 0) - 0.233_694_977) < 1e-8)
        // Scale: sd times the standard score at the standardised observation.
        #expect(
            abs(
                ForecastScore.crpsOfNormal(mean: 2, sd: 3, observation: 5)
                    - 3 * ForecastScore.crpsOfNormal(mean: 0, sd: 1, observation: 1)) < 1e-12)
    }

    /// Samples of N(0, 1) against y: the sample CRPS is within sampling error of the closed form.
    /// Its first term, a mean of |X - y|, has sd at most sqrt(E X^2 + y^2) / sqrt(n); five of those,
    /// plus the empirical form's bias (E|X - X'| / 2n = 1 / (sqrt(pi) n)), bound the error.
    @Test(arguments: [0.0, 0.5, -1.5, 3.0])
    func samplesOfTheNormalApproachTheClosedForm(y: Double) {
        let n = 20_000
        let sample = Distribution.normal(mean: 0, sd: 1).samples(n, from: RandomStream(seed: 2007))
        let tolerance = 5 * (1 + y * y).squareRoot() / Double(n).squareRoot() + 1 / (Double.pi.squareRoot() * Double(n))
        let estimate = ForecastScore.crps(sample: sample, observation: y)
        let exact = ForecastScore.crpsOfNormal(mean: 0, sd: 1, observation: y)
        #expect(abs(estimate - exact) <= tolerance, "estimate \(estimate), exact \(exact), tolerance \(tolerance)")
    }

    /// Chi-square statistic of `values` in `bins` equal bins of (0, 1).
    static func chiSquare(_ values: [Double], bins: Int) -> Double {
        var counts = [Int](repeating: 0, count: bins)
        for value in values { counts[min(bins - 1, Int(value * Double(bins)))] += 1 }
        let expected = Double(values.count) / Double(bins)
        return counts.reduce(0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
    }

    /// 2,000 observations, each scored against 99 draws from its own distribution: the PIT values
    /// pass a chi-square test in 10 bins at the 0.1% level (27.88 for 9 degrees of freedom), for
    /// a continuous outcome and for a discrete one with many ties (randomised placement).
    @Test(arguments: [Distribution.normal(mean: 0, sd: 1), Distribution.poisson(mean: 2)])
    func thePITOfATrueForecastIsUniform(distribution: Distribution) {
        let stream = RandomStream(seed: 31)
        var values: [Double] = []
        for _ in 0..<2000 {
            let y = distribution.sample(stream)
            let sample = distribution.samples(99, from: stream)
            let pit = ForecastScore.pit(sample: sample, observation: y, stream: stream)
            #expect(pit > 0 && pit < 1)
            values.append(pit)
        }
        #expect(Self.chiSquare(values, bins: 10) < 27.88)
        // A biased forecast (shifted up by 1) is not uniform: PIT values pile near 0.
        let shifted = (0..<2000).map { _ in
            ForecastScore.pit(
                sample: distribution.samples(99, from: stream).map { $0 + 1 },
                observation: distribution.sample(stream), stream: stream)
        }
        #expect(Self.chiSquare(shifted, bins: 10) > 27.88)
    }

    @Test func brierScoresTheShareThatHappened() {
        #expect(ForecastScore.brier(happened: [true, true, false, false], observed: true) == 0.25)
        #expect(ForecastScore.brier(happened: [true, false, false, false], observed: false) == 0.0625)
        #expect(ForecastScore.brier(happened: [true, true], observed: true) == 0)
        #expect(ForecastScore.brier(happened: [], observed: true).isNaN)
    }

    @Test func theCentralIntervalUsesTypeSevenQuantiles() {
        let sample = (0...100).map(Double.init)
        let inside = ForecastScore.interval(sample: sample, level: 0.9, observation: 50)
        // (1 - 0.9) / 2 is 0.04999… in binary, so the ends are 5 and 95 up to rounding.
        #expect(abs(inside.low - 5) < 1e-9 && abs(inside.high - 95) < 1e-9 && inside.covers)
        #expect(!ForecastScore.interval(sample: sample, level: 0.9, observation: 99).covers)
    }

    /// The closed form for an observation uniform on a range equals the CRPS averaged over a fine
    /// grid of points of the range (midpoint rule, 20,000 points: error well below 1e-6 here), and
    /// tends to the point CRPS as the range shrinks.
    @Test func aRangeScoresTheAverageOverItsPoints() {
        let sample = [0.0, 1.0, 1.5, 4.0, 7.0, 7.0, 9.5]
        let (low, high) = (2.0, 8.0)
        let points = 20_000
        var average = 0.0
        for k in 0..<points {
            let y = low + (high - low) * (Double(k) + 0.5) / Double(points)
            average += ForecastScore.crps(sample: sample, observation: y)
        }
        average /= Double(points)
        #expect(abs(ForecastScore.crps(sample: sample, observationBetween: low, and: high) - average) < 1e-6)
        let narrow = ForecastScore.crps(sample: sample, observationBetween: 3, and: 3 + 1e-9)
        #expect(abs(narrow - ForecastScore.crps(sample: sample, observation: 3)) < 1e-8)
        #expect(ForecastScore.crps(sample: [5], observationBetween: 5, and: 5) == 0)
    }
}
