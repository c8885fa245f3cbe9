import DiscreteEvent
import Stochastic
import Testing

@testable import EscalationModel

/// A worker's `ReplicationWorkspace` only saves allocations: replications run in one, one after
/// another, give exactly the outcomes and draws of fresh runs, whatever ran in it before.
@Suite struct ReplicationWorkspaceTests {
    /// A chain with a supply base (so the supply and campaign tables are active), air strikes,
    /// displacement, and uncertain numbers of each kind: an actor's, a region's and model-wide
    /// ones (one of which, `projection_decay`, feeds the supply tables).
    static func draw(regions: Int) -> ParameterDraw {
        var parameters = ModelFixtures.chain(
            regions: regions, rebelStrength: 6000, governmentGarrison: 700, sortiesPerDay: 6, horizon: 20)
        parameters.regions[regions - 1].isSupplyBase = true
        parameters.regions[0].isSupplyBase = true
        parameters.displacement = DisplacementParameters(
            flightUnderAssault: 0.2, flightAfterCapture: 0.1, flightNearFighting: 0.05, returnRate: 0.1,
            returnAfterDays: 3)
        let uncertain = [
            UncertainParameter(
                path: "actors.rebels.morale", distribution: .uniform(low: 0.6, high: 1),
                stream: StreamLayout.actorParameters(0), target: \.actors[0].morale),
            UncertainParameter(
                path: "actors.government.field_strength", distribution: .uniform(low: 0, high: 2000),
                stream: StreamLayout.actorParameters(1), target: \.actors[1].fieldStrength),
            UncertainParameter(
                path: "regions.r1.garrison", distribution: .uniform(low: 300, high: 1200),
                stream: StreamLayout.regionParameters(1), target: \.regions[1].garrison),
            UncertainParameter(
                path: "supply.projection_decay", distribution: .uniform(low: 0.7, high: 1),
                stream: StreamLayout.sharedParameters, target: \.supply.projectionDecay),
            UncertainParameter(
                path: "combat.off_objective_weight", distribution: .uniform(low: 0, high: 1),
                stream: StreamLayout.sharedParameters, target: \.combat.offObjectiveWeight),
        ]
        return ParameterDraw(base: parameters, uncertain: uncertain)
    }

    @Test func aWorkspaceGivesTheOutcomesOfFreshRuns() {
        // Two scenarios of different sizes take turns in one workspace: its arrays, tables and
        // kept parameters must never carry anything from one to the other.
        let draws = [Self.draw(regions: 5), Self.draw(regions: 8)]
        let seeds = StreamSeeds(masterSeed: 11)
        let workspace = ReplicationWorkspace()
        var checked = 0
        for replication in 0..<24 {
            let draw = draws[(replication / 3) % 2]
            let (fresh, freshDraws) = draw.parameters(forReplication: replication, seeds: seeds)
            let expected = Replication.run(parameters: fresh, seeds: seeds, index: replication)
            let reused = draw.parameters(forReplication: replication, seeds: seeds, workspace: workspace)
            #expect(reused == fresh)
            #expect(workspace.draws == freshDraws)
            let outcome = Replication.run(parameters: reused, seeds: seeds, index: replication, workspace: workspace)
            #expect(outcome == expected)
            #expect(outcome.snapshots.count == expected.snapshots.count)
            checked += outcome.eventsProcessed > 0 ? 1 : 0
        }
        #expect(checked == 24)
    }

    @Test func writingDrawsDirectlyMatchesTheKeyPaths() {
        let draw = Self.draw(regions: 5)
        var direct = draw.base
        var throughKeyPaths = draw.base
        for (index, parameter) in draw.uncertain.enumerated() {
            let setter = ParameterSetter(
                parameter.target, actors: draw.base.actors.count, regions: draw.base.regions.count)
            setter.write(Double(index) + 0.5, into: &direct)
            throughKeyPaths[keyPath: parameter.target] = Double(index) + 0.5
            #expect(setter.read(direct) == Double(index) + 0.5)
            // Actor and region numbers resolve to direct stores (the catalogue's key paths).
            switch (index, setter) {
            case (0, .actor(0, _)), (1, .actor(1, _)), (2, .region(1, _)), (3, .other), (4, .other): break
            default: Issue.record("parameter \(index) resolved to \(setter)")
            }
        }
        #expect(direct == throughKeyPaths)
    }

    /// The border bit sets agree with the neighbour counts and stances at every step of runs.
    @Test func borderBitsAgreeWithTheCounts() {
        let parameters = Self.draw(regions: 7).base
        var changesOfHands = 0
        for replication in 0..<10 {
            var simulation = Simulation(
                model: EscalationSimulation(
                    parameters: parameters, seeds: StreamSeeds(masterSeed: 5), replication: replication))
            simulation.model.start(queue: &simulation.queue)
            var day = 0.5
            while day <= parameters.horizonDays {
                _ = simulation.run(until: day, maxEvents: 1_000_000)
                let model = simulation.model
                for region in model.regions.indices {
                    for camp in 0..<model.tables.campCount {
                        var friendly = false
                        for other in 0..<model.tables.campCount
                        where model.areFriendly(Camp(camp), Camp(other))
                            && model.neighbours(of: region, heldBy: other) > 0
                        {
                            friendly = true
                        }
                        #expect(
                            model.bordersHostile(region, of: Camp(camp))
                                == (model.hostileNeighbours(of: region, for: Camp(camp)) > 0))
                        #expect(model.bordersFriendly(region, of: Camp(camp)) == friendly)
                    }
                }
                day += 0.5
            }
            changesOfHands += simulation.model.lastTransferDay > 0 ? 1 : 0
        }
        #expect(changesOfHands > 0)  // the bits were updated, not only set at the start
    }
}
