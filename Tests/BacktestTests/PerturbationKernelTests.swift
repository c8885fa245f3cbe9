import Foundation
import Stochastic
import Testing

@testable import Backtest

/// The kernel's covariance is twice the population's weighted covariance (Beaumont et al. 2009),
/// its density is the normal one, and a parameter all particles agree on does not move.
@Suite struct PerturbationKernelTests {
    @Test func choleskyOfAKnownMatrix() throws {
        // [[4, 2], [2, 3]] = L L^T with L = [[2, 0], [1, sqrt 2]].
        let factor = try #require(PerturbationKernel.cholesky([4, 0, 2, 3], 2))
        #expect(factor == [2, 0, 1, 2.0.squareRoot()])
        #expect(PerturbationKernel.cholesky([1, 0, 2, 1], 2) == nil)  // not positive definite
    }

    /// Four weighted particles in three parameters, the middle one fixed at 7.
    static let particles: [[Double]] = [[0, 7, 0], [1, 7, 2], [2, 7, 1], [3, 7, 5]]
    static let weights = [0.1, 0.2, 0.3, 0.4]

    /// The weighted covariance of parameters 0 and 2, doubled: the matrix the kernel must use.
    static func doubledCovariance() -> (a: Double, b: Double, c: Double) {
        func mean(_ k: Int) -> Double { zip(particles, weights).reduce(0) { $0 + $1.1 * $1.0[k] } }
        func covariance(_ k: Int, _ l: Int) -> Double {
            zip(particles, weights).reduce(0) { $0 + $1.1 * ($1.0[k] - mean(k)) * ($1.0[l] - mean(l)) }
        }
        return (2 * covariance(0, 0), 2 * covariance(0, 2), 2 * covariance(2, 2))
    }

    @Test func theDensityIsTheBivariateNormalOfTwiceTheCovariance() {
        let kernel = PerturbationKernel(particles: Self.particles, weights: Self.weights)
        #expect(kernel.active == [0, 2])
        let (a, b, c) = Self.doubledCovariance()
        let determinant = a * c - b * b
        let (dx, dy) = (0.7, -1.3)
        let quadratic = (c * dx * dx - 2 * b * dx * dy + a * dy * dy) / determinant
        let expected = -0.5 * quadratic - 0.5 * log(determinant) - log(2 * Double.pi)
        let value = kernel.logDensity(of: [1 + dx, 7, 2 + dy], around: [1, 7, 2])
        #expect(abs(value - expected) < 1e-12, "\(value) vs \(expected)")
    }

    /// 20 000 moves: the sample covariance of the shifts is within 5 standard errors of the
    /// kernel's (the standard error of a sample covariance is about sqrt((s_kk s_ll + s_kl^2) / n)),
    /// and the fixed parameter never moves.
    @Test func movesHaveTheKernelsCovariance() {
        let kernel = PerturbationKernel(particles: Self.particles, weights: Self.weights)
        let stream = RandomStream(seed: 983)
        let n = 20_000
        var sums = (x: 0.0, y: 0.0, xx: 0.0, xy: 0.0, yy: 0.0)
        for _ in 0..<n {
            let moved = kernel.perturb([1, 7, 2], stream: stream)
            #expect(moved[1] == 7)
            let (x, y) = (moved[0] - 1, moved[2] - 2)
            sums = (sums.x + x, sums.y + y, sums.xx + x * x, sums.xy + x * y, sums.yy + y * y)
        }
        let count = Double(n)
        let (a, b, c) = Self.doubledCovariance()
        let estimates = [
            (sums.xx / count, a, a * a), (sums.xy / count, b, (a * c + b * b) / 2), (sums.yy / count, c, c * c),
        ]
        for (estimate, exact, scale) in estimates {
            #expect(abs(estimate - exact) <= 5 * (2 * scale / count).squareRoot(), "\(estimate) vs \(exact)")
        }
        #expect(abs(sums.x / count) <= 5 * (a / count).squareRoot())
    }
}
