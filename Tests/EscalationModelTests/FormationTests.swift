import DiscreteEvent
import Stochastic
import Testing

@testable import EscalationModel

/// Formations breaking at their own lines, what becomes of their fighters, contagion through a
/// camp, strategic depth, and the war going on after collapse and ceasefire.
@Suite struct FormationTests {
    /// A chain where garrisons break easily and their fighters desert, surrender or fall back.
    func breakingChain() -> ModelParameters {
        var parameters = ModelFixtures.chain(regions: 6, rebelStrength: 6000, governmentGarrison: 700, sortiesPerDay: 8)
        parameters.cascade = CascadeParameters(
            localShock: 0.2, withdrawalMorale: 0.4, withdrawalDelayDays: 0.5, thresholdSpread: 0.5, contagion: 1,
            desertionShare: 0.3)
        parameters.combat.killedShare = 0.3
        parameters.combat.capturedShare = 0.3
        parameters.actors[1].assaultsPerDay = 1
        parameters.actors[1].fieldStrength = 3000
        return parameters
    }

    func model(_ parameters: ModelParameters, replication: Int = 0) -> Simulation<EscalationSimulation> {
        let model = EscalationSimulation(
            parameters: parameters, seeds: StreamSeeds(masterSeed: 5), replication: replication)
        var simulation = Simulation(model: model)
        simulation.model.start(queue: &simulation.queue)
        return simulation
    }

    /// Every fighter is somewhere: in a field force, a garrison, a fight, or counted lost.
    @Test func fightersAreConservedThroughBreaksRetreatsAndSurrenders() {
        let parameters = breakingChain()
        let initial =
            parameters.actors.reduce(0) { $0 + $1.fieldStrength } + parameters.regions.reduce(0) { $0 + $1.garrison }
        var sawCapture = false
        var sawDesertion = false
        for replication in 0..<30 {
            var simulation = model(parameters, replication: replication)
            var day = 0.5
            while day <= parameters.horizonDays {
                _ = simulation.run(until: day, maxEvents: 1_000_000)
                let world = simulation.model
                let engaged = world.engagements.compactMap { $0 }.reduce(0) { $0 + $1.attackers + $1.defenders }
                let total =
                    world.actors.reduce(0) { $0 + $1.fieldStrength + $1.losses }
                    + world.regions.reduce(0) { $0 + $1.garrison } + engaged
                #expect(abs(total - initial) < 1e-6 * initial)
                day += 0.5
            }
            sawCapture = sawCapture || simulation.model.actors[1].captured > 0
            sawDesertion = sawDesertion || simulation.model.actors[1].deserted > 0
        }
        #expect(sawCapture && sawDesertion)
    }

    @Test func killedAreTheKilledShareOfThoseHitByFire() {
        let parameters = breakingChain()
        let simulation = model(parameters)
        var run = simulation
        _ = run.run(until: parameters.horizonDays, maxEvents: 1_000_000)
        for actor in run.model.actors where actor.losses > 0 {
            let byFire = actor.losses - actor.captured - actor.deserted
            #expect(abs(actor.killed - 0.3 * byFire) < 1e-9 * max(1, byFire))
        }
    }

    @Test func eachFormationBreaksAtItsOwnLine() {
        var parameters = ModelFixtures.chain(regions: StreamLayout.maximumRegions)
        parameters.cascade.withdrawalMorale = 0.2
        let stream = RandomStream(seeds: StreamSeeds(masterSeed: 9), replication: 0, stream: StreamLayout.cascade)
        let same = EscalationSimulation.formations(of: parameters, thresholds: stream)
        #expect(same.allSatisfy { $0.breakingMorale == 0.2 })

        parameters.cascade.thresholdSpread = 0.5
        let lines = EscalationSimulation.formations(of: parameters, thresholds: stream).map(\.breakingMorale)
        #expect(Set(lines).count == lines.count)
        // Mean 0.2 and coefficient of variation 0.5: the sample mean's standard error is
        // 0.2 x 0.5 / sqrt(n); four of them is a tolerance a correct draw fails once in 15,000.
        let mean = lines.reduce(0, +) / Double(lines.count)
        #expect(abs(mean - 0.2) < 4 * 0.2 * 0.5 / Double(lines.count).squareRoot())
    }

    @Test func aBeatenGarrisonFallsBackToTheNextLineOrSurrendersWhenCutOff() {
        // Regions 0 (rebels), 1 and 2 (government) in a chain.
        var simulation = model(ModelFixtures.chain(regions: 3, rebelAssaultsPerDay: 0))
        let before = simulation.model.regions[2].garrison
        simulation.model.retreat(100, from: 1, capturedShare: 0.25)
        #expect(simulation.model.regions[2].garrison == before + 75)
        #expect(simulation.model.actors[1].captured == 25)

        simulation.model.regions[2].controller = 0  // region 1 is now cut off
        simulation.model.retreat(100, from: 1, capturedShare: 0.25)
        #expect(simulation.model.actors[1].captured == 125)
        #expect(simulation.model.actors[1].losses == 125)
    }

    @Test func aBreakingFormationShakesTheRestOfItsCamp() {
        var parameters = ModelFixtures.chain(regions: 5, rebelAssaultsPerDay: 0)
        parameters.cascade.contagion = 1
        var simulation = model(parameters)
        let before = simulation.model.regions.map(\.garrisonMorale)
        simulation.model.formationBroke(in: .loyalist, at: 1, queue: &simulation.queue)
        // The government held four regions at the start: each breaking costs a quarter.
        for index in 1..<5 {
            #expect(abs(simulation.model.regions[index].garrisonMorale - max(0, before[index] - 0.25)) < 1e-12)
        }
        #expect(simulation.model.regions[0].garrisonMorale == before[0])
    }

    @Test func anArmyThatDissolvesCollapsesAndItsGarrisonsAreShaken() {
        var parameters = ModelFixtures.chain(regions: 4, rebelAssaultsPerDay: 0)
        parameters.collapse.dissolvedShare = 0.2
        parameters.collapse.garrisonShock = 0.3
        var simulation = model(parameters)
        // The government's 1,500 garrison fighters: 200 deserting is not yet a fifth.
        simulation.model.recordDeserted(200, of: 1)
        simulation.model.checkCollapse(at: 1, queue: &simulation.queue)
        #expect(simulation.model.collapseDay == nil)
        simulation.model.recordCaptured(100, of: 1)
        simulation.model.checkCollapse(at: 2, queue: &simulation.queue)
        #expect(simulation.model.collapseDay == 2)
        #expect(simulation.model.regions[1].garrisonMorale == 0.6 - 0.3)
        #expect(simulation.model.regions[0].garrisonMorale == 0.9)
    }

    @Test func strategicDepthOffTheMapSoftensTheShockOfALoss() {
        func moraleAfterLosingARegion(offMap: Double) -> Double {
            var parameters = ModelFixtures.chain(regions: 3, rebelAssaultsPerDay: 0)
            parameters.actors[1].offMapValue = offMap
            var simulation = model(parameters)
            simulation.model.transfer(1, to: 0, garrison: 10, at: 1, queue: &simulation.queue)
            return simulation.model.actors[1].morale
        }
        let shock = CombatParameters().moraleShock
        // The government held 2 of the map's value: losing 1 of it is half its stake with no
        // depth, a twelfth with 10 more off the map.
        #expect(abs(moraleAfterLosingARegion(offMap: 0) - (0.6 - shock / 2)) < 1e-12)
        #expect(abs(moraleAfterLosingARegion(offMap: 10) - (0.6 - shock / 12)) < 1e-12)
    }

    @Test func aCeasefireFreezesTheFrontAndTheRunGoesOn() {
        var parameters = ModelFixtures.chain(regions: 6, rebelStrength: 8000, sortiesPerDay: 5)
        parameters.mediation = MediationParameters(attemptsPerDay: 1, baseSuccess: 1)
        var frozen = 0
        for replication in 0..<20 {
            let outcome = ModelFixtures.run(parameters, replication: replication)
            guard let ceasefire = outcome.ceasefireDay else { continue }
            frozen += 1
            #expect(outcome.endDay == parameters.horizonDays)
            let after = outcome.snapshots.filter { Double($0.day) > ceasefire + 1 }
            // No region changes hands, no strike is flown and no one is hit after it.
            for (earlier, later) in zip(after, after.dropFirst()) {
                #expect(later.controllers == earlier.controllers)
                #expect(later.strikes == earlier.strikes)
                #expect(later.losses == earlier.losses)
            }
        }
        #expect(frozen == 20)
    }
}
