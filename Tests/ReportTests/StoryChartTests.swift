import Experiments
import Foundation
import Scenario
import Testing

@testable import EscalationModel
@testable import Report

/// The section of one traced run: the event timeline and the region graph, and when the report
/// may trace the run at all (only from the scenario file the manifest recorded).
@Suite struct StoryChartTests {
    /// The fixture folder's manifest, pointed at the shipped scenario file as it is on disk.
    private func manifest(sha256: String? = nil) throws -> Manifest {
        var manifest = try Manifest.load(path: try ReportFixtures.withVariants.get() + "/manifest.json")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: ReportFixtures.scenarioPath))
        manifest.scenario.file = ReportFixtures.scenarioPath
        manifest.scenario.sha256 = sha256 ?? SHA256.hexDigest(Array(bytes))
        manifest.engine = nil
        return manifest
    }

    @Test func theStoryIsReplicationZeroOfTheFolder() throws {
        let story = try ReplicationStory.load(manifest: try manifest()).get()
        // The fixture ran the same scenario (its engine path made absolute) with seed 41:
        // replication 0 of the baseline is the first row of its replications.csv.
        let runs = try ReportFixtures.rows(try ReportFixtures.withVariants.get() + "/replications.csv")
        let first = try #require(runs.rows.first { $0[0] == "baseline" && $0[1] == "0" })
        #expect(story.traced.outcome.endState.rawValue == first[runs.header.firstIndex(of: "end_state")!])
        let events = Double(first[runs.header.firstIndex(of: "events")!])!
        #expect(Double(story.traced.outcome.eventsProcessed) == events)
        // The end holders follow the handovers: every region a capture names ends with a camp
        // that captured it, or changed again later.
        let holders = story.traced.finalControllers
        #expect(holders.count == story.parameters.regions.count)
        let last = Dictionary(
            story.traced.entries.filter { TracedReplication.handovers[$0.event] != nil }.map { entry in
                (entry.region!, entry.actors[TracedReplication.handovers[entry.event]!])
            }, uniquingKeysWith: { _, later in later })
        for (region, taker) in last {
            let index = story.parameters.regions.firstIndex { $0.id == region }!
            #expect(story.parameters.actors[holders[index]].id == taker, "\(region)")
        }
    }

    @Test func aChangedOrMissingScenarioIsNotTraced() throws {
        let changed = ReplicationStory.load(manifest: try manifest(sha256: String(repeating: "0", count: 64)))
        #expect(throws: ReplicationStory.Unavailable.self) { try changed.get() }
        #expect((try? changed.get()) == nil)
        if case .failure(let why) = changed { #expect(why.reason.contains("changed since the run")) }
        var missing = try manifest()
        missing.scenario.file = "/nonexistent/escsim-scenario.yaml"
        if case .failure(let why) = ReplicationStory.load(manifest: missing) {
            #expect(why.reason.contains("not readable"))
        } else {
            Issue.record("a missing scenario file gave a story")
        }
        // The page says so, and draws neither chart.
        let folder = try OutputFolder.load(try ReportFixtures.withVariants.get())
        let page = HTMLReport(folder: folder, story: .failure(.init(reason: "the scenario file x changed"))).render()
        #expect(page.html.contains("Not drawn: the scenario file x changed"))
        #expect(!page.html.contains("chart event-timeline") && !page.html.contains("chart region-graph"))
    }

    @Test func theTimelineAndGraphDrawTheTracedRun() throws {
        let story = try ReplicationStory.load(manifest: try manifest()).get()
        let folder = try OutputFolder.load(try ReportFixtures.withVariants.get())
        let page = HTMLReport(folder: folder, story: .success(story)).render()
        let charts = ChartMarkup.all(in: page.html)
        #expect(page.charts == charts.count)
        let timeline = try #require(ChartMarkup.kind(charts, "event-timeline").first)
        let drawn = story.traced.entries.filter { !EventTimelineChart.frequent.contains($0.event) }
        #expect(timeline.attributes["data-events"] == "\(drawn.count)")
        #expect(timeline.elements("event").count == drawn.count)
        // Each mark sits at its event's day, on its acting actor's row.
        let marks = timeline.elements("event").map { ($0["data-event"]!, Double($0["data-day"]!)!) }
        #expect(marks.map(\.0).sorted() == drawn.map(\.event).sorted())
        #expect(Set(marks.map(\.1)) == Set(drawn.map(\.day)))
        let strikes = Set(
            story.traced.entries.filter { $0.event == "airstrike" }.map { "\($0.actors[0])-\(Int($0.day))" })
        #expect(timeline.elements("strike-day").count == strikes.count)

        let graph = try #require(ChartMarkup.kind(charts, "region-graph").first)
        let regions = story.parameters.regions
        #expect(graph.elements("region").map { $0["data-region"] ?? "" } == regions.map(\.id))
        let edges = Set(regions.indices.flatMap { a in regions[a].neighbours.map { [min(a, $0), max(a, $0)] } })
        #expect(graph.elements("edge").count == edges.count)
        for (index, node) in graph.elements("region").enumerated() {
            let start = story.parameters.actors[regions[index].controller].camp.index
            let end = story.parameters.actors[story.traced.finalControllers[index]].camp.index
            #expect(node["data-start-camp"] == "\(start)" && node["data-end-camp"] == "\(end)")
        }
    }

    /// A long story keeps the page small: at most `maximumMarks` events, and airstrike ticks per
    /// span of days past `maximumStrikeBins` days of horizon.
    @Test func aLongStoryIsCapped() throws {
        var parameters = try ReplicationStory.load(manifest: try manifest()).get().parameters
        parameters.horizonDays = 2000
        let actor = parameters.actors[0].id
        let entries =
            (0..<2500).map { TraceEntry(day: Double($0) * 0.7, event: "assault", actors: [actor], sentence: "a") }
            + (0..<2000).map { TraceEntry(day: Double($0), event: "airstrike", actors: [actor], sentence: "s") }
        let chart = EventTimelineChart(id: "t", title: "T", parameters: parameters, entries: entries)
        #expect(chart.marks.count == EventTimelineChart.maximumMarks && chart.omitted == 500)
        #expect(chart.strikeSpan == 4 && chart.strikeDays[0].count == 500)
        #expect(chart.strikeDays[0].allSatisfy { $0 % 4 == 0 })
        #expect(chart.caption.contains("500 later events not drawn") && chart.caption.contains("spans of 4 days"))
        let svg = ChartMarkup.all(in: chart.svg())[0]
        #expect(svg.elements("event").count == 2000 && svg.elements("strike-day").count == 500)
    }

    @Test func theLayoutIsLayeredByDistance() {
        // 0 - 1 - 2, 0 - 3, and 4 - 5 apart: columns by distance from 0, then the next component.
        let layers = RegionGraphChart.layers(neighbours: [[1, 3], [0, 2], [1], [0], [5], [4]])
        #expect(layers.map(\.column) == [0, 1, 2, 1, 3, 4])
        #expect(layers.map(\.slot) == [0, 0, 0, 1, 0, 0])
        // Every region gets a place of its own.
        #expect(Set(layers.map { "\($0.column),\($0.slot)" }).count == 6)
    }
}
