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
/// ceilings on top. docs/scenario-format.md lists them in its tables.
enum ScenarioLimits {
    // MARK: - Ceilings per key

    /// The ceiling of each key of each section ("" for the top level), in the key's own unit.
    static let ceilings: [String: [String: Double]] = [
        "": [
            // At a few million events a second, 10^9 events is minutes per replication; more is a
            // runaway, not a war. It also keeps every count of events (airstrikes) below 2^53.
            "max_events": 1e9,
            // The horizon's own ceiling: a stalemate longer than any run can never be declared.
            "stalemate_days": ScenarioDecoder.maximumHorizonDays,
        ],
        "actor": [
            // Effectiveness per fighter against reference infantry (1). Powers are squared in
            // target choice (force x quality)^2; 100 keeps them far from overflow.
            "quality": 100,
            // A Poisson process each; with `max_rounds` rounds per assault these are the bulk of a
            // run's events (see `checkWorkload`). No army launches a hundred assaults a day.
            "assaults_per_day": 100,
            // Desert Storm's coalition flew about 3,000 sorties a day at its height.
            "sorties_per_day": 10_000,
            // Delays and intervals beyond the longest horizon mean "never" already.
            "decision_interval_days": ScenarioDecoder.maximumHorizonDays,
            "reinforcement_delay_days": ScenarioDecoder.maximumHorizonDays,
        ],
        "region": [
            // More people than live on Earth; the sum over 112 regions (about 10^12) stays exact,
            // and it bounds the civilians killed and displaced (neither can exceed the residents).
            "population": 1e10,
            // A relative weight, summed over regions into territory shares: 10^6 between the
            // least and the most valuable region is more contrast than any map needs, and the
            // sums stay finite (1e308 made every share NaN).
            "strategic_value": 1e6,
            // Multiplies the defenders' power, squared in target choice, like quality.
            "fortification": 100,
        ],
        "combat": [
            "round_days": ScenarioDecoder.maximumHorizonDays,
            // Fighters put out of action per effective opposing fighter per day: 100 kills a force
            // many times over in one round already (losses are capped at the force).
            "lethality_per_day": 100,
            "morale_shock": 100,
            // Air support multiplies effectiveness by 1 + this x the camp's sorties a day.
            "air_support_per_sortie": 10,
            // Each round is an event; with `assaults_per_day` this bounds a run's events.
            "max_rounds": 10_000,
        ],
        "cascade": [
            "withdrawal_delay_days": ScenarioDecoder.maximumHorizonDays,
        ],
        "air_campaign": [
            // Per strike. The deadliest strikes on record killed tens of thousands; totals are at
            // most (strikes <= max_events <= 10^9) x 10^6 = 10^15 < 2^53. Killed and displaced are
            // also capped by the region's residents, injured are not.
            "fighters_hit_per_strike": 1e8,
            "civilians_killed_per_strike": 1e6,
            "civilians_injured_per_strike": 1e6,
            "civilians_displaced_per_strike": 1e7,
        ],
        "patron_rule": [
            // Pressure and opportunity are capped at 1 (min(1, this x share lost)).
            "threat_sensitivity": 1000,
            // Multiply a client's assault rate: counted in the workload below.
            "restrained_assault_factor": 100,
            "backed_assault_factor": 100,
            // Morale is capped at 1 after the boost.
            "morale_boost_per_thousand": 1000,
        ],
        "mediation": [
            "attempts_per_day": 100,
            // Success is capped at 1.
            "exhaustion_weight": 1000,
            "loss_weight": 1000,
        ],
        "chemical_weapons": [
            // Once per run and not capped by the population: Halabja (1988) killed about 5,000.
            "civilians_killed": 1e6,
        ],
        "ladder": [
            // Airstrikes counted to reach a rung: there are at most max_events of them.
            "threshold": 1e9,
        ],
    ]

    static func ceiling(_ section: String, _ key: String) -> Double? {
        ceilings[section]?[key]
    }

    /// A bound for messages: whole numbers written out (as the fighter cap is), others as Swift prints them.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
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
