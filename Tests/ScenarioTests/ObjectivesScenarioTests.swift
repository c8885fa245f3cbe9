import EscalationModel
import Foundation
import Scenario
import Stochastic
import Testing

/// The keys of objectives and sieges: how they read, where their mistakes are reported, and that a
/// scenario without them runs exactly as before they existed.
@Suite struct ObjectivesScenarioTests {
    /// Four regions, no objectives, no supply bases (the file `escsim run -r 5 --seed 7` was run
    /// on with the binary of main before objectives and sieges existed).
    static let plain = """
        escsim: 1
        name: minimal
        horizon_days: 40
        actors:
          rebels: {side: opposition, field_strength: 4000, assaults_per_day: 1.5, morale: 0.8}
          government: {side: loyalist, field_strength: 800, assaults_per_day: 0.5}
        regions:
          north: {controller: rebels, population: 1000, garrison: 300, neighbours: [centre, east]}
          centre: {controller: government, population: 1000, garrison: 400, neighbours: [south, east]}
          east: {controller: government, population: 1000, garrison: 200, neighbours: [south]}
          south: {controller: government, population: 1000, garrison: 600, neighbours: []}
        ladder:
          - {id: calm, trigger: start}
          - {id: war, trigger: ground_assault}
        collapse: {actor: government, capital: south, morale_threshold: 0.05}
        """

    @Test func aScenarioWithoutObjectivesRunsAsBefore() throws {
        let scenario = try Scenario.parse(Self.plain, file: "plain.yaml")
        let seeds = StreamSeeds(masterSeed: 7)
        // Collapse day and events of replications 0-4, from replications.csv of escsim at the merge
        // of objectives with formations (the war going on after collapse changed the earlier pins).
        let before: [(Double, Int)] = [
            (9.542002394196636, 177), (5.372514619336274, 158), (4.451954776300774, 163),
            (3.19079010285681, 136), (5.959827902412304, 160),
        ]
        for (index, (collapseDay, events)) in before.enumerated() {
            let (parameters, _) = scenario.draw.parameters(forReplication: index, seeds: seeds)
            let outcome = Replication.run(parameters: parameters, seeds: seeds, index: index)
            #expect(outcome.collapseDay == collapseDay, "replication \(index)")
            #expect(outcome.eventsProcessed == events, "replication \(index)")
        }
    }

    @Test func objectivesReadAsPhasesOrAsOnePhase() throws {
        let phased = Self.plain.replacingOccurrences(
            of: "assaults_per_day: 1.5, morale: 0.8}",
            with:
                "assaults_per_day: 1.5, morale: 0.8,\n    objectives: [{regions: [east], pause_days: 4}, [centre, south]]}"
        )
        let scenario = try Scenario.parse(phased, file: "phased.yaml")
        let (parameters, _) = scenario.draw.parameters(forReplication: 0, seeds: StreamSeeds(masterSeed: 1))
        #expect(
            parameters.actors[0].objectives == [
                ObjectivePhase(regions: [2], pauseDays: 4), ObjectivePhase(regions: [1, 3]),
            ])
        let single = Self.plain.replacingOccurrences(
            of: "morale: 0.8}", with: "morale: 0.8, objectives: [south, east]}")
        let (one, _) = try Scenario.parse(single, file: "single.yaml").draw.parameters(
            forReplication: 0, seeds: StreamSeeds(masterSeed: 1))
        #expect(one.actors[0].objectives == [ObjectivePhase(regions: [3, 2])])
    }

    @Test func aBadObjectiveIsReportedAtItsLineAndColumn() {
        let text = Self.plain.replacingOccurrences(
            of: "morale: 0.8}", with: "morale: 0.8, objectives: [{regions: [sowth]}, [east, west]]}")
        let found = problems(in: text)
        #expect(
            found.contains(
                "5:112: actor 'rebels': objectives phase 1: regions refers to unknown region 'sowth' "
                    + "(did you mean 'south'?)"), "\(found)")
        #expect(found.contains("5:128: actor 'rebels': objectives phase 2 refers to unknown region 'west'"), "\(found)")
        #expect(found.count == 2, "\(found)")
    }

    @Test func siegeKeysAndRegionFlagsAreRead() throws {
        let text =
            Self.plain
            .replacingOccurrences(
                of: "garrison: 300, neighbours: [centre, east]}",
                with: "garrison: 300, neighbours: [centre, east], supply_base: true}"
            )
            .replacingOccurrences(
                of: "garrison: 200, neighbours: [south]}",
                with: "garrison: 200, neighbours: [south], evacuate_to: south}")
            + "\nsiege: {strength_loss_per_day: 0.01, morale_loss_per_day: 0.02, deal_morale: 0.4, "
            + "deal_probability_per_day: 0.1}\n"
        let (parameters, _) = try Scenario.parse(text, file: "siege.yaml").draw.parameters(
            forReplication: 0, seeds: StreamSeeds(masterSeed: 1))
        #expect(parameters.regions[0].isSupplyBase)
        #expect(parameters.regions[2].evacuateTo == 3)
        #expect(
            parameters.siege
                == SiegeParameters(
                    strengthLossPerDay: 0.01, moraleLossPerDay: 0.02, dealMorale: 0.4, dealProbabilityPerDay: 0.1))
        let bad = text.replacingOccurrences(of: "evacuate_to: south", with: "evacuate_to: nowhere")
        let found = problems(in: bad)
        #expect(
            found.contains { $0.hasPrefix("10:") && $0.contains("evacuate_to refers to unknown region") }, "\(found)")
    }
}
