import EscalationModel
import Experiments
import Foundation
import Stochastic
import Testing

@testable import escsim

/// The daily series: declared once in `DailySeriesCatalogue` and in agreement with the outcomes.
@Suite(.serialized) struct DailySeriesTests {
    /// `make generate` (`escsim schema --write`) writes the table.
    @Test func theDailyTableOfTheDocsIsTheOneTheCatalogueGenerates() throws {
        let committed = try String(contentsOfFile: OutcomeCatalogueTests.outputsDoc, encoding: .utf8)
        let generated = try #require(
            DailySeriesCatalogue.updating(committed),
            "docs/outputs.md lacks the markers \(DailySeriesCatalogue.tableMarkers)")
        #expect(generated == committed, "docs/outputs.md's daily series table is stale: run `make generate`")
    }

    /// Every series of the baseline once, in catalogue order, no name shared with another.
    @Test func theBaselineSpellsOutEverySeries() throws {
        let parameters = try Fixtures.plan(replications: 1).experiment().scenarios[0].baseParameters
        let names = DailySeriesCatalogue.columns(for: parameters).map(\.name)
        #expect(Set(names).count == names.count)
        let expected =
            parameters.regions.map { "controller_\($0.id)" } + parameters.actors.map { "territory_\($0.id)" }
            + ["camp_territory_opposition", "camp_territory_loyalist"]
            + parameters.actors.map { "losses_\($0.id)" } + parameters.actors.map { "strikes_\($0.id)" }
            + ["civilians_killed", "civilians_injured", "civilians_displaced", "ladder_level"]
        #expect(names == expected)
        #expect(DailySeriesCatalogue.columns(for: parameters).filter(\.isController).count == parameters.regions.count)
    }

    /// On the last day the series are the outcomes of the same names; every day the camps share
    /// all the territory and the controllers account for each actor's share.
    @Test(arguments: [20, 30])
    func theSeriesAgreeWithTheOutcomes(horizon: Int) throws {
        let parameters = try Fixtures.plan(replications: 1, horizon: horizon).experiment().scenarios[0].baseParameters
        let columns = DailySeriesCatalogue.columns(for: parameters)
        let total = parameters.regions.map(\.strategicValue).reduce(0, +)
        var reachedHorizon = 0
        for replication in 0..<60 {
            let outcome = Replication.run(parameters: parameters, seeds: StreamSeeds(masterSeed: 11), index: replication)
            guard outcome.endState != .incomplete else { continue }
            if outcome.endState == .stalemate || outcome.endState == .ongoingWar { reachedHorizon += 1 }
            #expect(outcome.lastDay == horizon)
            #expect(DailySeriesCatalogue.snapshot(of: outcome, day: 0) == nil)
            #expect(DailySeriesCatalogue.snapshot(of: outcome, day: horizon + 1) == nil)
            for day in 1...horizon {
                let snapshot = try #require(DailySeriesCatalogue.snapshot(of: outcome, day: day))
                #expect(snapshot.day == day)
                let value = Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0.value(snapshot)) })
                let camps = value["camp_territory_opposition", default: .nan] + value["camp_territory_loyalist", default: .nan]
                #expect(abs(camps - 1) < 1e-12, "replication \(replication), day \(day)")
                for (index, actor) in parameters.actors.enumerated() {
                    let held = parameters.regions.indices.filter { snapshot.controllers[$0] == index }
                        .map { parameters.regions[$0].strategicValue }.reduce(0, +)
                    #expect(abs(held / total - value["territory_\(actor.id)", default: .nan]) < 1e-12)
                }
            }
            let last = try #require(DailySeriesCatalogue.snapshot(of: outcome, day: horizon))
            let value = Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0.value(last)) })
            for (index, actor) in parameters.actors.enumerated() {
                #expect(value["territory_\(actor.id)"] == outcome.territoryShare[index], "\(replication)")
                #expect(value["losses_\(actor.id)"] == outcome.combatantLosses[index], "\(replication)")
            }
            let strikes = parameters.actors.map { value["strikes_\($0.id)", default: .nan] }.reduce(0, +)
            #expect(strikes == Double(outcome.airstrikes), "\(replication)")
            #expect(value["civilians_killed"] == outcome.civiliansKilled)
            #expect(value["civilians_injured"] == outcome.civiliansInjured)
            #expect(value["civilians_displaced"] == outcome.civiliansDisplaced)
            #expect(value["ladder_level"] == Double(outcome.finalLadderLevel))
        }
        #expect(reachedHorizon > 0)
    }

    /// A small CSV as rows keyed by the header (escsim's files quote nothing in these columns).
    static func rows(_ path: String) throws -> [[String: String]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}
