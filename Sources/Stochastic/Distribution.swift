/// A probability distribution of one real-valued quantity: an inter-arrival time, a service
/// time, a count, a routing choice.
///
/// `Distribution` is a plain value: it describes a family and its parameters and can be
/// compared, hashed, printed and sent between tasks. Drawing from it needs a `RandomStream`
/// (`sample(_:)`), and every draw goes through GSL's `gsl_ran_*` samplers or, where GSL has
/// none, an exact method built on GSL's uniform generator and normal CDF.
///
/// Parameters are not checked when a case is built; call `validate()` (for example when a
/// scenario is loaded) to get every problem as a readable message. `sample(_:)` re-checks
/// the parameters that could make GSL misbehave on every call and traps if they are invalid,
/// so nothing invalid ever reaches GSL.
///
/// Continuous families are documented with GSL's density, discrete ones with GSL's
/// probability mass function (GSL Reference Manual, chapter "Random Number Distributions").
public enum Distribution: Sendable, Hashable {
    /// The constant `value`: every draw returns it.
    ///
    /// - Parameter value: any finite number.
    /// - Mean `value`, variance 0, support `{value}`.
    case fixed(Double)

    /// Uniform on `[low, high)`; GSL `gsl_ran_flat`, `p(x) = 1 / (high - low)`.
    ///
    /// - Parameters: finite `low < high`.
    /// - Mean `(low + high) / 2`, variance `(high - low)^2 / 12`, support `[low, high)`.
    case uniform(low: Double, high: Double)

    /// Exponential with the given mean (GSL parameterises by the mean `mu`, not the rate);
    /// GSL `gsl_ran_exponential`, `p(x) = exp(-x / mu) / mu`.
    ///
    /// - Parameter mean: positive and finite.
    /// - Mean `mean`, variance `mean^2`, support `[0, +inf)`.
    case exponential(mean: Double)

    /// Gamma with shape `a` and scale `b`; GSL `gsl_ran_gamma`,
    /// `p(x) = x^(a-1) exp(-x/b) / (Gamma(a) b^a)`.
    ///
    /// - Parameters: `shape` and `scale` positive and finite.
    /// - Mean `shape * scale`, variance `shape * scale^2`, support `(0, +inf)`.
    /// - See also `gamma(mean:sd:)`.
    case gamma(shape: Double, scale: Double)

    /// Lognormal: `exp(N)` where `N` is normal with mean `mu` and standard deviation
    /// `sigma` (log-space parameters); GSL `gsl_ran_lognormal` with `zeta = mu`,
    /// `p(x) = exp(-(ln x - mu)^2 / (2 sigma^2)) / (x sqrt(2 pi sigma^2))`.
    ///
    /// - Parameters: `mu` finite, `sigma` positive and finite.
    /// - Mean `exp(mu + sigma^2/2)`, variance `(exp(sigma^2) - 1) exp(2 mu + sigma^2)`,
    ///   support `(0, +inf)`.
    /// - See also `lognormal(mean:sd:)`.
    case lognormal(mu: Double, sigma: Double)

    /// Normal (Gaussian): `mean + gsl_ran_gaussian(sd)`.
    ///
    /// - Parameters: `mean` finite, `sd` positive and finite.
    /// - Mean `mean`, variance `sd^2`, support the real line.
    case normal(mean: Double, sd: Double)

    /// A normal with mean `mean` and standard deviation `sd`, conditioned on `[low, high]`.
    ///
    /// - Parameters: `mean` finite; `sd` positive and finite; `low < high`, where `low` may be
    ///   `-inf` or `high` may be `+inf` but at least one bound is finite (without a finite
    ///   bound use `normal`). The interval must hold at least
    ///   `Distribution.minimumTruncatedMass` of the untruncated normal's probability.
    /// - With `alpha = (low - mean)/sd`, `beta = (high - mean)/sd`, `phi`/`Phi` the standard
    ///   normal density/CDF and `Z = Phi(beta) - Phi(alpha)`:
    ///   mean `mean + sd (phi(alpha) - phi(beta)) / Z`, variance
    ///   `sd^2 [1 + (alpha phi(alpha) - beta phi(beta)) / Z - ((phi(alpha) - phi(beta)) / Z)^2]`
    ///   (Johnson, Kotz & Balakrishnan, *Continuous Univariate Distributions* vol. 1, §10.1),
    ///   support `[low, high]`.
    case truncatedNormal(mean: Double, sd: Double, low: Double, high: Double)

    /// Beta with shape parameters `a` and `b`; GSL `gsl_ran_beta`,
    /// `p(x) = Gamma(a+b) / (Gamma(a) Gamma(b)) x^(a-1) (1-x)^(b-1)`.
    ///
    /// - Parameters: `a` and `b` positive and finite.
    /// - Mean `a / (a + b)`, variance `a b / ((a + b)^2 (a + b + 1))`, support `[0, 1]`.
    /// - See also `beta(mean:sd:)`.
    case beta(a: Double, b: Double)

    /// Triangular on `[low, high]` with its peak at `mode`.
    ///
    /// - Parameters: finite, `low < high`, `low <= mode <= high`.
    /// - Mean `(low + mode + high) / 3`, variance
    ///   `(low^2 + mode^2 + high^2 - low mode - low high - mode high) / 18`,
    ///   support `[low, high]`.
    case triangular(low: Double, mode: Double, high: Double)

    /// Poisson with the given mean; GSL `gsl_ran_poisson`, `p(k) = mu^k exp(-mu) / k!`.
    ///
    /// - Parameter mean: positive, finite and at most `Distribution.maximumCountMean`
    ///   (GSL returns an `unsigned int`).
    /// - Mean `mean`, variance `mean`, support `{0, 1, 2, ...}`.
    case poisson(mean: Double)

    /// Binomial: successes in `trials` independent trials that each succeed with probability
    /// `p`; GSL `gsl_ran_binomial`, `p(k) = n! / (k! (n-k)!) p^k (1-p)^(n-k)`.
    ///
    /// - Parameters: `trials` in `0 ... UInt32.max` (GSL takes an `unsigned int`); `p` in `[0, 1]`.
    /// - Mean `trials p`, variance `trials p (1 - p)`, support `{0, ..., trials}`.
    case binomial(trials: Int, p: Double)

    /// Negative binomial: the number of failures before the `successes`-th success, each trial
    /// succeeding with probability `p`; GSL `gsl_ran_negative_binomial(r, p, n)`,
    /// `p(k) = Gamma(n + k) / (Gamma(k + 1) Gamma(n)) p^n (1 - p)^k`. `successes` need not be
    /// an integer (GSL draws a Poisson variate whose mean is a gamma variate).
    ///
    /// - Parameters: `successes` positive and finite; `p` in `(0, 1]`; the mean must not
    ///   exceed `Distribution.maximumCountMean`.
    /// - Mean `successes (1 - p) / p`, variance `successes (1 - p) / p^2`,
    ///   support `{0, 1, 2, ...}`.
    case negativeBinomial(successes: Double, p: Double)

    /// Bernoulli: 1 with probability `p`, otherwise 0; GSL `gsl_ran_bernoulli`.
    ///
    /// - Parameter p: in `[0, 1]`.
    /// - Mean `p`, variance `p (1 - p)`, support `{0, 1}`.
    case bernoulli(p: Double)

    /// A finite distribution: `values[i]` with probability `weights[i] / sum(weights)`.
    ///
    /// - Parameters: `values` non-empty and finite; `weights` of the same length, finite,
    ///   non-negative, with a positive (finite) sum. Weights need not sum to 1.
    /// - Mean `sum(w x) / sum(w)`, variance `sum(w (x - mean)^2) / sum(w)`,
    ///   support the values with positive weight.
    case categorical(values: [Double], weights: [Double])
}

extension Distribution {
    /// The smallest probability that `truncatedNormal`'s interval may hold under the
    /// untruncated normal (`1e-12`, about 7 standard deviations into one tail). Below it the
    /// truncation almost certainly reflects a unit or sign mistake, and the moment formulas
    /// lose accuracy.
    public static let minimumTruncatedMass: Double = 1e-12

    /// The largest mean allowed for `poisson` and `negativeBinomial` (`1e9`). GSL returns
    /// their draws as `unsigned int`, so the mean must stay far below `UInt32.max`.
    public static let maximumCountMean: Double = 1e9

    /// The family name, matching the case name: "fixed", "uniform", "exponential", "gamma",
    /// "lognormal", "normal", "truncatedNormal", "beta", "triangular", "poisson",
    /// "binomial", "negativeBinomial", "bernoulli" or "categorical".
    public var familyName: String {
        switch self {
        case .fixed: "fixed"
        case .uniform: "uniform"
        case .exponential: "exponential"
        case .gamma: "gamma"
        case .lognormal: "lognormal"
        case .normal: "normal"
        case .truncatedNormal: "truncatedNormal"
        case .beta: "beta"
        case .triangular: "triangular"
        case .poisson: "poisson"
        case .binomial: "binomial"
        case .negativeBinomial: "negativeBinomial"
        case .bernoulli: "bernoulli"
        case .categorical: "categorical"
        }
    }

    /// The constant of a `fixed` distribution, `nil` for every other case.
    public var fixedValue: Double? {
        if case .fixed(let value) = self { value } else { nil }
    }

    /// Whether the distribution is discrete, i.e. puts all its probability on countably many
    /// points: `fixed`, `poisson`, `binomial`, `negativeBinomial`, `bernoulli` and
    /// `categorical`. The others have a density. (`fixed` and `categorical` may put their
    /// mass on non-integer values.)
    public var isDiscrete: Bool {
        switch self {
        case .fixed, .poisson, .binomial, .negativeBinomial, .bernoulli, .categorical:
            true
        case .uniform, .exponential, .gamma, .lognormal, .normal, .truncatedNormal, .beta,
            .triangular:
            false
        }
    }
}

extension Distribution: CustomStringConvertible {
    /// The case as written in Swift, with whole numbers printed without a decimal point:
    /// `gamma(shape: 2, scale: 3)`, `fixed(1.5)`, `truncatedNormal(mean: 0, sd: 1, low: 0, high: inf)`.
    public var description: String {
        let f = formatNumber
        return switch self {
        case .fixed(let value):
            "fixed(\(f(value)))"
        case .uniform(let low, let high):
            "uniform(low: \(f(low)), high: \(f(high)))"
        case .exponential(let mean):
            "exponential(mean: \(f(mean)))"
        case .gamma(let shape, let scale):
            "gamma(shape: \(f(shape)), scale: \(f(scale)))"
        case .lognormal(let mu, let sigma):
            "lognormal(mu: \(f(mu)), sigma: \(f(sigma)))"
        case .normal(let mean, let sd):
            "normal(mean: \(f(mean)), sd: \(f(sd)))"
        case .truncatedNormal(let mean, let sd, let low, let high):
            "truncatedNormal(mean: \(f(mean)), sd: \(f(sd)), low: \(f(low)), high: \(f(high)))"
        case .beta(let a, let b):
            "beta(a: \(f(a)), b: \(f(b)))"
        case .triangular(let low, let mode, let high):
            "triangular(low: \(f(low)), mode: \(f(mode)), high: \(f(high)))"
        case .poisson(let mean):
            "poisson(mean: \(f(mean)))"
        case .binomial(let trials, let p):
            "binomial(trials: \(trials), p: \(f(p)))"
        case .negativeBinomial(let successes, let p):
            "negativeBinomial(successes: \(f(successes)), p: \(f(p)))"
        case .bernoulli(let p):
            "bernoulli(p: \(f(p)))"
        case .categorical(let values, let weights):
            "categorical(values: [\(values.map(f).joined(separator: ", "))], "
                + "weights: [\(weights.map(f).joined(separator: ", "))])"
        }
    }
}

/// Prints whole numbers below 2^53 without a fractional part ("2" rather than "2.0"),
/// infinities as "inf"/"-inf", NaN as "nan", and everything else in Swift's shortest
/// round-tripping form ("0.1", "1e-05").
func formatNumber(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    if x == x.rounded(), abs(x) < 9_007_199_254_740_992 {
        return String(Int64(x))
    }
    return "\(x)"
}
