import DiscreteEvent
import Stochastic
import Testing

@testable import EscalationModel

/// The loss-of-strength gradient: assaults staged far from their camp's supply bases are weaker.
@Suite struct SupplyTests {
    /// A line r0 - r1 - ... - r(n-1): the army (loyalist, actor 0) holds r0 ... r(n-2), the rebels
    /// (actor 1) the last region. The army's base is `base` (nil: no base anywhere); the rebels have
    /// none and never attack. Garrisons never withdraw, so only assaults move the front.
    static func line(regions count: Int = 5, base: Int?, decay: Double, armyStrength: Double = 3000) -> ModelParameters
    {
        let actors = [
            ActorSpec(
                id: "army", name: "Army", camp: .loyalist, fieldStrength: armyStrength, quality: 1, morale: 0.8,
                assaultsPerDay: 1, assaultCommitment: 0.5),
            ActorSpec(
                id: "rebels", name: "Rebels", camp: .opposition, fieldStrength: 0, quality: 1, morale: 0.8,
                assaultsPerDay: 0),
        ]
        var regions = (0..<count).map { index in
            RegionSpec(
                id: "r\(index)", name: "R\(index)", controller: index == count - 1 ? 1 : 0, population: 1000,
                garrison: index == count - 1 ? 600 : 300,
                neighbours: [index - 1, index + 1].filter { (0..<count).contains($0) })
        }
        if let base { regions[base].isSupplyBase = true }
        var parameters = ModelParameters(
            horizonDays: 30, maxEvents: 1_000_000, actors: actors, regions: regions, ladder: CampaignTests.ladder,
            collapse: CollapseRule(actor: 0, capital: 0, moraleThreshold: 0.01))
        parameters.supply = SupplyParameters(projectionDecay: decay)
        parameters.cascade.withdrawalMorale = 0
        return parameters
    }

    /// The world of `parameters` after `start`, with its supply distances measured.
    static func started(_ parameters: ModelParameters) -> EscalationSimulation {
        var simulation = EscalationSimulation(
            parameters: parameters, seeds: StreamSeeds(masterSeed: 1), replication: 0)
        var queue = EventQueue<ModelEvent>()
        simulation.start(queue: &queue)
        return simulation
    }

    @Test func theFactorIsTheDecayToTheHopsOfTheStagingRegion() {
        // r5 - r0 - r1 - r2 - r3 - r4, the army's base r0, the rebels in r4 and r5.
        var parameters = Self.line(regions: 5, base: 0, decay: 0.8)
        parameters.regions.append(
            RegionSpec(id: "r5", name: "R5", controller: 1, population: 1000, garrison: 600, neighbours: [0]))
        parameters.regions[0].neighbours.append(5)
        var simulation = Self.started(parameters)
        #expect(simulation.regions.map(\.supplyHops) == [0, 1, 2, 3, Int.max, Int.max])
        // r4 is attacked from r3, three regions from the base; r5 from the base itself.
        #expect(abs(simulation.supplyFactor(of: 0, against: 4) - 0.8 * 0.8 * 0.8) < 1e-12)
        #expect(simulation.supplyFactor(of: 0, against: 5) == 1)
        // The rebels held no base at the start: their power does not decay.
        #expect(simulation.supplyFactor(of: 1, against: 3) == 1)
        // The rebels take r1: r2 and r3 are cut off from r0, and ground cut off counts as farther
        // than any supplied ground (six regions: 0.8^6).
        var queue = EventQueue<ModelEvent>()
        simulation.transfer(1, to: 1, garrison: 100, at: 0.5, queue: &queue)
        #expect(simulation.regions.map(\.supplyHops) == [0, Int.max, Int.max, Int.max, Int.max, Int.max])
        #expect(abs(simulation.supplyFactor(of: 0, against: 4) - 0.8 * 0.8 * 0.8 * 0.8 * 0.8 * 0.8) < 1e-12)
        // r1 is now attacked from the base r0 itself.
        #expect(simulation.supplyFactor(of: 0, against: 1) == 1)
    }

    @Test func withoutBasesOrDecayTheFactorIsOne() {
        for parameters in [Self.line(base: nil, decay: 0.5), Self.line(base: 0, decay: 1)] {
            let simulation = Self.started(parameters)
            for target in 0..<5 {
                #expect(simulation.supplyFactor(of: 0, against: target) == 1)
                #expect(simulation.supplyFactor(of: 1, against: target) == 1)
            }
        }
    }

    @Test func withoutSupplyBasesDecayChangesNothing() {
        for seed in UInt64(1)...5 {
            let decayed = ModelFixtures.run(Self.line(base: nil, decay: 0.5), seed: seed)
            let plain = ModelFixtures.run(Self.line(base: nil, decay: 1), seed: seed)
            #expect(decayed == plain, "seed \(seed)")
        }
    }

    @Test func assaultsStagedNextToTheBaseAreNotWeakened() {
        // The army's base is r3, its staging region against r4: decay changes nothing.
        for seed in UInt64(1)...5 {
            let decayed = ModelFixtures.run(Self.line(base: 3, decay: 0.5), seed: seed)
            let plain = ModelFixtures.run(Self.line(base: 3, decay: 1), seed: seed)
            #expect(decayed == plain, "seed \(seed)")
        }
    }

    /// The first day the army holds r4, if it takes it.
    static func dayTaken(_ outcome: ReplicationOutcome) -> Int? {
        outcome.snapshots.first { $0.controllers[4] == 0 }?.day
    }

    @Test func assaultsStagedFarFromTheBaseAreWeaker() throws {
        // The base r0 is three regions from the staging region r3: at 0.7 a hop the army attacks
        // with a third of its power (0.343). Against the same draws (seed by seed) it takes r4 later
        // and loses more fighters doing so than with its base at r3.
        var daysNear = 0
        var daysFar = 0
        for seed in UInt64(1)...20 {
            let near = ModelFixtures.run(Self.line(base: 3, decay: 0.7), seed: seed)
            let far = ModelFixtures.run(Self.line(base: 0, decay: 0.7), seed: seed)
            let dayNear = try #require(Self.dayTaken(near), "seed \(seed): r4 falls")
            let dayFar = try #require(Self.dayTaken(far), "seed \(seed): r4 falls")
            #expect(dayFar >= dayNear, "seed \(seed): day \(dayNear) near the base, \(dayFar) far")
            #expect(
                far.combatantLosses[0] > near.combatantLosses[0],
                "seed \(seed): army losses \(near.combatantLosses[0]) near, \(far.combatantLosses[0]) far")
            daysNear += dayNear
            daysFar += dayFar
        }
        #expect(Double(daysFar) >= 1.5 * Double(daysNear), "days to take r4: \(daysNear) near, \(daysFar) far")
    }
}
