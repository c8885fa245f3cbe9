import DiscreteEvent
import Stochastic
import Testing

@testable import EscalationModel

/// Patrons that answer escalation: casualties among stationed troops, aircraft lost per sortie,
/// graded answers to hits, protection of a losing client, and mediation pressed by escalation.
struct PatronEscalationTests {
    /// The chain world with the rebels' patron (actor 2, posture tolerate) stationed in region 0,
    /// which the government's aircraft strike.
    static func world(
        troopsKilledWhenHit: Double = 0, incidentsForGroundOperation: Double = 3,
        lossesForGroundOperation: Double = 0, protectionThreshold: Double = 1
    ) -> ModelParameters {
        var patron = ActorSpec(
            id: "patron", name: "Patron", camp: .opposition, patronOf: 0, fieldStrength: 2000,
            assaultsPerDay: 1, sortiesPerDay: 10, commitment: 0.5, decisionIntervalDays: 7,
            initialPosture: .tolerate, troopsHitProbability: 1)
        patron.troopsKilledWhenHit = troopsKilledWhenHit
        var parameters = ModelFixtures.chain(sortiesPerDay: 20, patron: patron)
        parameters.regions[0].stationedPatron = 2
        parameters.patronRule.incidentsForGroundOperation = incidentsForGroundOperation
        parameters.patronRule.lossesForGroundOperation = lossesForGroundOperation
        parameters.patronRule.protectionThreshold = protectionThreshold
        return parameters
    }

    static func simulation(_ parameters: ModelParameters) -> EscalationSimulation {
        EscalationSimulation(parameters: parameters, seeds: StreamSeeds(masterSeed: 7), replication: 0)
    }

    @Test func hitsOnTroopsAreAnsweredFirstByStrikesThenByAGroundOperation() {
        var simulation = Self.simulation(Self.world(incidentsForGroundOperation: 3))
        var queue = EventQueue<ModelEvent>()
        #expect(simulation.sortieRate(of: 2) == 0, "a tolerating patron's aircraft stay out")

        simulation.respondToTroopsHit(of: 2, at: 1, queue: &queue)
        #expect(simulation.actors[2].posture == .retaliate)
        #expect(simulation.sortieRate(of: 2) > 0, "a retaliating patron's aircraft strike")
        #expect(simulation.assaultRate(of: 2) == 0, "a retaliating patron's troops stay out")
        #expect(abs(simulation.actors[2].commitment - 0.8) < 1e-12, "commitment rises by commitment_when_hit")

        simulation.respondToTroopsHit(of: 2, at: 2, queue: &queue)
        #expect(simulation.actors[2].posture == .retaliate, "two hits are not yet a ground operation")

        simulation.respondToTroopsHit(of: 2, at: 3, queue: &queue)
        #expect(simulation.actors[2].posture == .back, "the third hit brings a ground operation")
        #expect(simulation.assaultRate(of: 2) > 0)
        #expect(simulation.actors[2].commitment == 1, "commitment is capped at 1")
    }

    @Test func aRetaliatingPatronFliesNoStrikesAfterACeasefire() {
        var simulation = Self.simulation(Self.world())
        var queue = EventQueue<ModelEvent>()
        simulation.respondToTroopsHit(of: 2, at: 1, queue: &queue)
        #expect(simulation.sortieRate(of: 2) > 0)
        simulation.ceasefireDay = 2
        #expect(simulation.sortieRate(of: 2) == 0)
    }

    @Test func aGroundOperationComesOnceLossesPassTheirThreshold() {
        var simulation = Self.simulation(
            Self.world(troopsKilledWhenHit: 50, incidentsForGroundOperation: 1000, lossesForGroundOperation: 1))
        var queue = EventQueue<ModelEvent>()
        var hits = 0
        while simulation.actors[2].troopsLostToHits < 1, hits < 100 {
            #expect(simulation.actors[2].posture != .back, "backed before any loss")
            simulation.respondToTroopsHit(of: 2, at: Double(hits), queue: &queue)
            hits += 1
        }
        #expect(simulation.actors[2].posture == .back)
    }

    @Test func theDefaultRuleBacksTheClientAtTheFirstHit() {
        var parameters = Self.world()
        parameters.patronRule = PatronRule()
        var simulation = Self.simulation(parameters)
        var queue = EventQueue<ModelEvent>()
        simulation.respondToTroopsHit(of: 2, at: 1, queue: &queue)
        #expect(simulation.actors[2].posture == .back)
    }

    @Test func aRetaliationOutlastsAReviewThatWouldStandDown() {
        var simulation = Self.simulation(Self.world())
        var queue = EventQueue<ModelEvent>()
        simulation.respondToTroopsHit(of: 2, at: 1, queue: &queue)
        // retaliation_days defaults to 7: a review on day 5 keeps the air arm in, one on day 9 does not.
        #expect(simulation.keepingRetaliation(of: 2, .tolerate, at: 5) == .retaliate)
        #expect(simulation.keepingRetaliation(of: 2, .back, at: 5) == .back)
        #expect(simulation.keepingRetaliation(of: 2, .restrain, at: 9) == .restrain)
    }

    @Test func aPatronWhoseHitsCostNothingLosesNoTroops() {
        var simulation = Self.simulation(Self.world(troopsKilledWhenHit: 0))
        var queue = EventQueue<ModelEvent>()
        for hit in 0..<20 { simulation.respondToTroopsHit(of: 2, at: Double(hit), queue: &queue) }
        #expect(simulation.actors[2].losses == 0)
        #expect(simulation.actors[2].fieldStrength == 2000)
    }

    @Test func aPatronWhoseHitsCostFightersLosesThem() {
        var simulation = Self.simulation(Self.world(troopsKilledWhenHit: 5))
        var queue = EventQueue<ModelEvent>()
        for hit in 0..<20 { simulation.respondToTroopsHit(of: 2, at: Double(hit), queue: &queue) }
        let lost = simulation.actors[2].losses
        // 20 geometric draws of mean 5: the total has mean 100 and sd about 24.
        #expect(lost > 20 && lost < 250, "lost \(lost)")
        #expect(simulation.actors[2].fieldStrength == 2000 - lost)
    }

    @Test func troopLossesReachTheOutcomeInARun() {
        let outcome = ModelFixtures.run(Self.world(troopsKilledWhenHit: 5))
        #expect(outcome.combatantLosses[2] > 0, "a struck patron with troops_killed_when_hit 5 lost nothing")
    }

    @Test func aircraftAreLostPerSortieAtTheirProbability() {
        var parameters = ModelFixtures.chain(rebelAssaultsPerDay: 0, sortiesPerDay: 20)
        parameters.actors[1].aircraftLossPerSortie = 1
        let certain = ModelFixtures.run(parameters)
        #expect(certain.finalState.strikes[1] > 0)
        #expect(certain.finalState.aircraftLost[1] == certain.finalState.strikes[1])
        #expect(certain.finalState.aircraftLost[0] == 0)

        parameters.actors[1].aircraftLossPerSortie = 0
        let never = ModelFixtures.run(parameters)
        #expect(never.finalState.strikes[1] > 0)
        #expect(never.finalState.aircraftLost[1] == 0)
    }

    @Test func aircraftLostIsADailySeries() {
        var parameters = ModelFixtures.chain(rebelAssaultsPerDay: 0, sortiesPerDay: 20)
        parameters.actors[1].aircraftLossPerSortie = 1
        let outcome = ModelFixtures.run(parameters)
        let column = DailySeriesCatalogue.columns(for: parameters).first { $0.name == "aircraft_lost_government" }
        #expect(column != nil)
        if let column {
            #expect(column.value(outcome.finalState) == Double(outcome.finalState.strikes[1]))
        }
    }

    @Test func mediationPressureRisesWithTheLadderAndClashes() {
        var parameters = Self.world()
        parameters.mediation.clashWeight = 0.05
        parameters.mediation.ladderWeight = 0.2
        var simulation = Self.simulation(parameters)
        #expect(simulation.escalationPressure() == 0)
        simulation.ladderLevel = 5  // the top of the fixture's six rungs
        #expect(abs(simulation.escalationPressure() - 0.2) < 1e-12)
        simulation.actors[2].troopIncidents = 2
        #expect(abs(simulation.escalationPressure() - 0.3) < 1e-12)

        var unweighted = Self.simulation(Self.world())
        unweighted.ladderLevel = 5
        unweighted.actors[2].troopIncidents = 10
        #expect(unweighted.escalationPressure() == 0, "weights 0 add nothing")
    }

    @Test func aClimbingLadderBringsACeasefireOnlyWhenItWeighs() {
        var parameters = ModelFixtures.chain(rebelAssaultsPerDay: 0.5, horizon: 30)
        parameters.mediation.attemptsPerDay = 1
        parameters.mediation.baseSuccess = 0
        let without = ModelFixtures.run(parameters)
        #expect(without.ceasefireDay == nil, "mediation with no chance succeeded")
        parameters.mediation.ladderWeight = 5
        var ceasefires = 0
        for replication in 0..<10 where ModelFixtures.run(parameters, replication: replication).ceasefireDay != nil {
            ceasefires += 1
        }
        #expect(ceasefires >= 8, "only \(ceasefires) of 10 runs reached a ceasefire")
    }

    @Test func aProtectionThresholdOfOneNeverTriggers() {
        var simulation = Self.simulation(Self.world(protectionThreshold: 1))
        var queue = EventQueue<ModelEvent>()
        simulation.actors[2].commitment = 1
        simulation.regions[0].controller = 1  // the client's camp has lost everything
        #expect(simulation.loss(of: .opposition) == 1)
        for day in 0..<50 {
            #expect(!simulation.considerProtecting(clientOf: 2, at: Double(day), queue: &queue))
        }
        #expect(simulation.actors[2].posture == .tolerate)
    }

    @Test func aCommittedPatronProtectsAClientPastTheThreshold() {
        var simulation = Self.simulation(Self.world(protectionThreshold: 0.2))
        var queue = EventQueue<ModelEvent>()
        simulation.actors[2].commitment = 1
        #expect(
            !simulation.considerProtecting(clientOf: 2, at: 0, queue: &queue), "protects a client that lost nothing")
        simulation.regions[0].controller = 1
        // loss 1, threshold 0.2: P = 1 x min(1, 3 x 0.8) = 1.
        #expect(simulation.considerProtecting(clientOf: 2, at: 1, queue: &queue))
        #expect(simulation.actors[2].posture == .back)
    }

    /// Declared aims keep a posture holder backing its client: with its objectives pending and an
    /// audience cost of 1, a fully committed patron backs at every review, though no ground has
    /// been taken; without them (cost 0) the review never backs, nothing having been taken.
    @Test func declaredAimsKeepAPatronBacking() {
        for (cost, expectBack) in [(1.0, true), (0.0, false)] {
            var parameters = Self.world()
            parameters.actors[2].commitment = 1
            parameters.actors[2].objectives = [ObjectivePhase(regions: [1])]
            parameters.patronRule.audienceCost = cost
            parameters.patronRule.restraintPerRung = 0
            for review in 0..<20 {
                var simulation = Self.simulation(parameters)
                var queue = EventQueue<ModelEvent>()
                #expect(simulation.aimsPending(of: 2))
                simulation.decide(as: 2, at: Double(review), queue: &queue)
                #expect((simulation.actors[2].posture == .back) == expectBack, "audience cost \(cost)")
            }
        }
    }
}
