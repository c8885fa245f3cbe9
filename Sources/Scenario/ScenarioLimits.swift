import EscalationModel
import Foundation
import Stochastic

/// Upper bounds on scenario numbers, so that a scenario `validate` accepts is one the model can
/// compute: every outcome finite, every count exact (below 2^53, where a `Double` stops holding
/// every whole number and the histogram of an integer outcome cannot be built), every force within
/// the binomial sampler's trial limit, and every replication well within its `max_events` guard.
///
/// Each bound is physically generous (far beyond any war on record) and is chosen against what
/// the model does with the number: what it multiplies, what it sums, how many events it causes.
/// Lower bounds (positive, a probability, ...) are the keys' `NumberConstraint`s; these are the
/// ceilings on top. ParameterCatalogue gives each key's ceiling
/// with its reason; docs/scenario-format.md lists them (generated from it).
enum ScenarioLimits {
    // MARK: - Ceilings per key

    /// The ceiling of each key of each section ("" for the top level), in the key's own unit: the
    /// `ceiling`s of `ParameterCatalogue`, where each is given with its reason. `horizon_days` is
    /// left out: the decoder states its ceiling in years as well.
    static let ceilings: [String: [String: Double]] = {
        var table: [String: [String: Double]] = [:]
        for spec in ParameterCatalogue.all where spec.path != "horizon_days" {
            guard let ceiling = spec.ceiling else { continue }
            table[spec.section.rawValue, default: [:]][spec.key] = ceiling
        }
        return table
    }()

    static func ceiling(_ section: String, _ key: String) -> Double? {
        ParameterSpec.Section(rawValue: section).flatMap { ParameterCatalogue.entry($0, key) }?.ceiling
    }

    /// A bound for messages: whole numbers written out (as the fighter cap is), others as Swift prints them.
    static func format(_ value: Double) -> String {
        ParameterSpec.format(value)
    }

    /// A computed number, to three significant figures (whole below a million).
    static func approximate(_ value: Double) -> String {
        guard value.isFinite, abs(value) >= 1e6 else { return value.isFinite ? format(value.rounded()) : "\(value)" }
        return String(format: "%.3g", value)
    }

    // MARK: - Distributions

    /// How many standard deviations above its mean a distribution's 99th percentile can be, at
    /// most, whatever the distribution: Cantelli's inequality P(X >= mean + k sd) <= 1 / (1 + k^2)
    /// gives 1% at k = sqrt(99). Without quantile functions for every family this is the high
    /// quantile a ceiling is checked against where the support has no end (gamma, lognormal,
    /// Poisson, ...): it holds for all of them, and it errs only towards caution, by at most ten
    /// standard deviations, which matters only for a distribution already near the ceiling.
    static let percentile99Deviations = 99.0.squareRoot()

    /// Why `distribution` breaks `ceiling`, or nil when it keeps to it: a finite support must end
    /// within it; otherwise the mean, and Cantelli's bound on the 99th percentile, must be within it.
    static func excess(of distribution: Distribution, over ceiling: Double) -> String? {
        let high = NodeDecoder.support(of: distribution).high
        if high.isFinite {
            return high > ceiling ? "\(distribution) can take values up to \(format(high))" : nil
        }
        let mean = distribution.mean
        if !(mean <= ceiling) { return "\(distribution) has mean \(format(mean))" }
        let percentile = mean + percentile99Deviations * distribution.variance.squareRoot()
        if !(percentile <= ceiling) {
            return "\(distribution) spreads too far: its 99th percentile may be as high as \(approximate(percentile)) "
                + "(mean + sqrt(99) sd, Cantelli's bound)"
        }
        return nil
    }

    // MARK: - Whole-scenario bounds

    /// The most fighters the model counts in one force: losses are binomial draws with the force
    /// as the number of trials, and GSL's binomial takes an `unsigned int`.
    static let maximumFighters = Double(UInt32.max)
}
