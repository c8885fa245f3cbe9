import DiscreteEvent
import Stochastic
import Testing

@testable import EscalationModel

/// Civilian harm of ground fighting and displacement as a flow: who flees, where to, who returns,
/// and that every resident is always at home, away or dead.
@Suite struct CivilianHarmTests {
    /// A model of `parameters` before its first event, to drive the daily flow by hand.
    func model(_ parameters: ModelParameters, seed: UInt64 = 1) -> EscalationSimulation {
        EscalationSimulation(parameters: parameters, seeds: StreamSeeds(masterSeed: seed), replication: 0)
    }

    func totalPopulation(_ parameters: ModelParameters) -> Double {
        parameters.regions.reduce(0) { $0 + $1.population }
    }

    @Test func aRegionUnderAssaultLosesResidentsToSafeRegions() {
        var parameters = ModelFixtures.chain(regions: 3, sortiesPerDay: 0)
        parameters.displacement = DisplacementParameters(flightUnderAssault: 0.2)
        var world = model(parameters)
        world.regions[1].underAssault = true
        world.moveCivilians(at: 1)
        let left = 100_000 - world.regions[1].population
        // Binomial(100,000, 0.2): 20,000 give or take 130; far from either bound.
        #expect(left > 18_000 && left < 22_000)
        #expect(world.civiliansDisplaced == left)
        #expect(world.civilianHarm.fled == left)
        // r2 (the capital) borders only its own camp: the one safe region; r0 borders the enemy.
        #expect(world.civilianHarm.hosted[2] == left)
        #expect(world.civilianHarm.hosted[0] == 0 && world.civilianHarm.hosted[3] == 0)
        #expect(world.regions[0].population == 100_000 && world.regions[2].population == 100_000)
        // A second day under assault: the stock keeps rising.
        world.moveCivilians(at: 2)
        #expect(world.civiliansDisplaced > left)
    }

    @Test func withNoSafeRegionPeopleLeaveTheMap() {
        var parameters = ModelFixtures.chain(regions: 2, sortiesPerDay: 0)
        parameters.displacement = DisplacementParameters(flightUnderAssault: 0.1)
        var world = model(parameters)
        world.regions[1].underAssault = true
        world.moveCivilians(at: 1)
        #expect(world.civiliansDisplaced > 0)
        #expect(world.civilianHarm.hosted[2] == world.civiliansDisplaced)
    }

    @Test func withoutFlightRatesOrStrikesNoOneIsDisplaced() {
        let parameters = ModelFixtures.chain(regions: 5, rebelStrength: 6000, sortiesPerDay: 0)
        for replication in 0..<10 {
            let outcome = ModelFixtures.run(parameters, seed: 5, replication: replication)
            #expect(outcome.civiliansDisplaced == 0 && outcome.civiliansFled == 0)
            #expect(outcome.snapshots.allSatisfy { $0.civiliansDisplaced == 0 && $0.civiliansFled == 0 })
        }
    }

    @Test func withDefaultRatesOnlyStrikesDisplaceAndNoOneReturns() {
        let parameters = ModelFixtures.chain(regions: 4, sortiesPerDay: 8, horizon: 20)
        let outcome = ModelFixtures.run(parameters, seed: 2)
        #expect(outcome.airstrikes > 0 && outcome.civiliansDisplaced > 0)
        // No returns: the stock is every departure, as the cumulative count was before.
        #expect(outcome.civiliansFled == outcome.civiliansDisplaced)
    }

    @Test func peopleGoHomeOnceHomeHasBeenCalm() {
        var parameters = ModelFixtures.chain(regions: 3, sortiesPerDay: 0)
        parameters.displacement = DisplacementParameters(
            flightUnderAssault: 0.5, returnRate: 0.2, returnAfterDays: 5)
        var world = model(parameters)
        world.regions[1].underAssault = true
        world.moveCivilians(at: 1)
        let peak = world.civiliansDisplaced
        #expect(peak > 40_000)
        world.regions[1].underAssault = false
        for day in 2...5 { world.moveCivilians(at: Double(day)) }
        #expect(world.civiliansDisplaced == peak)  // not calm for long enough yet
        for day in 6...20 { world.moveCivilians(at: Double(day)) }
        // 0.8^15 of them are still away: about 1,800 of 50,000.
        #expect(world.civiliansDisplaced < peak / 10)
        #expect(world.civilianHarm.fled == peak)
        #expect(world.regions[1].population + world.civiliansDisplaced == 100_000)
        #expect(world.civilianHarm.hosted[2] == world.civiliansDisplaced)
    }

    @Test func groundFightingKillsCiviliansOnlyAtAPositiveRate() {
        var parameters = ModelFixtures.chain(regions: 4, rebelStrength: 6000, sortiesPerDay: 0)
        var killed = 0.0
        var injured = 0.0
        for replication in 0..<5 {
            let outcome = ModelFixtures.run(parameters, seed: 7, replication: replication)
            killed += outcome.civiliansKilled
            injured += outcome.civiliansInjured
        }
        #expect(killed == 0 && injured == 0)

        parameters.groundHarm = GroundHarmParameters(civiliansKilledPerFighterLost: 0.5, injuredPerKilled: 3)
        for replication in 0..<5 {
            let outcome = ModelFixtures.run(parameters, seed: 7, replication: replication)
            killed += outcome.civiliansKilled
            injured += outcome.civiliansInjured
            #expect(outcome.combatantLosses.reduce(0, +) == 0 || outcome.civiliansKilled > 0)
        }
        #expect(killed > 0 && injured > killed)
    }

    @Test func everyResidentIsAtHomeAwayOrDeadThroughoutARun() {
        var parameters = ModelFixtures.chain(regions: 6, rebelStrength: 6000, governmentGarrison: 700, sortiesPerDay: 8)
        parameters.actors[1].assaultsPerDay = 1
        parameters.actors[1].fieldStrength = 3000
        parameters.groundHarm = GroundHarmParameters(civiliansKilledPerFighterLost: 0.3, injuredPerKilled: 2)
        parameters.displacement = DisplacementParameters(
            flightUnderAssault: 0.3, flightAfterCapture: 0.2, flightNearFighting: 0.1, captureWindowDays: 3,
            returnRate: 0.1, returnAfterDays: 2)
        let initial = totalPopulation(parameters)
        var sawDisplacement = false
        for replication in 0..<20 {
            var simulation = Simulation(
                model: EscalationSimulation(
                    parameters: parameters, seeds: StreamSeeds(masterSeed: 11), replication: replication))
            simulation.model.start(queue: &simulation.queue)
            var day = 0.25
            while day <= parameters.horizonDays {
                let summary = simulation.run(until: day, maxEvents: 1_000_000)
                let world = simulation.model
                let atHome = world.regions.reduce(0) { $0 + $1.population }
                #expect(abs(atHome + world.civiliansDisplaced + world.civiliansKilled - initial) < 1e-6)
                #expect(world.civiliansDisplaced >= 0 && world.civiliansDisplaced <= initial)
                #expect(world.civiliansDisplaced <= world.civilianHarm.fled)
                #expect(abs(world.civilianHarm.hosted.reduce(0, +) - world.civiliansDisplaced) < 1e-6)
                #expect(abs(world.civilianHarm.awayFrom.reduce(0, +) - world.civiliansDisplaced) < 1e-6)
                #expect(world.civilianHarm.away.allSatisfy { $0 >= 0 })
                #expect(world.regions.allSatisfy { $0.population >= 0 })
                sawDisplacement = sawDisplacement || world.civiliansDisplaced > 0
                if summary.reason == .stopCondition || summary.reason == .queueExhausted { break }
                day += 0.25
            }
        }
        #expect(sawDisplacement)
    }
}
