import DiscreteEvent
import Stochastic
import Testing

@testable import EscalationModel

/// Any number of camps: hostility decides who fights whom, deals make neutral camps allies, and a
/// patron in another camp acts for its client only after the deal, garrisoning its front.
struct CampTests {
    /// Three camps on a line of four regions: the attackers (r0), the defenders (r1, r2) and a
    /// third camp (r3) holding the far end, neutral to the defenders and hostile to the attackers.
    /// The third camp's `protector` is the defenders' patron and garrisons their front once allied.
    static func world(sensitivity: Double, lossThreshold: Double = 0) -> ModelParameters {
        var parameters = ModelFixtures.chain(regions: 4, rebelStrength: 8000, governmentGarrison: 600)
        parameters.camps = [
            CampSpec(id: "attackers", name: "Attackers"),
            CampSpec(id: "defenders", name: "Defenders", neutral: [2]),
            CampSpec(id: "third", name: "Third camp"),
        ]
        // The third camp's own actor attacks whatever hostile ground it borders.
        let holder = ActorSpec(
            id: "holder", name: "Holder", camp: Camp(2), fieldStrength: 3000, morale: 0.8, assaultsPerDay: 1,
            assaultCommitment: 0.5)
        var protector = ActorSpec(
            id: "protector", name: "Protector", camp: Camp(2), patronOf: 1, fieldStrength: 0, morale: 0.8,
            commitment: 1, decisionIntervalDays: 0.5, reinforcementSize: 1000, reinforcementDelayDays: 0.5,
            reinforcementTarget: .garrisons)
        protector.assaultsPerDay = 0
        parameters.actors += [holder, protector]
        parameters.regions[3].controller = 2
        parameters.regions[3].garrison = 800
        parameters.collapse = CollapseRule(actor: 1, capital: 2, moraleThreshold: 0.01)
        parameters.deals = DealParameters(lossThreshold: lossThreshold, sensitivity: sensitivity)
        parameters.patronRule.threatSensitivity = 5
        return parameters
    }

    @Test func theDefaultCampsAreTwoHostileOnes() {
        let stances = ModelFixtures.chain().initialStances
        #expect(stances == [.allied, .hostile, .hostile, .allied])
    }

    @Test func stancesListedOnOneCampHoldBothWays() {
        let camps = [
            CampSpec(id: "a", name: "A", neutral: [2]), CampSpec(id: "b", name: "B", allied: [0]),
            CampSpec(id: "c", name: "C"),
        ]
        let stances = ModelParameters.stances(of: camps)
        #expect(stances[0 * 3 + 2] == .neutral && stances[2 * 3 + 0] == .neutral)
        #expect(stances[1 * 3 + 0] == .allied && stances[0 * 3 + 1] == .allied)
        #expect(stances[1 * 3 + 2] == .hostile && stances[2 * 3 + 1] == .hostile)
    }

    /// Without a deal, the third camp and the defenders never take ground from each other, nor does
    /// its patron act for them; the attackers do fight the defenders. Fixed seeds, 40 replications.
    @Test func neutralCampsDoNotFightAndTheirPatronsWait() {
        let parameters = Self.world(sensitivity: 0)
        var defenderLosses = 0.0
        for replication in 0..<40 {
            let outcome = ModelFixtures.run(parameters, seed: 3, replication: replication)
            #expect(outcome.dealDay == nil)
            #expect(outcome.reinforcementsSent == [0], "a patron in a neutral camp waits for a deal")
            for (before, after) in zip(outcome.snapshots, outcome.snapshots.dropFirst()) {
                for region in 1...2 where before.controllers[region] == 1 {
                    #expect(after.controllers[region] != 2, "the third camp took a defenders' region")
                }
                #expect(after.controllers[3] != 1)
            }
            #expect(outcome.combatantLosses[3] == 0, "the protector sends no one")
            defenderLosses += outcome.combatantLosses[1]
        }
        #expect(defenderLosses > 0, "the attackers fight the defenders")
    }

    /// With a sure deal at the first loss, the camps ally, the protector sends troops, and they
    /// stand in the defenders' front-line garrisons as the protector's.
    @Test func aDealWakesThePatronWhoseTroopsGarrisonTheFront() throws {
        let parameters = Self.world(sensitivity: 1000)
        var deals = 0
        var sent = 0
        for replication in 0..<40 {
            var run = Simulation(
                model: EscalationSimulation(
                    parameters: parameters, seeds: StreamSeeds(masterSeed: 3), replication: replication))
            run.model.start(queue: &run.queue)
            _ = run.run(until: parameters.horizonDays, maxEvents: parameters.maxEvents)
            let simulation = run.model
            guard let day = simulation.dealDay else {
                #expect(simulation.actors[3].reinforcementsSent == 0)
                continue
            }
            deals += 1
            #expect(simulation.areFriendly(Camp(1), Camp(2)) && simulation.areFriendly(Camp(2), Camp(1)))
            #expect(!simulation.areHostile(Camp(1), Camp(2)))
            #expect(day >= 1, "deals are struck at daily reviews")
            // Fully committed and undistracted, the protector deploys as the deal's term.
            #expect(simulation.actors[3].reinforcementsSent >= 1000)
            if simulation.actors[3].reinforcementsSent > 0 { sent += 1 }
            for region in simulation.regions.indices where simulation.regions[region].stationedActor >= 0 {
                #expect(simulation.regions[region].stationedActor == 3)
                #expect(simulation.regions[region].controller == 1, "stationed troops stand in the client's ground")
                #expect((0...1).contains(simulation.regions[region].stationedShare))
            }
        }
        #expect(deals > 10, "a sure deal after the first loss is struck whenever the defenders lose ground")
        #expect(sent > 0, "the protector reinforces once allied")
    }

    /// A garrison with a patron's troops in it: its losses are split by their share.
    @Test func stationedTroopsLossesAreThePatrons() {
        var simulation = EscalationSimulation(
            parameters: Self.world(sensitivity: 0), seeds: StreamSeeds(masterSeed: 1), replication: 0)
        simulation.station(600, of: 3, for: 1)
        let front = simulation.regions[1]
        #expect(front.stationedActor == 3)
        #expect(abs(front.garrison - 1200) < 1e-9 && abs(front.stationedShare - 0.5) < 1e-12)
        simulation.recordGarrisonCasualties(100, of: 1, stationed: 3, share: front.stationedShare)
        #expect(abs(simulation.actors[3].losses - 50) < 1e-9 && abs(simulation.actors[1].losses - 50) < 1e-9)
        simulation.withdrawStationed(from: 1)
        #expect(abs(simulation.regions[1].garrison - 600) < 1e-9)
        #expect(abs(simulation.actors[3].fieldStrength - 600) < 1e-9, "they go back to the patron's field force")
    }

    /// Hostility is what target choice asks: the attackers target the defenders' front region and,
    /// once the third camp is neutral to them too, never the third camp's.
    @Test func assaultsGoOnlyToHostileGround() {
        var parameters = Self.world(sensitivity: 0)
        parameters.regions[0].neighbours = [1, 3]
        parameters.regions[3].neighbours = [2, 0]
        parameters.camps[0].neutral = [2]
        let simulation = EscalationSimulation(parameters: parameters, seeds: StreamSeeds(masterSeed: 1), replication: 0)
        for _ in 0..<50 {
            if let target = simulation.chooseTarget(for: 0, force: 4000) {
                #expect(simulation.regions[target].controller == 1)
            }
        }
        #expect(simulation.bordersHostile(0, of: Camp(0)))
        #expect(!simulation.areHostile(Camp(0), Camp(2)))
    }
}
