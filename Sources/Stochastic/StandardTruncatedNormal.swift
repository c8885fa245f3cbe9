import CGSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The standard normal distribution conditioned on `[alpha, beta]`: the numerical core of
/// `Distribution.truncatedNormal`, which maps its bounds here with
/// `alpha = (low - mean) / sd`, `beta = (high - mean) / sd`.
///
/// `alpha` may be `-inf` and `beta` may be `+inf`. Everything uses GSL's standard normal
/// density (`gsl_ran_ugaussian_pdf`), tail probability (`gsl_cdf_ugaussian_Q`), quantiles
/// (`gsl_cdf_ugaussian_Pinv`, `gsl_cdf_ugaussian_Qinv`) and error function (`gsl_sf_erf`).
@usableFromInline
enum StandardTruncatedNormal {
    /// Standardises `[low, high]` for a normal with the given mean and sd.
    @usableFromInline
    static func standardize(
        mean: Double, sd: Double, low: Double, high: Double
    ) -> (alpha: Double, beta: Double) {
        ((low - mean) / sd, (high - mean) / sd)
    }

    /// `Q(x) = 1 - Phi(x)`, with exact values at the infinities.
    static func upperTail(_ x: Double) -> Double {
        if x == .infinity { return 0 }
        if x == -.infinity { return 1 }
        return gsl_cdf_ugaussian_Q(x)
    }

    /// `erf(x)`, with exact values at the infinities (`gsl_sf_erf(inf)` is NaN in GSL 2.7.1).
    static func erf(_ x: Double) -> Double {
        if x == .infinity { return 1 }
        if x == -.infinity { return -1 }
        return gsl_sf_erf(x)
    }

    /// `phi(x)`, the standard normal density, and `x phi(x)`, both 0 at the infinities.
    static func density(_ x: Double) -> (phi: Double, xPhi: Double) {
        guard x.isFinite else { return (0, 0) }
        let phi = gsl_ran_ugaussian_pdf(x)
        return (phi, x * phi)
    }

    /// `Z = Phi(beta) - Phi(alpha)`, the standard normal probability of `[alpha, beta]`,
    /// computed without cancellation against 1: in the upper half as a difference of upper-tail
    /// probabilities, in the lower half by symmetry, and across 0 as
    /// `(erf(beta / sqrt 2) + erf(-alpha / sqrt 2)) / 2`, a sum of two non-negative terms
    /// (`Phi(x) = (1 + erf(x / sqrt 2)) / 2`). Returns 0 unless `alpha < beta`.
    static func mass(_ alpha: Double, _ beta: Double) -> Double {
        guard alpha < beta else { return 0 }
        if alpha >= 0 {
            return upperTail(alpha) - upperTail(beta)
        }
        if beta <= 0 {
            return upperTail(-beta) - upperTail(-alpha)
        }
        let invSqrt2 = 0.707_106_781_186_547_524_4
        return 0.5 * (erf(beta * invSqrt2) + erf(-alpha * invSqrt2))
    }

    /// Mean and variance of the standard normal truncated to `[alpha, beta]`.
    ///
    /// Closed forms (Johnson, Kotz & Balakrishnan, *Continuous Univariate Distributions*
    /// vol. 1, 2nd ed., §10.1), with `lambda = (phi(alpha) - phi(beta)) / Z`:
    /// mean `lambda`, variance `1 + (alpha phi(alpha) - beta phi(beta)) / Z - lambda^2`.
    ///
    /// When both bounds are finite and less than `narrowWidth` apart, the terms of the
    /// variance formula nearly cancel (the variance is about `width^2 / 12` while the terms are
    /// of order `max(1, alpha^2)`), so the moments are integrated instead with a 16-point
    /// Gauss-Legendre rule (GSL `gsl_integration_glfixed_point`), which on such a short
    /// interval is exact to rounding.
    static func moments(_ alpha: Double, _ beta: Double) -> (mean: Double, variance: Double) {
        if alpha.isFinite, beta.isFinite, beta - alpha < narrowWidth {
            return narrowMoments(alpha, beta)
        }
        return closedFormMoments(alpha, beta)
    }

    /// The closed forms of `moments`, on any interval.
    static func closedFormMoments(
        _ alpha: Double, _ beta: Double
    ) -> (mean: Double, variance: Double) {
        let z = mass(alpha, beta)
        let a = density(alpha)
        let b = density(beta)
        let lambda = (a.phi - b.phi) / z
        return (lambda, 1 + (a.xPhi - b.xPhi) / z - lambda * lambda)
    }

    /// Below this width (in standard deviations) `moments` integrates numerically. At this
    /// width the closed form would still be good to about 1e-10 relative; narrower, it
    /// degrades like `1 / width^2`.
    static let narrowWidth = 0.05

    /// Moments on a short finite interval by Gauss-Legendre quadrature around its midpoint
    /// `c`: on `x = c + t` the density is proportional to `exp(-c t - t^2 / 2)`, so
    /// `E[t] = int t g / int g` and `Var = int t^2 g / int g - E[t]^2`, with no cancellation
    /// because `E[t]` is small against the interval.
    static func narrowMoments(
        _ alpha: Double, _ beta: Double
    ) -> (mean: Double, variance: Double) {
        let nodes = 16
        guard let table = gsl_integration_glfixed_table_alloc(nodes) else {
            fatalError("gsl_integration_glfixed_table_alloc failed: out of memory")
        }
        defer { gsl_integration_glfixed_table_free(table) }
        let center = 0.5 * (alpha + beta)
        let half = 0.5 * (beta - alpha)
        var m0 = 0.0
        var m1 = 0.0
        var m2 = 0.0
        for i in 0..<nodes {
            var t = 0.0
            var weight = 0.0
            gsl_integration_glfixed_point(-half, half, i, &t, &weight, table)
            let g = weight * exp(-center * t - 0.5 * t * t)
            m0 += g
            m1 += g * t
            m2 += g * t * t
        }
        let shift = m1 / m0
        return (center + shift, m2 / m0 - shift * shift)
    }

    /// One draw from the standard normal truncated to `[alpha, beta]`, or `nil` when the
    /// interval holds less than `Distribution.minimumTruncatedMass` (nothing is drawn then).
    /// Requires `alpha < beta` and at least one finite bound.
    ///
    /// Intervals in the lower half are reflected into the upper half. Then, with `alpha < beta`
    /// and `beta > 0`:
    /// - `alpha <= 0` and `beta - alpha >= 1`: rejection from the standard normal
    ///   (`gsl_ran_ugaussian`). Such an interval contains `[0, 1]` or `[-1, 0]` or a longer
    ///   interval around 0, so it has probability at least `Phi(1) - 1/2 = 0.341`: at most
    ///   2.93 normal draws on average.
    /// - `alpha <= 0`, narrower: inversion, `x = Phi^-1(Phi(alpha) + u (Phi(beta) - Phi(alpha)))`,
    ///   where both probabilities lie in `(0.15, 0.85)` so nothing is lost to rounding.
    /// - `alpha > 0`, `beta = +inf`: `gsl_ran_ugaussian_tail(alpha)`, which the GSL manual
    ///   describes as variates from the upper tail of a Gaussian "larger than the lower limit
    ///   a, which must be positive" (Marsaglia's tail method).
    /// - `alpha > 0`, `beta` finite: inversion in upper-tail probabilities,
    ///   `x = Q^-1(Q(beta) + u (Q(alpha) - Q(beta)))`, accurate far into the tail.
    /// Inversion uses one `gsl_rng_uniform_pos` draw `u` in `(0, 1)`; results are clamped to
    /// `[alpha, beta]` against rounding in the quantile function.
    @usableFromInline
    static func sample(
        _ rng: UnsafeMutablePointer<gsl_rng>, _ alpha: Double, _ beta: Double
    ) -> Double? {
        if beta <= 0 {
            return sampleUpper(rng, -beta, -alpha).map { -$0 }
        }
        return sampleUpper(rng, alpha, beta)
    }

    /// `sample` for `alpha < beta`, `beta > 0`.
    private static func sampleUpper(
        _ rng: UnsafeMutablePointer<gsl_rng>, _ alpha: Double, _ beta: Double
    ) -> Double? {
        if alpha <= 0, beta - alpha >= 1 {
            while true {
                let x = gsl_ran_ugaussian(rng)
                if alpha <= x, x <= beta { return x }
            }
        }
        guard mass(alpha, beta) >= Distribution.minimumTruncatedMass else { return nil }
        let x: Double
        if alpha <= 0 {
            let pa = gsl_cdf_ugaussian_P(alpha)
            let pb = gsl_cdf_ugaussian_P(beta)
            x = gsl_cdf_ugaussian_Pinv(pa + gsl_rng_uniform_pos(rng) * (pb - pa))
        } else if beta == .infinity {
            x = gsl_ran_ugaussian_tail(rng, alpha)
        } else {
            let qa = gsl_cdf_ugaussian_Q(alpha)
            let qb = gsl_cdf_ugaussian_Q(beta)
            x = gsl_cdf_ugaussian_Qinv(qb + gsl_rng_uniform_pos(rng) * (qa - qb))
        }
        return min(max(x, alpha), beta)
    }
}
