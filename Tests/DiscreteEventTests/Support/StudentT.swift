import Foundation

/// Student's t distribution for integer degrees of freedom, exact to rounding.
///
/// Uses the closed forms of Abramowitz & Stegun, *Handbook of Mathematical Functions*
/// (1964), eq. 26.7.3, for A(t|ν) = P(|T| ≤ t), with θ = atan(t/√ν):
///
/// - ν = 1:    A = 2θ/π
/// - ν odd:    A = (2/π)[θ + sinθ(cosθ + (2/3)cos³θ + … + (2·4⋯(ν−3))/(1·3⋯(ν−2)) cos^(ν−2)θ)]
/// - ν even:   A = sinθ[1 + (1/2)cos²θ + (1·3)/(2·4)cos⁴θ + … + (1·3⋯(ν−3))/(2·4⋯(ν−2)) cos^(ν−2)θ]
enum StudentT {
    /// P(|T| ≤ t) for t ≥ 0.
    static func centralProbability(_ t: Double, degreesOfFreedom nu: Int) -> Double {
        precondition(nu >= 1 && t >= 0)
        let theta = atan(t / Double(nu).squareRoot())
        let s = sin(theta)
        let c = cos(theta)
        if nu % 2 == 1 {
            var sum = 0.0
            if nu > 1 {
                var term = c  // k = 0: cos θ
                sum = term
                var k = 1
                while 2 * k + 1 <= nu - 2 {
                    term *= c * c * Double(2 * k) / Double(2 * k + 1)
                    sum += term
                    k += 1
                }
            }
            return 2 / Double.pi * (theta + s * sum)
        } else {
            var term = 1.0  // k = 0: cos⁰ θ
            var sum = term
            var k = 1
            while 2 * k <= nu - 2 {
                term *= c * c * Double(2 * k - 1) / Double(2 * k)
                sum += term
                k += 1
            }
            return s * sum
        }
    }

    /// The quantile t_p with P(T ≤ t_p) = p, for 0.5 < p < 1, by bisection on the CDF.
    static func quantile(_ p: Double, degreesOfFreedom nu: Int) -> Double {
        precondition(p > 0.5 && p < 1)
        let target = 2 * p - 1  // P(|T| ≤ t) for the upper quantile
        var low = 0.0
        var high = 1.0
        while centralProbability(high, degreesOfFreedom: nu) < target {
            high *= 2
        }
        for _ in 0..<200 where high - low > 1e-13 * high {
            let mid = (low + high) / 2
            if centralProbability(mid, degreesOfFreedom: nu) < target {
                low = mid
            } else {
                high = mid
            }
        }
        return (low + high) / 2
    }
}

/// Mean and a two-sided Student-t confidence interval of independent replication results.
struct ReplicationSummary {
    let mean: Double
    let standardError: Double
    let degreesOfFreedom: Int

    init(_ values: [Double]) {
        precondition(values.count >= 2)
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        self.mean = mean
        standardError = (variance / n).squareRoot()
        degreesOfFreedom = values.count - 1
    }

    /// The interval mean ± t_{(1+level)/2, n−1} · s/√n.
    func confidenceInterval(level: Double) -> ClosedRange<Double> {
        let t = StudentT.quantile((1 + level) / 2, degreesOfFreedom: degreesOfFreedom)
        return (mean - t * standardError)...(mean + t * standardError)
    }
}
