import Foundation
import Stochastic
import Testing

/// The Ishigami function (Ishigami & Homma 1990), the standard test of variance-based indices:
/// f = sin x1 + a sin^2 x2 + b x3^4 sin x1 on [-pi, pi]^3, with analytic indices (Sobol &
/// Levitan 1999; Saltelli et al. 2008, "Global Sensitivity Analysis. The Primer").
enum Ishigami {
    static let a = 7.0
    static let b = 0.1
    static let bounds = [(low: -Double.pi, high: Double.pi), (-Double.pi, Double.pi), (-Double.pi, Double.pi)]

    static func value(_ x: [Double]) -> Double {
        sin(x[0]) + a * pow(sin(x[1]), 2) + b * pow(x[2], 4) * sin(x[0])
    }

    /// V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2.
    static let variance = a * a / 8 + b * pow(.pi, 4) / 5 + b * b * pow(.pi, 8) / 18 + 0.5
    static var firstOrder: [Double] {
        let v1 = 0.5 * pow(1 + b * pow(.pi, 4) / 5, 2)
        let v2 = a * a / 8
        return [v1 / variance, v2 / variance, 0]
    }
    static var total: [Double] {
        let v13 = b * b * pow(.pi, 8) * (1.0 / 18 - 1.0 / 50)
        let v1 = 0.5 * pow(1 + b * pow(.pi, 4) / 5, 2)
        return [(v1 + v13) / variance, a * a / 8 / variance, v13 / variance]
    }
}

@Suite struct SobolIndicesTests {
    @Test func theAnalyticIshigamiIndicesAreTheOnesQuoted() {
        // Guards the fixture: the literature's rounded values.
        for (value, quoted) in zip(Ishigami.firstOrder + Ishigami.total, [0.3139, 0.4424, 0, 0.5576, 0.4424, 0.2437]) {
            #expect(abs(value - quoted) < 1e-4)
        }
    }

    @Test func sobolSequenceIsDeterministicAndFillsTheCube() {
        let first = SobolSequence.points(count: 1024, dimensions: 6)
        #expect(first == SobolSequence.points(count: 1024, dimensions: 6))
        #expect(first[0] == [Double](repeating: 0.5, count: 6))
        // The first 2^10 points of a Sobol sequence put exactly 512 in each half of each axis;
        // GSL skips the first of them (the origin), so 511 fall below 0.5 in its first 1023.
        for d in 0..<6 {
            #expect(first.prefix(1023).filter { $0[d] < 0.5 }.count == 511)
            #expect(first.allSatisfy { $0[d] >= 0 && $0[d] < 1 })
        }
    }

    @Test func saltelliDesignHasTheDocumentedLayout() {
        let k = 3
        let points = SaltelliDesign.unitPoints(baseSamples: 8, parameters: k)
        #expect(points.count == SaltelliDesign.pointCount(baseSamples: 8, parameters: k))
        let sobol = SobolSequence.points(count: 8, dimensions: 2 * k)
        for row in 0..<8 {
            let block = Array(points[(row * (k + 2))..<((row + 1) * (k + 2))])
            #expect(block[0] == Array(sobol[row][0..<k]))
            #expect(block[k + 1] == Array(sobol[row][k...]))
            for i in 0..<k {
                var expected = block[0]
                expected[i] = block[k + 1][i]
                #expect(block[1 + i] == expected)
            }
        }
        let mapped = SaltelliDesign.points(baseSamples: 8, bounds: [(10, 20), (-1, 1), (0, 0.5)])
        #expect(abs(mapped[0][0] - 15) < 1e-12 && abs(mapped[0][1]) < 1e-12 && abs(mapped[0][2] - 0.25) < 1e-12)
    }

    @Test func ishigamiIndicesAreRecoveredWithinTheirIntervals() {
        let n = 4096
        let outputs = SaltelliDesign.points(baseSamples: n, bounds: Ishigami.bounds).map { [Ishigami.value($0)] }
        let result = SobolIndices.estimate(outputs: outputs, parameters: 3, bootstrap: 500)
        #expect(result.baseSamples == n && result.points == n * 5 && result.replications == 1)
        #expect(result.noiseShare.isNaN)
        for i in 0..<3 {
            let index = result.parameters[i]
            #expect(index.firstOrderInterval.low <= Ishigami.firstOrder[i])
            #expect(Ishigami.firstOrder[i] <= index.firstOrderInterval.high)
            #expect(index.totalInterval.low <= Ishigami.total[i] && Ishigami.total[i] <= index.totalInterval.high)
            // Intervals tight enough to mean something: Saltelli et al. 2010 report errors
            // around 1e-2 at N = 4096 for these estimators.
            #expect(index.firstOrderInterval.halfWidth < 0.05 && index.totalInterval.halfWidth < 0.05)
            #expect(abs(index.firstOrder - Ishigami.firstOrder[i]) < 0.03)
            #expect(abs(index.total - Ishigami.total[i]) < 0.03)
        }
        // The ranking an analyst reads: x2 first alone, x1 first in total, x3 only by interaction.
        #expect(result.parameters[2].firstOrderInterval.low < 0.02)
        #expect(result.parameters[2].totalInterval.low > 0.2)
    }

    @Test func bootstrapIsReproducibleForASeedAndDependsOnIt() {
        let outputs = SaltelliDesign.points(baseSamples: 256, bounds: Ishigami.bounds).map { [Ishigami.value($0)] }
        let once = SobolIndices.estimate(outputs: outputs, parameters: 3, bootstrap: 200, seed: 5)
        // (Compared by parameters: the noise share is NaN with one replication, and NaN != NaN.)
        #expect(
            once.parameters
                == SobolIndices.estimate(outputs: outputs, parameters: 3, bootstrap: 200, seed: 5).parameters)
        #expect(
            once.parameters
                != SobolIndices.estimate(outputs: outputs, parameters: 3, bootstrap: 200, seed: 6).parameters)
    }

    @Test func noiseShareIsRecoveredFromReplications() {
        // Noise of variance 4V with R = 4 replications: the mean's noise variance equals V, so
        // half the variance of the point means is noise.
        let n = 2048
        let r = 4
        let noise = Distribution.normal(mean: 0, sd: (4 * Ishigami.variance).squareRoot())
        let stream = RandomStream(seed: 99)
        let outputs = SaltelliDesign.points(baseSamples: n, bounds: Ishigami.bounds).map { x in
            (0..<r).map { _ in Ishigami.value(x) + noise.sample(stream) }
        }
        let result = SobolIndices.estimate(outputs: outputs, parameters: 3, bootstrap: 0)
        // The within-point variance has n(k + 2)(R - 1) = 30720 degrees of freedom (relative SE
        // sqrt(2/30720) < 1%); the variance of the means is the looser part, a few percent.
        #expect(abs(result.noiseShare - 0.5) < 0.05, "noise share \(result.noiseShare)")
        #expect(result.replications == r)
        #expect(result.parameters[0].firstOrderInterval.low.isNaN)
        // Noise only adds to V, so every first-order index shrinks by about the noise share.
        #expect(abs(result.parameters[1].firstOrder - Ishigami.firstOrder[1] * 0.5) < 0.06)
    }

    @Test func noiseCommonToAllPointsIsNotCountedAsNoise() {
        // Common random numbers: replication r adds the same c_r (variance 100 V) at every point,
        // plus point-specific noise of variance 4 V; with R = 4 the noise that differs between
        // point means again has variance V, so the share is 1/2 (the common part, far larger,
        // shifts every mean alike and is not noise for the indices).
        let n = 1024
        let r = 4
        let stream = RandomStream(seed: 5)
        let common = (0..<r).map { _ in
            Distribution.normal(mean: 0, sd: (100 * Ishigami.variance).squareRoot()).sample(stream)
        }
        let own = Distribution.normal(mean: 0, sd: (4 * Ishigami.variance).squareRoot())
        var outputs = SaltelliDesign.points(baseSamples: n, bounds: Ishigami.bounds).map { x in
            (0..<r).map { Ishigami.value(x) + common[$0] + own.sample(stream) }
        }
        let result = SobolIndices.estimate(outputs: outputs, parameters: 3, bootstrap: 0)
        // The residual mean square has about n(k + 2)(R - 1) = 15,360 degrees of freedom.
        #expect(abs(result.noiseShare - 0.5) < 0.06, "noise share \(result.noiseShare)")
        // A failed replication (NaN) keeps its place; the estimate barely moves.
        outputs[3][1] = .nan
        let gap = SobolIndices.estimate(outputs: outputs, parameters: 3, bootstrap: 0)
        #expect(abs(gap.noiseShare - result.noiseShare) < 0.01)
        #expect(gap.replications == r - 1)
    }

    @Test func aPointWithoutOutputDropsItsBaseRow() {
        var outputs = SaltelliDesign.points(baseSamples: 64, bounds: Ishigami.bounds).map { [Ishigami.value($0)] }
        outputs[7] = [.nan]
        let result = SobolIndices.estimate(outputs: outputs, parameters: 3, bootstrap: 0)
        #expect(result.baseSamples == 63 && result.points == 63 * 5)
    }
}
