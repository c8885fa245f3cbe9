import DiscreteEvent
import EscalationModel
import Stochastic
import Testing

@Suite struct EscalationModelTests {
    @Test func anOverwhelmingOffensiveTakesTheCapitalAndTheWarGoesOn() {
        let parameters = ModelFixtures.chain(rebelStrength: 20_000, governmentGarrison: 100)
        let outcome = ModelFixtures.run(parameters)
        #expect(outcome.collapseDay != nil)
        #expect(outcome.endState == .regimeCollapse)
        // Collapse is an event: the run goes on to the horizon.
        #expect(outcome.stopReason != .stopCondition)
        #expect(outcome.endDay == parameters.horizonDays)
        #expect(outcome.collapseDay! < outcome.endDay)
        #expect(outcome.cityFallDay[0] != nil)
        #expect(outcome.cityFallDay[0]! <= outcome.collapseDay!)
        #expect(outcome.territoryShare[0] > 0.5)
        #expect(outcome.peakLadderLevel == 5)  // the collapse rung
    }

    @Test func aNonAggressiveWorldStaysFrozenToTheHorizon() {
        let outcome = ModelFixtures.run(ModelFixtures.chain(rebelAssaultsPerDay: 0))
        #expect(outcome.stopReason == .queueExhausted || outcome.stopReason == .horizonReached)
        #expect(outcome.collapseDay == nil)
        #expect(outcome.peakLadderLevel == 0)
        #expect(outcome.cityFallDay == [nil])
        #expect(outcome.territoryShare == [1.0 / 3.0, 2.0 / 3.0])
    }

    @Test func territorySharesSumToOneAndNothingGoesNegative() {
        let parameters = ModelFixtures.chain(regions: 5, rebelStrength: 4000, governmentGarrison: 800, sortiesPerDay: 5)
        for replication in 0..<200 {
            let outcome = ModelFixtures.run(parameters, replication: replication)
            #expect(abs(outcome.territoryShare.reduce(0, +) - 1) < 1e-12)
            #expect(outcome.territoryShare.allSatisfy { $0 >= 0 })
            #expect(outcome.combatantLosses.allSatisfy { $0 >= 0 })
            #expect(outcome.civiliansKilled >= 0 && outcome.civiliansDisplaced >= 0)
            #expect(outcome.civiliansDisplaced <= 5 * 100_000)
        }
    }

    @Test func aReplicationDependsOnlyOnItsSeedAndIndex() {
        let parameters = ModelFixtures.chain(sortiesPerDay: 3)
        let first = ModelFixtures.run(parameters, seed: 42, replication: 17)
        let again = ModelFixtures.run(parameters, seed: 42, replication: 17)
        let other = ModelFixtures.run(parameters, seed: 42, replication: 18)
        #expect(first == again)
        #expect(first != other)
    }

    /// Airstrikes are a Poisson process at sorties x commitment: over n replications of T days the
    /// count is Poisson(n x rate x T), so the mean per run lies within 4 sd of rate x T.
    @Test func airstrikesFollowThePoissonRate() {
        let rate = 6.0
        let horizon = 10.0
        let runs = 400
        var parameters = ModelFixtures.chain(rebelAssaultsPerDay: 0, sortiesPerDay: rate, horizon: horizon)
        parameters.airCampaign.civiliansKilledPerStrike = .poisson(mean: 0.096)
        var strikes = 0.0
        var killed = 0.0
        for replication in 0..<runs {
            let outcome = ModelFixtures.run(parameters, replication: replication)
            strikes += Double(outcome.airstrikes)
            killed += outcome.civiliansKilled
        }
        let expected = rate * horizon * Double(runs)
        #expect(abs(strikes - expected) < 4 * expected.squareRoot(), "strikes \(strikes), expected \(expected)")
        // Killed per strike is Poisson(0.096) per strike: the total is Poisson(0.096 x strikes).
        let expectedKilled = 0.096 * strikes
        #expect(
            abs(killed - expectedKilled) < 4 * expectedKilled.squareRoot(),
            "killed \(killed), expected \(expectedKilled)")
    }

    @Test func aThreatenedCommittedPatronReinforces() {
        let patron = ActorSpec(
            id: "patron", name: "Patron", camp: .loyalist, patronOf: 1, fieldStrength: 0,
            commitment: 1, distraction: 0, decisionIntervalDays: 1, reinforcementSize: 1000,
            reinforcementDelayDays: 1)
        let parameters = ModelFixtures.chain(
            regions: 6, rebelStrength: 6000, governmentGarrison: 300, patron: patron,
            moraleThreshold: 0)
        var sent = 0.0
        for replication in 0..<50 {
            sent += ModelFixtures.run(parameters, replication: replication).reinforcementsSent[0]
        }
        #expect(sent >= 1000 * 25, "a fully committed, undistracted patron reinforced only \(sent) fighters in 50 runs")
    }

    @Test func aFullyDistractedPatronNeverReinforces() {
        let patron = ActorSpec(
            id: "patron", name: "Patron", camp: .loyalist, patronOf: 1, fieldStrength: 0,
            commitment: 1, distraction: 1, decisionIntervalDays: 1, reinforcementSize: 1000)
        let parameters = ModelFixtures.chain(regions: 6, governmentGarrison: 300, patron: patron)
        for replication in 0..<50 {
            #expect(ModelFixtures.run(parameters, replication: replication).reinforcementsSent == [0])
        }
    }

    @Test func theMaxEventsGuardIsReported() {
        var parameters = ModelFixtures.chain(sortiesPerDay: 50)
        parameters.maxEvents = 20
        let outcome = ModelFixtures.run(parameters)
        #expect(outcome.stopReason == .maxEventsReached)
        #expect(outcome.eventsProcessed == 20)
    }

    @Test func theOutcomeSchemaMatchesTheValuesItWrites() {
        let parameters = ModelFixtures.chain(sortiesPerDay: 2)
        let schema = OutcomeSchema(parameters: parameters)
        let values = schema.values(of: ModelFixtures.run(parameters))
        #expect(values.count == schema.columns.count)
        #expect(schema.columns.first?.name == "r1_fell")
        #expect(Set(schema.columns.map(\.name)).count == schema.columns.count)
    }
}
