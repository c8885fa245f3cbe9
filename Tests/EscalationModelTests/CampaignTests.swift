import EscalationModel
import Stochastic
import Testing

/// Objectives in phases, sieges of ground cut off from its supply bases, and evacuation deals.
@Suite struct CampaignTests {
    static let ladder = [
        LadderRung(id: "calm", trigger: .start), LadderRung(id: "assault", trigger: .groundAssault),
    ]

    /// Rebels (5,000 fighters) hold r0, next to the government's r1, r2 and r3; the capital r4 lies
    /// behind r3. Garrisons never withdraw, so only assaults move the front.
    static func star(objectives: [ObjectivePhase]) -> ModelParameters {
        let actors = [
            ActorSpec(
                id: "rebels", name: "Rebels", camp: .opposition, fieldStrength: 5000, quality: 1, morale: 0.9,
                assaultsPerDay: 2, assaultCommitment: 0.5),
            ActorSpec(id: "government", name: "Government", camp: .loyalist, fieldStrength: 0, morale: 0.6),
        ]
        var parameters = ModelParameters(
            horizonDays: 60, maxEvents: 1_000_000, actors: actors,
            regions: [
                RegionSpec(
                    id: "r0", name: "R0", controller: 0, population: 1000, garrison: 1000, neighbours: [1, 2, 3]),
                RegionSpec(id: "r1", name: "R1", controller: 1, population: 1000, garrison: 300, neighbours: [0]),
                RegionSpec(id: "r2", name: "R2", controller: 1, population: 1000, garrison: 300, neighbours: [0]),
                RegionSpec(id: "r3", name: "R3", controller: 1, population: 1000, garrison: 300, neighbours: [0, 4]),
                RegionSpec(id: "r4", name: "R4", controller: 1, population: 1000, garrison: 300, neighbours: [3]),
            ],
            ladder: ladder, collapse: CollapseRule(actor: 1, capital: 4, moraleThreshold: 0.01))
        parameters.actors[0].objectives = objectives
        parameters.combat.offObjectiveWeight = 0
        parameters.cascade.withdrawalMorale = 0
        return parameters
    }

    static func day(of event: String, in region: String, _ entries: [TraceEntry]) -> Double? {
        entries.first { $0.event == event && $0.region == region }?.day
    }

    @Test func phasesAreTakenInOrderWithAPauseThenTheActorConsolidates() throws {
        let parameters = Self.star(objectives: [
            ObjectivePhase(regions: [2], pauseDays: 5), ObjectivePhase(regions: [1]),
        ])
        for seed in UInt64(1)...10 {
            let (_, entries) = Replication.trace(parameters: parameters, seeds: StreamSeeds(masterSeed: seed), index: 0)
            let assaults = entries.filter { $0.event == "assault" }
            let first = try #require(Self.day(of: "capture", in: "r2", entries), "seed \(seed): r2 falls")
            let second = try #require(Self.day(of: "capture", in: "r1", entries), "seed \(seed): r1 falls")
            // Phase 1 before phase 2, and nothing attacked during the pause of five days.
            #expect(assaults.filter { $0.day < first }.allSatisfy { $0.region == "r2" }, "seed \(seed)")
            #expect(second >= first + 5, "seed \(seed): r2 on day \(first), r1 on day \(second)")
            #expect(!assaults.contains { $0.day > first && $0.day < first + 5 }, "seed \(seed)")
            // Off-objective ground (weight 0 here) is never attacked, and after the last phase
            // the rebels consolidate: no assault after r1 falls.
            #expect(!assaults.contains { $0.region == "r3" || $0.region == "r4" }, "seed \(seed)")
            #expect(!assaults.contains { $0.day > second }, "seed \(seed)")
            #expect(entries.contains { $0.event == "objectives" }, "seed \(seed)")
        }
    }

    @Test func theWayToAnObjectiveIsAttackedBeforeOtherGround() throws {
        // The capital r4 lies behind r3: the rebels take r3 first, never r1 or r2 (off weight 0).
        let parameters = Self.star(objectives: [ObjectivePhase(regions: [4])])
        for seed in UInt64(1)...10 {
            let (_, entries) = Replication.trace(parameters: parameters, seeds: StreamSeeds(masterSeed: seed), index: 0)
            let assaults = entries.filter { $0.event == "assault" }
            #expect(!assaults.isEmpty)
            #expect(assaults.allSatisfy { $0.region == "r3" || $0.region == "r4" }, "seed \(seed)")
        }
    }

    @Test func anActorWithoutObjectivesAttacksAnywhere() {
        let parameters = Self.star(objectives: [])
        var attacked: Set<String> = []
        for seed in UInt64(1)...10 {
            let (_, entries) = Replication.trace(parameters: parameters, seeds: StreamSeeds(masterSeed: seed), index: 0)
            // Until the government collapses: the war goes on after it, on a different map.
            let end = entries.first { $0.event == "collapse" }?.day ?? .infinity
            attacked.formUnion(entries.filter { $0.event == "assault" && $0.day < end }.compactMap(\.region))
        }
        #expect(attacked.isSuperset(of: ["r1", "r2", "r3"]))
    }

    /// The government's base r0 (its capital) and r3 hold out; its pocket r2 lies behind the
    /// rebels' base r1, cut off from r0. Nobody attacks.
    static func pocket(strengthLoss: Double, dealMorale: Double, dealProbability: Double) -> ModelParameters {
        let actors = [
            ActorSpec(id: "rebels", name: "Rebels", camp: .opposition, fieldStrength: 1000, morale: 0.9),
            ActorSpec(id: "government", name: "Government", camp: .loyalist, fieldStrength: 0, morale: 0.6),
        ]
        var regions = [
            RegionSpec(id: "r0", name: "R0", controller: 1, population: 1000, garrison: 500, neighbours: [1, 3]),
            RegionSpec(id: "r1", name: "R1", controller: 0, population: 1000, garrison: 500, neighbours: [0, 2]),
            RegionSpec(id: "r2", name: "R2", controller: 1, population: 1000, garrison: 400, neighbours: [1]),
            RegionSpec(id: "r3", name: "R3", controller: 1, population: 1000, garrison: 200, neighbours: [0]),
        ]
        regions[0].isSupplyBase = true
        regions[1].isSupplyBase = true
        var parameters = ModelParameters(
            horizonDays: 20, maxEvents: 1_000_000, actors: actors, regions: regions, ladder: ladder,
            collapse: CollapseRule(actor: 1, capital: 0, moraleThreshold: 0.01))
        parameters.siege = SiegeParameters(
            strengthLossPerDay: strengthLoss, moraleLossPerDay: 0.01, dealMorale: dealMorale,
            dealProbabilityPerDay: dealProbability)
        parameters.cascade.withdrawalMorale = 0
        return parameters
    }

    @Test func aCutOffRegionIsBesiegedAndWastesAway() {
        let parameters = Self.pocket(strengthLoss: 0.02, dealMorale: 0, dealProbability: 1)
        let outcome = ModelFixtures.run(parameters, seed: 3)
        // Twenty daily reviews at 2% a day of the pocket's 400; the supplied r0 and r3 lose nothing.
        var garrison = 400.0
        for _ in 1...20 { garrison *= 0.98 }
        #expect(abs(outcome.combatantLosses[1] - (400 - garrison)) < 1e-6, "\(outcome.combatantLosses)")
        // The rebels' base r1 is supplied by itself: no losses.
        #expect(outcome.combatantLosses[0] == 0)
        #expect(outcome.finalState.controllers == [1, 0, 1, 1])
    }

    @Test func withoutSupplyBasesNothingIsBesieged() {
        var parameters = Self.pocket(strengthLoss: 0.02, dealMorale: 1, dealProbability: 1)
        parameters.regions[0].isSupplyBase = false
        parameters.regions[1].isSupplyBase = false
        let outcome = ModelFixtures.run(parameters, seed: 3)
        #expect(outcome.combatantLosses == [0, 0])
        #expect(outcome.finalState.controllers == [1, 0, 1, 1])
    }

    @Test func aBesiegedGarrisonAtLowMoraleAcceptsADealWithoutAStorm() throws {
        var parameters = Self.pocket(strengthLoss: 0.02, dealMorale: 0.7, dealProbability: 1)
        parameters.regions[2].evacuateTo = 3
        let (outcome, entries) = Replication.trace(
            parameters: parameters, seeds: StreamSeeds(masterSeed: 3), index: 0)
        let deal = try #require(entries.first { $0.event == "evacuation" })
        #expect(deal.region == "r2")
        #expect(deal.day == 1)
        #expect(deal.sentence.contains("392 fighters leave to R3"), "\(deal.sentence)")
        #expect(outcome.finalState.controllers == [1, 0, 0, 1])
        // No combat round: no assault, and the only losses are the one day of siege.
        #expect(!entries.contains { $0.event == "assault" || $0.event == "capture" })
        #expect(abs(outcome.combatantLosses[1] - 8) < 1e-9)
        #expect(outcome.combatantLosses[0] == 0)
    }

    @Test func dealsAreDrawnAndRareWhenUnlikely() {
        // At 5% a day over 20 days about 64% of runs see a deal: neither none nor all of 40.
        let parameters = Self.pocket(strengthLoss: 0.01, dealMorale: 0.7, dealProbability: 0.05)
        let deals = (0..<40).filter {
            ModelFixtures.run(parameters, seed: 5, replication: $0).finalState.controllers[2] == 0
        }
        #expect(deals.count > 10 && deals.count < 38, "\(deals.count) deals")
    }
    /// Rebels hold r1, cut off between the government's bases r0 and r2, and r3, their camp's
    /// supplied base behind r2 (or their allies do). The rebels attack twice a day.
    static func trappedRebels(supplied: Bool, holdBase: Bool = true) -> ModelParameters {
        let actors = [
            ActorSpec(
                id: "rebels", name: "Rebels", camp: .opposition, fieldStrength: 4000, morale: 0.9,
                assaultsPerDay: 2, assaultCommitment: 0.5),
            ActorSpec(id: "government", name: "Government", camp: .loyalist, fieldStrength: 0, morale: 0.6),
            ActorSpec(id: "allies", name: "Allies", camp: .opposition, fieldStrength: 0, morale: 0.9),
        ]
        var regions = [
            RegionSpec(id: "r0", name: "R0", controller: 1, population: 1000, garrison: 300, neighbours: [1]),
            RegionSpec(id: "r1", name: "R1", controller: 0, population: 1000, garrison: 300, neighbours: [0, 2]),
            RegionSpec(id: "r2", name: "R2", controller: 1, population: 1000, garrison: 300, neighbours: [1, 3]),
            RegionSpec(
                id: "r3", name: "R3", controller: holdBase ? 0 : 2, population: 1000, garrison: 300, neighbours: [2]),
        ]
        regions[0].isSupplyBase = supplied
        regions[2].isSupplyBase = supplied
        regions[3].isSupplyBase = supplied
        var parameters = ModelParameters(
            horizonDays: 10, maxEvents: 1_000_000, actors: actors, regions: regions, ladder: ladder,
            collapse: CollapseRule(actor: 1, capital: 2, moraleThreshold: 0.01))
        parameters.siege = SiegeParameters(strengthLossPerDay: 0, moraleLossPerDay: 0, dealMorale: 0)
        parameters.cascade.withdrawalMorale = 0
        return parameters
    }

    static func attacked(_ parameters: ModelParameters) -> Set<String> {
        var attacked: Set<String> = []
        for seed in UInt64(1)...10 {
            let (_, entries) = Replication.trace(parameters: parameters, seeds: StreamSeeds(masterSeed: seed), index: 0)
            // Until the government collapses: the war goes on after it, on a different map.
            let end = entries.first { $0.event == "collapse" }?.day ?? .infinity
            attacked.formUnion(entries.filter { $0.event == "assault" && $0.day < end }.compactMap(\.region))
        }
        return attacked
    }

    @Test func besiegedGroundIsNoBaseForAssaults() {
        // Unsupplied, the rebels attack r0 (next to r1) and r2; with bases, r0 borders only the
        // besieged r1 and is never attacked; with r3 their allies', the rebels hold only besieged
        // ground: they are trapped and attack nothing.
        #expect(Self.attacked(Self.trappedRebels(supplied: false)) == ["r0", "r2"])
        #expect(Self.attacked(Self.trappedRebels(supplied: true)) == ["r2"])
        #expect(Self.attacked(Self.trappedRebels(supplied: true, holdBase: false)).isEmpty)
    }
}
