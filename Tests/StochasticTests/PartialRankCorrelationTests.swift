import Foundation
import Stochastic
import Testing

/// Spearman's rho from its textbook formula for samples without ties,
/// rho = 1 - 6 sum(d_i^2) / (n (n^2 - 1)), d_i the difference of the ranks of x_i and y_i
/// (Spearman 1904), with ranks counted directly (1 + number of smaller values), so nothing
/// here goes through `SensitivityAnalysis`.
private func spearmanWithoutTies(_ x: [Double], _ y: [Double]) -> Double {
    func rank(_ v: [Double]) -> [Double] {
        v.map { value in Double(1 + v.filter { $0 < value }.count) }
    }
    let rx = rank(x)
    let ry = rank(y)
    let n = Double(x.count)
    let sumSquares = zip(rx, ry).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    return 1 - 6 * sumSquares / (n * (n * n - 1))
}

/// Pearson correlation, written out.
private func pearson(_ x: [Double], _ y: [Double]) -> Double {
    let n = Double(x.count)
    let mx = x.reduce(0, +) / n
    let my = y.reduce(0, +) / n
    var sxy = 0.0
    var sxx = 0.0
    var syy = 0.0
    for (a, b) in zip(x, y) {
        sxy += (a - mx) * (b - my)
        sxx += (a - mx) * (a - mx)
        syy += (b - my) * (b - my)
    }
    return sxy / (sxx * syy).squareRoot()
}

/// Ranks of a sample without ties, counted directly.
private func plainRanks(_ v: [Double]) -> [Double] {
    v.map { value in Double(1 + v.filter { $0 < value }.count) }
}

@Suite struct PartialRankCorrelationTests {
    // MARK: ranks

    @Test func ranksAverageTies() {
        // Sorted: 10 10 20 20 20 30 at ranks 1 2 3 4 5 6; the 10s share (1 + 2) / 2 = 1.5,
        // the 20s (3 + 4 + 5) / 3 = 4.
        #expect(SensitivityAnalysis.ranks([10, 20, 10, 30, 20, 20]) == [1.5, 4, 1.5, 6, 4, 4])
    }

    @Test func ranksEdgeCases() {
        #expect(SensitivityAnalysis.ranks([]) == [])
        #expect(SensitivityAnalysis.ranks([7]) == [1])
        #expect(SensitivityAnalysis.ranks([3, 3, 3]) == [2, 2, 2])
        #expect(SensitivityAnalysis.ranks([0.5, -.infinity, 2, .infinity]) == [2, 1, 3, 4])
    }

    // MARK: one input: Spearman

    @Test func singleInputEqualsSpearman() {
        let stream = RandomStream(seed: 31)
        let x = Distribution.normal(mean: 0, sd: 1).samples(60, from: stream)
        let noise = Distribution.normal(mean: 0, sd: 1).samples(60, from: stream)
        let y = zip(x, noise).map { $0 + $1 }
        let result = SensitivityAnalysis.prcc(output: y, inputs: [x])
        #expect(result.count == 1)
        let rho = spearmanWithoutTies(x, y)
        #expect(abs(result[0].coefficient - rho) < 1e-12)
        // Fisher z with k = 1: atanh(rho) ± 1.959963984540054 / sqrt(60 - 3).
        let half = 1.959963984540054 / (57.0).squareRoot()
        #expect(abs(result[0].interval.low - tanh(atanh(rho) - half)) < 1e-12)
        #expect(abs(result[0].interval.high - tanh(atanh(rho) + half)) < 1e-12)
    }

    @Test func singleInputKnownIntervalAndPValue() {
        // Adjacent pairs swapped: every |d| = 1, so rho = 1 - 6 * 10 / (10 * 99) = 31/33.
        // Interval: tanh(atanh(31/33) ± 1.959964 / sqrt(7)) = [0.758244, 0.985895].
        // p: t = rho sqrt(8 / (1 - rho^2)) = 7.76 on 8 df, two-sided p = 5.48405e-5
        // (the t tail evaluated with SciPy's stats.t.sf; it matches scipy.stats.spearmanr).
        let x = (1...10).map(Double.init)
        let y: [Double] = [2, 1, 4, 3, 6, 5, 8, 7, 10, 9]
        let result = SensitivityAnalysis.prcc(output: y, inputs: [x])[0]
        #expect(abs(result.coefficient - 31.0 / 33.0) < 1e-12)
        #expect(abs(result.interval.low - 0.7582441028845096) < 1e-9)
        #expect(abs(result.interval.high - 0.9858954731436166) < 1e-9)
        #expect(abs(result.pValue - 5.4840529985e-5) < 1e-12)
    }

    @Test func monotoneNonlinearRelationHasPRCCOne() {
        let stream = RandomStream(seed: 5)
        let x = Distribution.uniform(low: -3, high: 3).samples(40, from: stream)
        let y = x.map { exp($0) }
        let result = SensitivityAnalysis.prcc(output: y, inputs: [x])[0]
        #expect(abs(result.coefficient - 1) < 1e-9)
        #expect(result.pValue < 1e-12)
        #expect(result.interval.low > 0.99)
        #expect(result.interval.high <= 1)
    }

    // MARK: several inputs

    @Test func twoInputsMatchThePartialCorrelationFormula() {
        // With one control variable z, the partial correlation of y and x is
        // (r_yx - r_yz r_xz) / sqrt((1 - r_yz^2)(1 - r_xz^2)) (Yule 1897; e.g. Kendall & Stuart,
        // vol. 2, §27.5), applied here to the ranks.
        let stream = RandomStream(seed: 77)
        let x1 = Distribution.uniform(low: 0, high: 1).samples(80, from: stream)
        let e = Distribution.normal(mean: 0, sd: 0.3).samples(80, from: stream)
        // x2 correlated with x1, y depending on both, so controlling matters.
        let x2 = zip(x1, e).map { $0 + $1 }
        let noise = Distribution.normal(mean: 0, sd: 0.5).samples(80, from: stream)
        let y = (0..<80).map { x1[$0] - 2 * x2[$0] + noise[$0] }

        let (ry, r1, r2) = (plainRanks(y), plainRanks(x1), plainRanks(x2))
        func partial(_ a: [Double], _ b: [Double], given c: [Double]) -> Double {
            let rab = pearson(a, b)
            let rac = pearson(a, c)
            let rbc = pearson(b, c)
            return (rab - rac * rbc) / ((1 - rac * rac) * (1 - rbc * rbc)).squareRoot()
        }
        let result = SensitivityAnalysis.prcc(output: y, inputs: [x1, x2])
        #expect(result.count == 2)
        #expect(abs(result[0].coefficient - partial(ry, r1, given: r2)) < 1e-10)
        #expect(abs(result[1].coefficient - partial(ry, r2, given: r1)) < 1e-10)
        #expect(result[1].coefficient < -0.5)

        // k = 2: Fisher z standard error 1 / sqrt(80 - 3 - 1).
        let r = result[0].coefficient
        let half = 1.959963984540054 / (76.0).squareRoot()
        #expect(abs(result[0].interval.low - tanh(atanh(r) - half)) < 1e-12)
        #expect(abs(result[0].interval.high - tanh(atanh(r) + half)) < 1e-12)
    }

    @Test func threeInputsMatchAnIndependentReference() {
        // Reference values from an independent NumPy/SciPy computation of the same recipe
        // (scipy.stats.rankdata, numpy.linalg.lstsq with an intercept, numpy.corrcoef of the
        // residuals, Fisher z with n - 3 - 2, t test on n - 2 - 2 df), after dropping the NaN row:
        // n = 11, k = 3.
        let x1: [Double] = [3, 1, 4, 1.5, 5, 9, 2, 6, 5.5, 3.5, 8, 7.9]
        let x2: [Double] = [2, 7, 1, 8, 2.8, 1.8, 2.9, 4, 5.9, 0.4, 5.2, 3.6]
        let x3: [Double] = [1, 1.4, 1.41, 4.2, 1.73, 2.2, 3.1, 0.7, 0.9, 5.5, 6.1, 2.5]
        let y: [Double] = [5, 2.2, 8, 1, 9.1, 12, 3, 7, 6, .nan, 11, 10.2]
        let expected: [(r: Double, low: Double, high: Double, p: Double)] = [
            (0.9407789849074853, 0.7373432599285756, 0.9877577828357601, 0.00015701049008719453),
            (-0.6806491323831272, -0.9261291168032304, -0.030161397538064117, 0.04358647787391725),
            (0.4293289355303487, -0.32843968463427126, 0.8508504822507672, 0.24882845813965718),
        ]
        let result = SensitivityAnalysis.prcc(output: y, inputs: [x1, x2, x3])
        #expect(result.count == 3)
        for (got, want) in zip(result, expected) {
            #expect(abs(got.coefficient - want.r) < 1e-12)
            #expect(abs(got.interval.low - want.low) < 1e-12)
            #expect(abs(got.interval.high - want.high) < 1e-12)
            #expect(abs(got.pValue - want.p) < 1e-12)
        }
    }

    @Test func strongInputNearOneIndependentInputCoversZero() {
        let stream = RandomStream(seed: 20_240_601)
        let n = 200
        let x1 = Distribution.uniform(low: 0, high: 1).samples(n, from: stream)
        let x2 = Distribution.uniform(low: 0, high: 1).samples(n, from: stream)
        let noise = Distribution.normal(mean: 0, sd: 0.05).samples(n, from: stream)
        let y = zip(x1, noise).map { $0 + $1 }
        let result = SensitivityAnalysis.prcc(output: y, inputs: [x1, x2])
        #expect(result[0].coefficient > 0.95)
        #expect(result[0].interval.low > 0.9)
        #expect(result[0].interval.low < result[0].coefficient)
        #expect(result[0].coefficient < result[0].interval.high)
        #expect(result[0].pValue < 1e-10)
        #expect(result[1].interval.low < 0)
        #expect(result[1].interval.high > 0)
        #expect(result[1].pValue > 0.05)
        #expect(abs(result[1].coefficient) < 0.2)
    }

    // MARK: missing and degenerate data

    @Test func rowsWithNaNOutputAreDropped() {
        let stream = RandomStream(seed: 9)
        let n = 30
        let x1 = Distribution.uniform(low: 0, high: 1).samples(n, from: stream)
        let x2 = Distribution.uniform(low: 0, high: 1).samples(n, from: stream)
        let noise = Distribution.normal(mean: 0, sd: 0.3).samples(n, from: stream)
        var y = (0..<n).map { x1[$0] + 0.5 * x2[$0] + noise[$0] }
        let missing: Set<Int> = [0, 4, 17, 29]
        for i in missing { y[i] = .nan }
        let kept = (0..<n).filter { !missing.contains($0) }

        let withNaN = SensitivityAnalysis.prcc(output: y, inputs: [x1, x2])
        let dropped = SensitivityAnalysis.prcc(
            output: kept.map { y[$0] }, inputs: [kept.map { x1[$0] }, kept.map { x2[$0] }])
        #expect(withNaN == dropped)
        #expect(withNaN.allSatisfy { !$0.coefficient.isNaN })
    }

    @Test func allNaNOutputIsUndefined() {
        let result = SensitivityAnalysis.prcc(
            output: [.nan, .nan, .nan, .nan, .nan], inputs: [[1, 2, 3, 4, 5]])
        #expect(result.count == 1)
        #expect(result[0].coefficient.isNaN)
        #expect(result[0].interval.low.isNaN && result[0].interval.high.isNaN)
        #expect(result[0].pValue.isNaN)
    }

    @Test func needsMoreThanKPlusTwoRuns() {
        // k = 2 needs n > 4: with n = 4 everything is NaN, with n = 5 it is defined.
        let x1: [Double] = [1, 2, 3, 4, 5]
        let x2: [Double] = [2, 1, 5, 3, 4]
        // Ranks of y (1 3 2 4 5) are not a linear function of the input ranks.
        let y: [Double] = [1.2, 3.5, 1.9, 3.9, 5.1]
        let four = SensitivityAnalysis.prcc(
            output: Array(y.prefix(4)), inputs: [Array(x1.prefix(4)), Array(x2.prefix(4))])
        #expect(four.count == 2)
        #expect(four.allSatisfy { $0.coefficient.isNaN && $0.interval.low.isNaN && $0.pValue.isNaN })
        // NaN output rows count against n as well.
        let dropped = SensitivityAnalysis.prcc(output: [1.2, 3.5, .nan, 3.9, 5.1], inputs: [x1, x2])
        #expect(dropped.allSatisfy { $0.coefficient.isNaN })
        let five = SensitivityAnalysis.prcc(output: y, inputs: [x1, x2])
        #expect(five.allSatisfy { !$0.coefficient.isNaN && !$0.pValue.isNaN })
    }

    @Test func constantInputIsUndefinedAndDoesNotDisturbTheOthers() {
        let stream = RandomStream(seed: 41)
        let n = 25
        let x1 = Distribution.uniform(low: 0, high: 1).samples(n, from: stream)
        let x2 = Distribution.uniform(low: 0, high: 1).samples(n, from: stream)
        let noise = Distribution.normal(mean: 0, sd: 0.2).samples(n, from: stream)
        var y = (0..<n).map { x1[$0] - x2[$0] + noise[$0] }
        let constant = [Double](repeating: 3, count: n)
        // Constant only once the NaN row is dropped.
        var almostConstant = constant
        almostConstant[0] = 99
        y[0] = .nan

        let withConstant = SensitivityAnalysis.prcc(output: y, inputs: [x1, almostConstant, x2])
        let without = SensitivityAnalysis.prcc(output: y, inputs: [x1, x2])
        #expect(withConstant[1].coefficient.isNaN)
        #expect(withConstant[1].interval.low.isNaN)
        #expect(withConstant[1].pValue.isNaN)
        // The coefficient is unchanged; the interval is a little wider (k counts it).
        #expect(abs(withConstant[0].coefficient - without[0].coefficient) < 1e-12)
        #expect(abs(withConstant[2].coefficient - without[1].coefficient) < 1e-12)
        #expect(withConstant[0].interval.halfWidth > without[0].interval.halfWidth)
    }

    @Test func constantOutputIsUndefinedForEveryInput() {
        let result = SensitivityAnalysis.prcc(
            output: [2, 2, 2, 2, 2, 2], inputs: [[1, 2, 3, 4, 5, 6], [6, 4, 5, 1, 3, 2]])
        #expect(result.count == 2)
        #expect(result.allSatisfy { $0.coefficient.isNaN && $0.pValue.isNaN })
    }

    @Test func duplicatedInputsAreUndefined() {
        // Each copy is explained completely by the other, so nothing is left to correlate.
        let x: [Double] = [1, 4, 2, 8, 5, 7, 3, 6]
        let y: [Double] = [2, 3, 1, 9, 4, 8, 5, 6]
        let result = SensitivityAnalysis.prcc(output: y, inputs: [x, x])
        #expect(result.allSatisfy { $0.coefficient.isNaN })
    }

    @Test func noInputsGiveNoResults() {
        #expect(SensitivityAnalysis.prcc(output: [1, 2, 3], inputs: []).isEmpty)
    }
}
