import EscalationModel
import Experiments
import Foundation
import Stochastic
import Testing

@testable import escsim

/// The daily series of `run --daily`: declared once in `DailySeriesCatalogue`, kept in the
/// records only when asked for, written as `daily.csv`, and in agreement with the outcomes.
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
            + ["losses", "killed", "wounded", "captured", "deserted", "strikes"].flatMap { series in
                parameters.actors.map { "\(series)_\($0.id)" }
            }
            + parameters.actors.map { "reinforcements_\($0.id)" }
            + ["civilians_killed", "civilians_injured", "civilians_displaced", "ladder_level", "civilians_fled"]
            + parameters.actors.map { "aircraft_lost_\($0.id)" }
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
            let outcome = Replication.run(
                parameters: parameters, seeds: StreamSeeds(masterSeed: 11), index: replication)
            guard outcome.endState != .incomplete else { continue }
            if outcome.endState == .stalemate || outcome.endState == .ongoingWar { reachedHorizon += 1 }
            #expect(outcome.lastDay == horizon)
            #expect(DailySeriesCatalogue.snapshot(of: outcome, day: 0) == nil)
            #expect(DailySeriesCatalogue.snapshot(of: outcome, day: horizon + 1) == nil)
            for day in 1...horizon {
                let snapshot = try #require(DailySeriesCatalogue.snapshot(of: outcome, day: day))
                #expect(snapshot.day == day)
                let value = Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0.value(snapshot)) })
                let camps =
                    value["camp_territory_opposition", default: .nan] + value["camp_territory_loyalist", default: .nan]
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

    /// Without `--daily` a record is what it was before `--daily` existed: the daily run's
    /// record less its daily part, bit for bit.
    @Test func withoutDailyTheRecordsLackOnlyTheDailyPart() throws {
        let plain = try Fixtures.plan(replications: 4, variants: ["russia_air_surge"]).experiment()
        let daily = try Fixtures.plan(replications: 4, variants: ["russia_air_surge"], daily: true).experiment()
        #expect(!plain.daily && plain.layout.dailySeries.isEmpty)
        #expect(daily.daily && plain.layout.width == daily.layout.dailyOffset)
        #expect(daily.layout.width == plain.layout.width + daily.layout.days * daily.layout.dailySeries.count)
        for replication in 0..<4 {
            let a = plain.runGroup(replication: replication)
            let b = daily.runGroup(replication: replication)
            for variant in 0..<2 {
                let record = a[(variant * plain.layout.width)..<((variant + 1) * plain.layout.width)]
                let start = variant * daily.layout.width
                let prefix = b[start..<(start + plain.layout.width)]
                #expect(record.map(\.bitPattern) == prefix.map(\.bitPattern))
            }
        }
    }

    /// A plan written before `--daily` (or without it) has no `daily` key and reads as not daily;
    /// a daily plan keeps it.
    @Test func aPlanWithoutDailyReadsAsBefore() throws {
        let plain = Fixtures.plan(replications: 3)
        #expect(!plain.json().contains("\"daily\""))
        let decoded = try JSONDecoder().decode(ExperimentPlan.self, from: Data(plain.json().utf8))
        #expect(decoded == plain && !decoded.daily)
        let daily = Fixtures.plan(replications: 3, daily: true)
        #expect(daily.json().contains("\"daily\" : true"))
        let back = try JSONDecoder().decode(ExperimentPlan.self, from: Data(daily.json().utf8))
        #expect(back == daily && back.daily)
        #expect(!plain.isSameBatch(as: daily))
    }

    /// `daily.csv` holds one row per variant, ok replication and day; on the last day its
    /// columns shared with `replications.csv` hold the same text.
    @Test func dailyCSVMatchesReplicationsCSVOnTheLastDay() throws {
        let directory = Fixtures.scratch("daily")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let plan = Fixtures.plan(replications: 25, variants: ["ceasefire_push"], daily: true)
        let completion = try Fixtures.run(plan, into: directory)
        #expect(completion.manifest.files.contains("daily.csv"))
        #expect(completion.manifest.fileSHA256?["daily.csv"] != nil)
        let daily = try Self.rows(directory + "/daily.csv")
        let replications = try Self.rows(directory + "/replications.csv")
        let ok = replications.filter { $0["status"] == "ok" }
        #expect(daily.count == ok.count * 20)
        #expect(Set(daily.map { $0["day"] ?? "" }) == Set((1...20).map(String.init)))
        for row in ok {
            let last = try #require(
                daily.first {
                    $0["variant"] == row["variant"] && $0["replication"] == row["replication"] && $0["day"] == "20"
                })
            let shared = row.keys.filter { name in
                name.hasPrefix("territory_") || name.hasPrefix("losses_") || name.hasPrefix("civilians_")
            }
            #expect(shared.count > 6)
            for name in shared { #expect(last[name] == row[name], "\(name)") }
            #expect(last["ladder_level"] == row["ladder_final"])
        }
        #expect(
            daily.allSatisfy {
                ["hts", "sna", "regime", "russia", "iran", "hezbollah", "turkey"].contains(
                    $0["controller_aleppo_city"] ?? "")
            })
    }

    @Test func shardsOfADailyAndAPlainBatchDoNotMerge() throws {
        let a = Fixtures.scratch("a")
        let b = Fixtures.scratch("b")
        let out = Fixtures.scratch("out")
        defer { for path in [a, b, out] { try? FileManager.default.removeItem(atPath: path) } }
        try Fixtures.run(Fixtures.plan(replications: 6, shard: Shard(index: 0, count: 2)), into: a)
        try Fixtures.run(Fixtures.plan(replications: 6, shard: Shard(index: 1, count: 2), daily: true), into: b)
        #expect(throws: ExperimentError.self) {
            try BatchMerge.merge(directories: [a, b], into: out, commandLine: [], compile: PlanCompiler.compile)
        }
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
