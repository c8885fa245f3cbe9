import Foundation
import Stochastic
import Testing

/// Prior densities for calibration (issue 13): known values, `-inf` outside the support, and
/// densities that integrate (mass functions that sum) to 1.
@Suite struct DistributionDensityTests {
    /// Values worked out by hand from the formulas on the cases.
    @Test func knownValues() {
        let cases: [(Distribution, Double, Double)] = [
            (.normal(mean: 0, sd: 1), 0, 1 / (2 * Double.pi).squareRoot()),
            (.normal(mean: 1, sd: 2), 3, exp(-0.5) / (2 * (2 * Double.pi).squareRoot())),
            (.uniform(low: 2, high: 6), 3, 0.25),
            (.exponential(mean: 2), 1, 0.5 * exp(-0.5)),
            // x e^(-x/3) / (Gamma(2) 3^2) at x = 3.
            (.gamma(shape: 2, scale: 3), 3, exp(-1) / 3),
            (.lognormal(mu: 0, sigma: 1), 1, 1 / (2 * Double.pi).squareRoot()),
            // Half-normal: twice the normal density.
            (
                .truncatedNormal(mean: 0, sd: 1, low: 0, high: .infinity), 0.5,
                2 * exp(-0.125) / (2 * Double.pi).squareRoot()
            ),
            // Gamma(5) / (Gamma(2) Gamma(3)) = 12; 12 * 0.5 * 0.25.
            (.beta(a: 2, b: 3), 0.5, 1.5),
            (.triangular(low: 0, mode: 1, high: 3), 2, 1.0 / 3),
            (.triangular(low: 0, mode: 1, high: 3), 0.5, 1.0 / 3),
            (.triangular(low: 0, mode: 1, high: 3), 1, 2.0 / 3),
            (.poisson(mean: 3), 2, 4.5 * exp(-3)),
            (.binomial(trials: 4, p: 0.5), 2, 6.0 / 16),
            (.bernoulli(p: 0.3), 1, 0.3),
            (.categorical(values: [1, 2, 1], weights: [1, 2, 1]), 1, 0.5),
            (.fixed(2.5), 2.5, 1),
        ]
        for (distribution, x, expected) in cases {
            let value = distribution.density(x)
            #expect(abs(value - expected) <= 1e-12 * expected, "\(distribution) at \(x): \(value), not \(expected)")
            #expect(abs(distribution.logDensity(x) - log(expected)) <= 1e-12, "\(distribution) at \(x)")
        }
    }

    @Test func outsideTheSupportIsMinusInfinity() {
        let cases: [(Distribution, Double)] = [
            (.uniform(low: 2, high: 6), 6.5), (.exponential(mean: 2), -0.1), (.gamma(shape: 2, scale: 3), -1),
            (.lognormal(mu: 0, sigma: 1), 0), (.truncatedNormal(mean: 0, sd: 1, low: -1, high: 2), 2.01),
            (.beta(a: 2, b: 3), 1.2), (.triangular(low: 0, mode: 1, high: 3), -0.01), (.poisson(mean: 3), 1.5),
            (.binomial(trials: 4, p: 0.5), 5), (.fixed(2.5), 2.4), (.categorical(values: [1, 2], weights: [1, 0]), 2),
            (.normal(mean: 0, sd: 1), .infinity),
        ]
        for (distribution, x) in cases {
            #expect(distribution.logDensity(x) == -.infinity, "\(distribution) at \(x)")
        }
        #expect(Distribution.normal(mean: 0, sd: 1).logDensity(.nan).isNaN)
        #expect(Distribution.normal(mean: 0, sd: -1).logDensity(0).isNaN)
    }

    /// The midpoint rule on 200 000 cells of a range holding all but a negligible part of the
    /// mass; its error on these smooth densities is far below the 1e-4 tolerance (the beta(0.5, 2)
    /// density's integrable singularity at 0 costs about 1e-3 of mass in the first cell, hence its
    /// looser bound).
    @Test(arguments: [
        (Distribution.normal(mean: 1, sd: 2), -19.0, 21.0, 1e-4),
        (.uniform(low: -1, high: 3), -2, 4, 1e-4),
        (.exponential(mean: 2), 0, 60, 1e-4),
        (.gamma(shape: 3, scale: 0.5), 0, 30, 1e-4),
        (.lognormal(mu: 0, sigma: 0.5), 0, 40, 1e-4),
        (.truncatedNormal(mean: 1, sd: 2, low: 0, high: 3), -1, 4, 1e-4),
        (.beta(a: 2, b: 5), 0, 1, 1e-4),
        (.beta(a: 0.5, b: 2), 0, 1, 5e-3),
        (.triangular(low: -1, mode: 2, high: 3), -2, 4, 1e-4),
    ])
    func densitiesIntegrateToOne(distribution: Distribution, from low: Double, to high: Double, tolerance: Double) {
        let cells = 200_000
        let width = (high - low) / Double(cells)
        var total = 0.0
        for i in 0..<cells {
            total += distribution.density(low + (Double(i) + 0.5) * width) * width
        }
        #expect(abs(total - 1) <= tolerance, "\(distribution): \(total)")
    }

    @Test func massFunctionsSumToOne() {
        let cases: [Distribution] = [
            .poisson(mean: 4), .binomial(trials: 7, p: 0.3), .negativeBinomial(successes: 2.5, p: 0.4),
            .bernoulli(p: 0.2),
        ]
        for distribution in cases {
            let total = (0...400).reduce(0.0) { $0 + distribution.density(Double($1)) }
            #expect(abs(total - 1) <= 1e-10, "\(distribution): \(total)")
        }
    }
}
