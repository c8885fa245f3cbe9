import DiscreteEvent
import Stochastic
import Testing

@testable import EscalationModel

/// Mediation: an attempt's chance grows with the months of war, not with the scenario's horizon.
struct MediationTests {
    static func simulation(horizon: Double, replication: Int, baseSuccess: Double = 0) -> EscalationSimulation {
        var parameters = ModelFixtures.chain(horizon: horizon)
        parameters.mediation = MediationParameters(attemptsPerDay: 0, baseSuccess: baseSuccess, exhaustionWeight: 1)
        return EscalationSimulation(
            parameters: parameters, seeds: StreamSeeds(masterSeed: 11), replication: replication)
    }

    /// At day 15 with exhaustion_weight 1 per month an attempt succeeds with probability 0.5,
    /// whether the scenario's horizon is 30 days or 300: the same draws give the same outcome in
    /// each replication, and the share over n = 2,000 is 0.5 within 4 standard errors.
    @Test func wearinessDependsOnTheDayNotTheHorizon() {
        let n = 2000
        var ceasefires = 0
        for replication in 0..<n {
            var short = Self.simulation(horizon: 30, replication: replication)
            var long = Self.simulation(horizon: 300, replication: replication)
            var queue = EventQueue<ModelEvent>()
            short.attemptMediation(at: 15, queue: &queue)
            long.attemptMediation(at: 15, queue: &queue)
            #expect((short.ceasefireDay == nil) == (long.ceasefireDay == nil))
            if short.ceasefireDay != nil { ceasefires += 1 }
        }
        let share = Double(ceasefires) / Double(n)
        #expect(abs(share - 0.5) < 4 * (0.25 / Double(n)).squareRoot(), "share \(share)")
    }

    /// The first ceasefire is the war's: a later attempt neither moves its day nor schedules more.
    @Test func aCeasefireIsNotBrokeredTwice() {
        var simulation = Self.simulation(horizon: 30, replication: 0, baseSuccess: 1)
        var queue = EventQueue<ModelEvent>()
        simulation.attemptMediation(at: 5, queue: &queue)
        #expect(simulation.ceasefireDay == 5)
        simulation.attemptMediation(at: 9, queue: &queue)
        #expect(simulation.ceasefireDay == 5)
    }

    /// A ceasefire that breaks down thaws the front: the rebels' assaults resume and the count of
    /// ceasefires keeps the broken one; with no hazard the ceasefire holds.
    @Test func aCeasefireThatBreaksDownThawsTheFront() {
        for (hazard, breaks) in [(1.0, true), (0.0, false)] {
            var parameters = ModelFixtures.chain()
            parameters.mediation = MediationParameters(attemptsPerDay: 0, baseSuccess: 1)
            parameters.mediation.breakdownPerDay = hazard
            var simulation = EscalationSimulation(
                parameters: parameters, seeds: StreamSeeds(masterSeed: 11), replication: 0)
            var queue = EventQueue<ModelEvent>()
            simulation.attemptMediation(at: 1, queue: &queue)
            #expect(simulation.assaultRate(of: 0) == 0, "no assaults under a ceasefire")
            simulation.reviewCeasefire(at: 2, queue: &queue)
            #expect((simulation.ceasefireDay == nil) == breaks)
            #expect((simulation.assaultRate(of: 0) > 0) == breaks)
            #expect(simulation.ceasefires == 1)
        }
    }
}
