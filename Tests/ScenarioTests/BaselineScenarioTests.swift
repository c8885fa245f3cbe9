import EscalationModel
import Foundation
import Scenario
import Stochastic
import Testing

/// The shipped scenarios, found from this file's location.
enum ShippedScenarios {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios")

    static var baseline: String { directory.appendingPathComponent("aleppo-2024.yaml").path }
}

@Suite struct BaselineScenarioTests {
    @Test func baselineLoadsWithTheArticlesActorsAndItsRegions() throws {
        let scenario = try Scenario.load(path: ShippedScenarios.baseline)
        let parameters = scenario.baseParameters
        #expect(scenario.name == "aleppo-2024")
        #expect(parameters.actors.map(\.id) == ["hts", "sna", "regime", "russia", "iran", "hezbollah", "turkey"])
        let regions = Set(parameters.regions.map(\.id))
        for required in [
            "idlib", "west_aleppo", "aleppo_city", "tal_rifaat", "manbij", "hama", "homs", "coast",
            "damascus",
        ] {
            #expect(regions.contains(required), "missing region \(required)")
        }
        #expect(parameters.actors[3].patronOf == 2)  // Russia backs the regime
        #expect(parameters.keyCities.map { parameters.regions[$0].id }.first == "aleppo_city")
    }

    @Test func neighboursAreMutualEvenWhenListedOnce() throws {
        let parameters = try Scenario.load(path: ShippedScenarios.baseline).baseParameters
        for (index, region) in parameters.regions.enumerated() {
            for other in region.neighbours {
                #expect(
                    parameters.regions[other].neighbours.contains(index),
                    "\(region.id) -> \(parameters.regions[other].id) is one-way")
            }
        }
    }

    @Test func russianCommitmentIsDrawnPerReplication() throws {
        let scenario = try Scenario.load(path: ShippedScenarios.baseline)
        let engine = [
            "combat.lethality_per_day", "combat.occupation_share", "combat.morale_shock", "combat.morale_weight",
            "combat.air_support_per_sortie", "combat.killed_share", "combat.captured_share",
            "combat.off_objective_weight", "cascade.local_shock", "cascade.withdrawal_morale",
            "cascade.withdrawal_delay_days", "cascade.threshold_spread", "cascade.contagion",
            "cascade.desertion_share", "patron_rule.threat_sensitivity", "patron_rule.drawdown_propensity",
            "patron_rule.drawdown_factor", "patron_rule.restraint_per_rung", "patron_rule.restrained_assault_factor",
            "patron_rule.backed_assault_factor", "patron_rule.morale_boost_per_thousand",
            "patron_rule.incidents_for_ground_operation", "patron_rule.losses_for_ground_operation",
            "patron_rule.retaliation_days", "patron_rule.protection_threshold", "patron_rule.audience_cost",
            "mediation.attempts_per_day",
            "mediation.base_success", "mediation.exhaustion_weight", "mediation.loss_weight",
            "mediation.clash_weight", "mediation.ladder_weight", "mediation.breakdown_per_day",
            "siege.strength_loss_per_day",
            "siege.morale_loss_per_day", "siege.deal_morale", "siege.deal_probability_per_day",
            "chemical_weapons.daily_hazard", "chemical_weapons.desperation_morale", "collapse.morale_threshold",
            "collapse.dissolved_share", "collapse.garrison_shock", "ground_harm.civilians_killed_per_fighter_lost",
            "ground_harm.injured_per_killed", "displacement.flight_under_assault",
            "displacement.flight_after_capture", "displacement.flight_near_fighting", "displacement.return_rate",
            "deals.loss_threshold", "deals.sensitivity",
            "supply.projection_decay",
        ]
        #expect(
            scenario.uncertainParameters.map(\.path) == [
                "actors.hts.field_strength", "actors.hts.quality", "actors.hts.morale",
                "actors.hts.assaults_per_day", "actors.hts.minimum_force_ratio", "actors.sna.field_strength",
                "actors.sna.morale", "actors.sna.minimum_force_ratio", "actors.regime.field_strength",
                "actors.regime.morale", "actors.regime.minimum_force_ratio", "actors.regime.off_map_value",
                "actors.russia.commitment", "actors.iran.field_strength", "actors.iran.morale",
                "actors.iran.minimum_force_ratio", "actors.iran.commitment", "actors.hezbollah.field_strength",
                "actors.hezbollah.morale", "actors.hezbollah.minimum_force_ratio", "actors.hezbollah.commitment",
                "actors.turkey.field_strength", "actors.turkey.morale", "actors.turkey.minimum_force_ratio",
                "actors.turkey.commitment",
            ] + engine)
        // The sections' uncertain numbers are all the shared engine's.
        #expect(scenario.enginePaths == Set(engine))
        let seeds = StreamSeeds(masterSeed: 7)
        let (first, firstDraws) = scenario.draw.parameters(forReplication: 0, seeds: seeds)
        let (second, secondDraws) = scenario.draw.parameters(forReplication: 1, seeds: seeds)
        #expect(first.actors[3].commitment == firstDraws[12])
        #expect(second.actors[3].commitment == secondDraws[12])
        #expect(firstDraws != secondDraws)
        // The same replication draws the same value every time.
        #expect(scenario.draw.parameters(forReplication: 0, seeds: seeds).1 == firstDraws)
        // Beta(mean 0.45, sd 0.15): the base parameters hold the mean.
        #expect(abs(scenario.baseParameters.actors[3].commitment - 0.45) < 1e-12)
    }
}
