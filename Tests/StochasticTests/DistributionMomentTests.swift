import Foundation
import Testing

@testable import Stochastic

/// Sample moments of `n` draws, with central moments from a second pass.
struct SampleMoments {
    let count: Int
    let mean: Double
    /// Second central moment (the biased sample variance).
    let variance: Double
    /// Fourth central moment.
    let fourth: Double
    let minimum: Double
    let maximum: Double

    init(_ draws: [Double]) {
        count = draws.count
        let n = Double(draws.count)
        var sum = 0.0
        for x in draws { sum += x }
        mean = sum / n
        var m2 = 0.0
        var m4 = 0.0
        var low = Double.infinity
        var high = -Double.infinity
        for x in draws {
            let d = x - mean
            let d2 = d * d
            m2 += d2
            m4 += d2 * d2
            low = min(low, x)
            high = max(high, x)
        }
        variance = m2 / n
        fourth = m4 / n
        minimum = low
        maximum = high
    }
}

/// One distribution for the moment checks, labelled for the test report.
struct MomentCase: Sendable, CustomTestStringConvertible {
    let label: String
    let distribution: Distribution
    /// The support the draws must stay in.
    let support: ClosedRange<Double>

    var testDescription: String { label }

    init(_ distribution: Distribution, _ support: ClosedRange<Double>, label: String? = nil) {
        self.distribution = distribution
        self.support = support
        self.label = label ?? distribution.description
    }
}

private let infinity = Double.infinity

/// Every family, plus the branches of the samplers that take different code paths
/// (small gamma shape, large Poisson mean, each truncated-normal method) and the mean/sd forms.
let momentCases: [MomentCase] = [
    MomentCase(.fixed(2.5), 2.5...2.5),
    MomentCase(.uniform(low: -1, high: 3), -1...3),
    MomentCase(.exponential(mean: 2), 0...infinity),
    MomentCase(.gamma(shape: 2, scale: 3), 0...infinity),
    MomentCase(.gamma(shape: 0.5, scale: 1), 0...infinity),
    MomentCase(.lognormal(mu: 0.5, sigma: 0.4), 0...infinity),
    MomentCase(.normal(mean: 10, sd: 2), -infinity...infinity),
    // Two-sided, wide: rejection from the normal.
    MomentCase(.truncatedNormal(mean: 10, sd: 3, low: 5, high: 20), 5...20),
    // Two-sided, narrow across the mean: inversion of Phi.
    MomentCase(.truncatedNormal(mean: 0, sd: 1, low: -0.3, high: 0.4), -0.3...0.4),
    // Two-sided, above the mean: inversion of Q.
    MomentCase(.truncatedNormal(mean: 0, sd: 1, low: 0.2, high: 0.9), 0.2...0.9),
    // Two-sided, deep in the tail: inversion of Q.
    MomentCase(.truncatedNormal(mean: 1, sd: 2, low: 6, high: 9), 6...9),
    // One-sided, bound below the mean: rejection from the normal.
    MomentCase(.truncatedNormal(mean: 5, sd: 2, low: 0, high: infinity), 0...infinity),
    // One-sided upper tail: gsl_ran_ugaussian_tail.
    MomentCase(.truncatedNormal(mean: 0, sd: 1, low: 3, high: infinity), 3...infinity),
    // One-sided lower tail: reflected gsl_ran_ugaussian_tail.
    MomentCase(.truncatedNormal(mean: 4, sd: 0.5, low: -infinity, high: 3), -infinity...3),
    MomentCase(.beta(a: 2, b: 5), 0...1),
    MomentCase(.triangular(low: 1, mode: 2, high: 6), 1...6),
    MomentCase(.triangular(low: 0, mode: 0, high: 1), 0...1),
    MomentCase(.poisson(mean: 4.5), 0...infinity),
    MomentCase(.poisson(mean: 250), 0...infinity),
    MomentCase(.binomial(trials: 20, p: 0.3), 0...20),
    MomentCase(.negativeBinomial(successes: 3.5, p: 0.4), 0...infinity),
    // A whole number of successes takes the sum-of-geometrics path (the baseline's displacement).
    MomentCase(.negativeBinomial(successes: 2, p: 0.0175439), 0...infinity),
    MomentCase(.negativeBinomial(successes: 5, p: 0.3), 0...infinity),
    MomentCase(.bernoulli(p: 0.3), 0...1),
    MomentCase(.categorical(values: [1, 2, 5, 10], weights: [0.1, 0, 0.6, 0.3]), 1...10),
    MomentCase(try! Distribution.gamma(mean: 5, sd: 2), 0...infinity, label: "gamma(mean: 5, sd: 2)"),
    MomentCase(try! Distribution.beta(mean: 0.3, sd: 0.1), 0...1, label: "beta(mean: 0.3, sd: 0.1)"),
    MomentCase(
        try! Distribution.lognormal(mean: 5, sd: 2), 0...infinity, label: "lognormal(mean: 5, sd: 2)"),
]

@Suite("Distribution moments")
struct DistributionMomentTests {
    /// Draws per case.
    static let n = 200_000

    /// Tolerance in standard errors. A two-sided normal tail beyond 4.5 has probability
    /// 6.8e-6, so with 14 families x 2 checks (here 26 cases x 2 = 52 checks) the chance
    /// that any correct check fails is below 52 x 6.8e-6 = 3.5e-4. The seeds are fixed, so
    /// the outcome is deterministic anyway; the bound says a failure is not bad luck.
    static let z = 4.5

    @Test("sample mean and variance match the closed forms", arguments: momentCases)
    func sampleMomentsMatchClosedForms(_ testCase: MomentCase) {
        let distribution = testCase.distribution
        #expect(distribution.validate().isEmpty)
        let index = momentCases.firstIndex { $0.label == testCase.label } ?? 0
        let stream = RandomStream(
            seeds: StreamSeeds(masterSeed: 2024), replication: 0, stream: index)
        let draws = distribution.samples(Self.n, from: stream)
        let sample = SampleMoments(draws)
        let n = Double(Self.n)

        // Mean: |xbar - mu| <= z sqrt(var / n).
        let meanTolerance = Self.z * (distribution.variance / n).squareRoot()
        #expect(
            abs(sample.mean - distribution.mean) <= meanTolerance,
            "mean \(sample.mean) vs \(distribution.mean) (tolerance \(meanTolerance))")

        // Variance: the sample variance has asymptotic variance (mu4 - sigma^4) / n.
        let spread = max(sample.fourth - sample.variance * sample.variance, 0)
        let varianceTolerance = Self.z * (spread / n).squareRoot()
        #expect(
            abs(sample.variance - distribution.variance) <= varianceTolerance,
            "variance \(sample.variance) vs \(distribution.variance) (tolerance \(varianceTolerance))"
        )

        #expect(testCase.support.contains(sample.minimum), "minimum \(sample.minimum)")
        #expect(testCase.support.contains(sample.maximum), "maximum \(sample.maximum)")
        if distribution.isDiscrete, distribution.fixedValue == nil,
            distribution.familyName != "categorical"
        {
            #expect(draws.allSatisfy { $0 == $0.rounded() })
        }
    }

    @Test("fixed returns its value exactly and reports it")
    func fixedIsExact() {
        let stream = RandomStream(seed: 1)
        let distribution = Distribution.fixed(0.1)
        #expect(distribution.samples(1000, from: stream).allSatisfy { $0 == 0.1 })
        #expect(distribution.fixedValue == 0.1)
        #expect(distribution.mean == 0.1)
        #expect(distribution.variance == 0)
        #expect(Distribution.normal(mean: 0.1, sd: 1).fixedValue == nil)
    }

    @Test("mean/sd constructors reproduce the requested mean and sd")
    func meanSDConstructorsAreExact() throws {
        let built: [(Distribution, Double, Double)] = [
            (try Distribution.gamma(mean: 5, sd: 2), 5, 2),
            (try Distribution.gamma(mean: 0.01, sd: 3), 0.01, 3),
            (try Distribution.beta(mean: 0.3, sd: 0.1), 0.3, 0.1),
            (try Distribution.beta(mean: 0.95, sd: 0.2), 0.95, 0.2),
            (try Distribution.lognormal(mean: 5, sd: 2), 5, 2),
            (try Distribution.lognormal(mean: 1e-3, sd: 1e-6), 1e-3, 1e-6),
        ]
        for (distribution, mean, sd) in built {
            #expect(abs(distribution.mean - mean) <= 1e-12 * mean, "\(distribution)")
            #expect(abs(distribution.standardDeviation - sd) <= 1e-12 * sd, "\(distribution)")
        }
        #expect(try Distribution.gamma(mean: 5, sd: 2) == .gamma(shape: 6.25, scale: 0.8))
    }

    @Test("truncated normal closed forms match known values")
    func truncatedNormalKnownValues() {
        // Half-normal: mean sqrt(2/pi), variance 1 - 2/pi.
        let half = Distribution.truncatedNormal(mean: 0, sd: 1, low: 0, high: .infinity)
        #expect(abs(half.mean - (2 / Double.pi).squareRoot()) <= 1e-14)
        #expect(abs(half.variance - (1 - 2 / Double.pi)) <= 1e-14)
        // Symmetric truncation leaves the mean alone.
        let symmetric = Distribution.truncatedNormal(mean: 3, sd: 2, low: 1, high: 5)
        #expect(abs(symmetric.mean - 3) <= 1e-14)
        // [-1, 1]: variance 1 - 2 phi(1) / (2 Phi(1) - 1) = 0.291125...
        let phi1 = exp(-0.5) / (2 * Double.pi).squareRoot()
        let mass = erf(1 / 2.0.squareRoot())
        let unit = Distribution.truncatedNormal(mean: 0, sd: 1, low: -1, high: 1)
        #expect(abs(unit.variance - (1 - 2 * phi1 / mass)) <= 1e-14)
        // Reflection: [-inf, -a] mirrors [a, inf].
        let upper = Distribution.truncatedNormal(mean: 0, sd: 1, low: 2, high: .infinity)
        let lower = Distribution.truncatedNormal(mean: 0, sd: 1, low: -.infinity, high: -2)
        #expect(abs(upper.mean + lower.mean) <= 1e-14)
        #expect(abs(upper.variance - lower.variance) <= 1e-14)
    }

    @Test("narrow truncation intervals: quadrature agrees with the closed form where both hold")
    func narrowTruncationMoments() {
        for (alpha, width) in [(0.0, 0.04), (-0.02, 0.04), (1.5, 0.049), (-3, 0.03), (5, 0.045)] {
            let beta = alpha + width
            let quadrature = StandardTruncatedNormal.narrowMoments(alpha, beta)
            let closed = StandardTruncatedNormal.closedFormMoments(alpha, beta)
            #expect(abs(quadrature.mean - closed.mean) <= 1e-12 * max(1, abs(closed.mean)))
            #expect(abs(quadrature.variance - closed.variance) <= 1e-8 * closed.variance)
        }
        // Very narrow: nearly uniform, variance -> width^2 / 12, where the closed form fails.
        let tiny = Distribution.truncatedNormal(mean: 0, sd: 1, low: 1, high: 1 + 1e-7)
        #expect(abs(tiny.variance / (1e-14 / 12) - 1) <= 1e-6)
        #expect(tiny.mean > 1 && tiny.mean < 1 + 0.5e-7)
    }
}
