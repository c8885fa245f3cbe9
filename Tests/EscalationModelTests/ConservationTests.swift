import DiscreteEvent
import Stochastic
import Testing

@testable import EscalationModel

/// Steps replications through the kernel a quarter day at a time and checks the world's books
/// after every step: nothing negative, morale in [0, 1], territory shares summing to 1.
@Suite struct ConservationTests {
    func checkBooks(_ model: EscalationSimulation) {
        for actor in model.actors {
            #expect(actor.fieldStrength >= -1e-9 && actor.losses >= 0)
            #expect((0...1).contains(actor.morale))
        }
        for region in model.regions {
            #expect(region.garrison >= -1e-9 && region.population >= 0)
            #expect((0...1).contains(region.garrisonMorale))
        }
        for engagement in model.engagements.compactMap({ $0 }) {
            #expect(engagement.attackers >= 0 && engagement.defenders >= 0)
        }
        #expect(abs(model.territoryShares().reduce(0, +) - 1) < 1e-12)
        // The cached border counts agree with the map.
        for region in model.regions.indices {
            for camp in model.parameters.camps.indices {
                let held = model.parameters.regions[region].neighbours.filter {
                    model.parameters.actors[model.regions[$0].controller].camp.index == camp
                }.count
                #expect(model.neighboursHeld[camp * model.regions.count + region] == held)
            }
        }
        #expect(model.civiliansKilled >= 0 && model.civiliansInjured >= 0 && model.civiliansDisplaced >= 0)
    }

    @Test func theBooksBalanceThroughoutARun() {
        var parameters = ModelFixtures.chain(regions: 6, rebelStrength: 6000, governmentGarrison: 700, sortiesPerDay: 8)
        parameters.cascade = CascadeParameters(localShock: 0.2, withdrawalMorale: 0.4, withdrawalDelayDays: 0.5)
        parameters.actors[1].assaultsPerDay = 1
        parameters.actors[1].fieldStrength = 3000
        for replication in 0..<40 {
            let model = EscalationSimulation(
                parameters: parameters, seeds: StreamSeeds(masterSeed: 3),
                replication: replication)
            var simulation = Simulation(model: model)
            simulation.model.start(queue: &simulation.queue)
            var day = 0.25
            while day <= parameters.horizonDays {
                let summary = simulation.run(until: day, maxEvents: 1_000_000)
                checkBooks(simulation.model)
                if summary.reason == .stopCondition || summary.reason == .queueExhausted { break }
                day += 0.25
            }
        }
    }

    @Test func dailySnapshotsAreCompleteAndConsistent() {
        let parameters = ModelFixtures.chain(
            regions: 5, rebelStrength: 4000, rebelAssaultsPerDay: 0.5,
            sortiesPerDay: 4, horizon: 12)
        let outcome = ModelFixtures.run(parameters, replication: 2)
        let days = Int(outcome.endDay.rounded(.down))
        #expect(outcome.snapshots.map(\.day) == Array(1...max(1, days)).prefix(outcome.snapshots.count).map { $0 })
        for snapshot in outcome.snapshots {
            #expect(abs(snapshot.territoryShare.reduce(0, +) - 1) < 1e-12)
        }
        // Cumulative harm never goes down from one day to the next.
        for (earlier, later) in zip(outcome.snapshots, outcome.snapshots.dropFirst()) {
            #expect(later.civiliansKilled >= earlier.civiliansKilled)
            #expect(later.civiliansDisplaced >= earlier.civiliansDisplaced)
        }
    }
}
