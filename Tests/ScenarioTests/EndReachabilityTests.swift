import EscalationModel
import Scenario
import Stochastic
import Testing

/// A small world with every mechanism switched on at a low level; each test turns one knob
/// with `--set`-style settings until the model reaches the end or rung in question. Together
/// they show that no rule makes an end impossible by construction.
let reachabilityScenario = """
    escsim: 1
    name: reachability
    horizon_days: 20
    stalemate_days: 5
    actors:
      rebels: {side: opposition, field_strength: 3000, quality: 1, morale: 0.8, assaults_per_day: 0.5}
      government: {side: loyalist, field_strength: 1000, morale: 0.6, sorties_per_day: 2}
      patron: {side: loyalist, patron_of: government, field_strength: 0, commitment: 0.5, distraction: 0.5,
               decision_interval_days: 2, reinforcement_size: 500}
      backer: {side: opposition, patron_of: rebels, posture: tolerate, field_strength: 1000,
               assaults_per_day: 1, sorties_per_day: 5, troops_hit_probability: 0}
    regions:
      base: {controller: rebels, population: 1000, garrison: 1000, neighbours: [front], patron_troops: backer}
      front: {controller: government, population: 1000, garrison: 500, neighbours: [city]}
      city: {controller: government, population: 5000, garrison: 800, key_city: true, neighbours: [capital]}
      capital: {controller: government, population: 9000, garrison: 1500, strategic_value: 3, neighbours: []}
    ladder:
      - {id: frozen, trigger: start}
      - {id: fighting, trigger: ground_assault}
      - {id: city_fight, trigger: urban_assault}
      - {id: air_war, trigger: airstrikes, threshold: 20}
      - {id: foreign_troops, trigger: foreign_ground_forces}
      - {id: chemical, trigger: chemical_weapons}
      - {id: collapse, trigger: regime_collapse}
    mediation: {attempts_per_day: 0}
    chemical_weapons: {daily_hazard: 0, desperation_morale: 0.3, minimum_rung: city_fight,
                       civilians_killed: {distribution: poisson, mean: 50}, responders: [backer]}
    collapse: {actor: government, capital: capital, morale_threshold: 0.05}
    """

/// Runs `runs` replications of the reachability world with `settings` applied.
func outcomes(_ settings: [String], runs: Int = 20) throws -> [ReplicationOutcome] {
    let scenario = try Scenario.parse(reachabilityScenario, file: "reachability.yaml", settings: settings)
    let seeds = StreamSeeds(masterSeed: 11)
    return (0..<runs).map { index in
        let (parameters, _) = scenario.draw.parameters(forReplication: index, seeds: seeds)
        return Replication.run(parameters: parameters, seeds: seeds, index: index)
    }
}

@Suite struct EndReachabilityTests {
    @Test func theRegimeCollapsesWhenItsCapitalFalls() throws {
        let runs = try outcomes([
            "actors.rebels.field_strength=30000", "actors.rebels.assaults_per_day=3",
            "collapse.morale_threshold=0",
        ])
        #expect(runs.filter { $0.endState == .regimeCollapse }.count >= 15)
        #expect(runs.contains { $0.territoryShare[0] + $0.territoryShare[3] == 1 })  // the capital went too
    }

    @Test func theRegimeCollapsesWhenItsMoraleDissolves() throws {
        let runs = try outcomes([
            "actors.rebels.field_strength=8000", "actors.rebels.assaults_per_day=2",
            "collapse.morale_threshold=0.45",
        ])
        // The war goes on after a collapse: the capital (region 3) must still be the government's
        // at the end of the day it collapsed.
        let collapsedWithCapital = runs.filter { run in
            guard run.endState == .regimeCollapse, let day = run.collapseDay else { return false }
            let after = run.snapshots.first { Double($0.day) >= day }
            return after?.controllers[3] == 1
        }
        #expect(!collapsedWithCapital.isEmpty, "no collapse by morale while the capital still stood")
    }

    @Test func mediationCanFreezeTheFront() throws {
        let runs = try outcomes(["mediation.attempts_per_day=2", "mediation.base_success=1"])
        #expect(runs.allSatisfy { $0.endState == .ceasefire })
        #expect(runs.allSatisfy { $0.finalLadderLevel == 0 && $0.ceasefireDay != nil })
    }

    @Test func aQuietFrontEndsInStalemate() throws {
        let runs = try outcomes(["actors.rebels.assaults_per_day=0", "actors.backer.assaults_per_day=0"])
        #expect(runs.allSatisfy { $0.endState == .stalemate })
    }

    @Test func aWarStillMovingAtTheHorizonIsOngoing() throws {
        let runs = try outcomes(["horizon_days=3", "stalemate_days=10", "actors.rebels.assaults_per_day=2"])
        #expect(runs.contains { $0.endState == .ongoingWar })
    }

    @Test func aDesperateRegimeCanUseChemicalWeaponsAndBringsInTheResponders() throws {
        let runs = try outcomes([
            "chemical_weapons.daily_hazard=1", "chemical_weapons.desperation_morale=1",
            "chemical_weapons.minimum_rung=frozen",
        ])
        #expect(runs.allSatisfy { $0.chemicalWeaponsDay == 1 })
        #expect(runs.allSatisfy { $0.rungFirstDay[5] == 1 && $0.peakLadderLevel >= 5 })
        #expect(runs.allSatisfy { $0.postureChanges == [1] })  // the backer moved to back its client
        #expect(runs.allSatisfy { $0.civiliansKilled >= 1 })
    }

    @Test func patronsTroopsEnterTheFight() throws {
        let runs = try outcomes([
            "actors.patron.commitment=1", "actors.patron.distraction=0",
            "actors.patron.decision_interval_days=0.5", "patron_rule.threat_sensitivity=10",
            "actors.rebels.assaults_per_day=2",
        ])
        #expect(runs.contains { $0.reinforcementsSent[0] > 0 && $0.rungFirstDay[4] != nil })
    }

    @Test func hitTroopsMakeTheirPatronBackItsClient() throws {
        let runs = try outcomes(["actors.backer.troops_hit_probability=1"])
        #expect(runs.allSatisfy { $0.postureChanges[0] >= 1 })
        // Backing brings the backer's own fighters into the war.
        #expect(runs.contains { $0.combatantLosses[3] > 0 })
    }

    @Test func everyRungIsReachedSomewhere() throws {
        var reached = Set<Int>()
        let knobs: [[String]] = [
            [
                "actors.rebels.field_strength=30000", "actors.rebels.assaults_per_day=3",
                "actors.government.sorties_per_day=30",
                "collapse.morale_threshold=0",
            ],
            [
                "chemical_weapons.daily_hazard=1", "chemical_weapons.desperation_morale=1",
                "chemical_weapons.minimum_rung=frozen",
            ],
            [
                "actors.patron.commitment=1", "actors.patron.distraction=0", "actors.patron.decision_interval_days=0.5",
                "patron_rule.threat_sensitivity=10", "actors.rebels.assaults_per_day=2",
            ],
        ]
        for settings in knobs {
            for run in try outcomes(settings) {
                for (rung, day) in run.rungFirstDay.enumerated() where day != nil { reached.insert(rung) }
            }
        }
        #expect(reached == Set(0..<7))
    }
}
