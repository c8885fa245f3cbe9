import EscalationModel
import Foundation
import Stochastic
import Testing

@testable import Scenario

/// Every number a scenario gives has a ceiling the model can compute with (ScenarioLimits).
@Suite struct ScenarioLimitsTests {
    /// The minimal scenario with a patron (for the patron-only keys) and an airstrikes rung (for
    /// `ladder.2.threshold`), so that every key of the table can be set.
    static let probe =
        minimalScenario
        .replacingOccurrences(
            of: "  government: {side: loyalist, field_strength: 1000}\n",
            with: "  government: {side: loyalist, field_strength: 1000}\n"
                + "  russia: {side: loyalist, patron_of: government, field_strength: 0}\n"
        )
        .replacingOccurrences(
            of: "  - {id: war, trigger: ground_assault}\n",
            with: "  - {id: war, trigger: ground_assault}\n  - {id: air, trigger: airstrikes, threshold: 5}\n")

    /// The dotted path of a key of the table in the probe scenario.
    static func path(_ section: String, _ key: String) -> String {
        switch section {
        case "": return key
        case "actor": return "actors.russia.\(key)"
        case "region": return "regions.north.\(key)"
        case "ladder": return "ladder.2.\(key)"
        default: return "\(section).\(key)"
        }
    }

    static func problems(settings: [String]) -> [String] {
        do {
            _ = try Scenario.parse(probe, file: "probe.yaml", settings: settings)
            return []
        } catch {
            return error.errors.map(\.message)
        }
    }

    static let keys: [(section: String, key: String, ceiling: Double)] = ScenarioLimits.ceilings
        .flatMap { section, keys in keys.map { (section, $0.key, $0.value) } }
        .sorted { ($0.section, $0.key) < ($1.section, $1.key) }

    @Test func theProbeIsValid() {
        #expect(Self.problems(settings: []) == [])
    }

    /// A sweep is checked at both ends of every range (it was checked at the low ends only, so a
    /// range reaching past a ceiling passed validate and failed every replication of its points).
    @Test func aSweepIsCheckedAtBothEnds() {
        func problems(_ low: String, _ high: String) -> [String] {
            let text =
                Self.probe + "\nsweep:\n  method: grid\n  parameters:\n"
                + "    actors.government.sorties_per_day: {low: \(low), high: \(high), steps: 3}\n"
            do {
                _ = try Scenario.parse(text, file: "sweep.yaml")
                return []
            } catch {
                return error.errors.map(\.message)
            }
        }
        #expect(problems("0", "20") == [])
        #expect(
            problems("0", "1e12")
                == ["variant 'sweep': actor 'government': sorties_per_day must be at most 10000, got 1e12"])
        #expect(
            problems("1e12", "2e12")
                == [
                    "variant 'sweep': actor 'government': sorties_per_day must be at most 10000, got 1e12",
                    "variant 'sweep': actor 'government': sorties_per_day must be at most 10000, got 2e12",
                ])
    }

    /// At its ceiling each key is accepted; at twice its ceiling it is refused, naming the key, the
    /// value and the ceiling.
    @Test func everyCeilingIsEnforcedAndNamed() {
        #expect(Self.keys.count >= 25)
        for (section, key, ceiling) in Self.keys {
            let path = Self.path(section, key)
            let at = ScenarioLimits.format(ceiling)
            #expect(Self.problems(settings: ["\(path)=\(at)"]) == [], "\(path)=\(at)")
            let above = ScenarioLimits.format(2 * ceiling)
            let refused = Self.problems(settings: ["\(path)=\(above)"])
            #expect(
                refused.count == 1 && refused.first?.hasSuffix("\(key) must be at most \(at), got \(above)") == true,
                "\(path)=\(above): \(refused)")
        }
    }

    /// A distribution is held to a ceiling by its support where that ends, else by its mean and by
    /// Cantelli's bound on its 99th percentile.
    @Test func distributionsAreHeldBySupportMeanAndHighQuantile() {
        let key = "regions.north.strategic_value"
        let uniform = Self.problems(settings: ["\(key)={distribution: uniform, low: 1, high: 2000000}"])
        #expect(
            uniform == [
                "region 'north': strategic_value must be at most 1000000, but uniform(low: 1, high: 2000000) "
                    + "can take values up to 2000000"
            ])
        let mean = Self.problems(settings: ["\(key)={distribution: exponential, mean: 2000000}"])
        #expect(
            mean == [
                "region 'north': strategic_value must be at most 1000000, but exponential(mean: 2000000) "
                    + "has mean 2000000"
            ])
        // Mean 1000, sd 2 x 10^5: the mean is far below the ceiling, the tail is not.
        let tail = Self.problems(settings: ["\(key)={distribution: gamma, mean: 1000, sd: 200000}"])
        #expect(
            tail.count == 1 && tail.first?.contains("its 99th percentile may be as high as 1.99e+06") == true, "\(tail)"
        )
        // A gamma well inside the ceiling passes.
        #expect(Self.problems(settings: ["\(key)={distribution: gamma, mean: 1000, sd: 500}"]) == [])
    }

    /// The events a replication may take are estimated from the rates; more than max_events is refused
    /// (unless the whole estimate is cheap, which is how tests reach the guard on purpose).
    @Test func theEventEstimateMustFitMaxEvents() {
        let sorties = ["horizon_days=10000", "actors.government.sorties_per_day=5000"]
        let refused = Self.problems(settings: sorties)
        #expect(
            refused.count == 1 && refused.first?.hasPrefix("a replication may take about 5.06e+07 events") == true,
            "\(refused)")
        #expect(Self.problems(settings: sorties + ["max_events=100000000"]) == [])
        #expect(Self.problems(settings: ["max_events=60"]) == [])
    }

    /// The three scenarios of issue 11 that validated and then could not run.
    @Test func theScenariosThatCouldNotRunAreRefused() {
        #expect(
            Self.problems(settings: ["regions.north.strategic_value=1e308"])
                == ["region 'north': strategic_value must be at most 1000000, got 1e308"])
        #expect(
            Self.problems(settings: ["chemical_weapons.civilians_killed=1e16"])
                == ["chemical_weapons: civilians_killed must be at most 1000000, got 1e16"])
        #expect(
            Self.problems(settings: ["actors.government.sorties_per_day=1e12"])
                == ["actor 'government': sorties_per_day must be at most 10000, got 1e12"])
    }

    /// Every key of the table at its ceiling at once (with max_events raised to fit) still gives
    /// a finite replication: territory shares sum to 1, counts are whole and below 2^53.
    @Test func aReplicationAtTheCeilingsIsFinite() throws {
        var settings = [
            "regions.north.strategic_value=1000000", "regions.north.population=10000000000",
            "regions.south.population=10000000000", "regions.north.fortification=100",
            "actors.rebels.quality=100", "actors.government.sorties_per_day=10000",
            "air_campaign.civilians_injured_per_strike=1000000",
            "air_campaign.civilians_killed_per_strike=1000000",
            "air_campaign.civilians_displaced_per_strike=10000000",
            "combat.lethality_per_day=100", "combat.air_support_per_sortie=10", "max_events=1000000000",
        ]
        settings.append("chemical_weapons={daily_hazard: 1, desperation_morale: 1, civilians_killed: 1000000}")
        let scenario = try Scenario.parse(minimalScenario, file: "ceilings.yaml", settings: settings)
        let outcome = Replication.run(parameters: scenario.baseParameters, seeds: StreamSeeds(masterSeed: 1), index: 0)
        #expect(!outcome.territoryShare.contains { !$0.isFinite })
        #expect(abs(outcome.territoryShare.reduce(0, +) - 1) < 1e-9)
        for count in [outcome.civiliansKilled, outcome.civiliansInjured, outcome.civiliansDisplaced] {
            #expect(count.isFinite && count == count.rounded() && count < 9_007_199_254_740_992)
        }
        #expect(outcome.civiliansKilled >= 1_000_000)  // the chemical attack, at its ceiling
    }
}
