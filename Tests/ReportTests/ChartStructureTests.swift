import Foundation
import Testing

@testable import Report

/// The charts of a real folder's report against that folder's CSV files, read here naively.
@Suite struct ChartStructureTests {
    let folder: String
    let html: String
    let charts: [ChartMarkup]

    init() throws {
        folder = try ReportFixtures.withVariants.get()
        html = try ReportFixtures.page.get()
        charts = ChartMarkup.all(in: html)
    }

    private func chart(_ kind: String, _ key: String, _ value: String) -> ChartMarkup? {
        ChartMarkup.kind(charts, kind).first { $0.attributes[key] == value }
    }

    @Test func everyExpectedChartIsThere() throws {
        let histograms = ChartMarkup.kind(charts, "histogram").compactMap { $0.attributes["data-outcome"] }
        #expect(
            histograms == [
                "aleppo_city_fall_day", "hama_fall_day", "homs_fall_day", "damascus_fall_day",
                "regime_collapse_day", "ladder_peak", "civilians_killed", "civilians_displaced",
            ])
        let fans = Set(ChartMarkup.kind(charts, "fan").compactMap { $0.attributes["data-measure"] })
        #expect(fans.isSuperset(of: ["territory_hts", "territory_regime", "ladder_level", "civilians_killed"]))
        let forests = ChartMarkup.kind(charts, "forest").compactMap { $0.attributes["data-outcome"] }
        #expect(
            forests == [
                "aleppo_city_fell", "regime_collapsed", "ceasefire", "chemical_weapons_used", "ladder_peak",
                "civilians_killed", "civilians_displaced",
            ])
        // The page declares its chart count, and every <svg> is a chart of one of the known kinds.
        #expect(html.contains("<body data-charts=\"\(charts.count)\">"))
        let others = ["end-states", "overlaid-fan", "convergence", "tornado"].map { ChartMarkup.kind(charts, $0).count }
        #expect(others[0] == 1 && others[1] >= 3 && others[2] == 2 && others[3] >= 1)
        #expect(charts.count == histograms.count + fans.count + forests.count + others.reduce(0, +))
    }

    /// Territory of an actor is drawn when some day's p95 is above zero, and only then.
    @Test func fanChartsAreDrawnForActorsThatHoldTerritory() throws {
        let timeline = try ReportFixtures.rows(folder + "/timeline.csv")
        let variant = timeline.header.firstIndex(of: "variant")!
        let measure = timeline.header.firstIndex(of: "measure")!
        let p95 = timeline.header.firstIndex(of: "p95")!
        var holds: [String: Bool] = [:]
        for row in timeline.rows where row[variant] == "baseline" && row[measure].hasPrefix("territory_") {
            holds[row[measure], default: false] = holds[row[measure], default: false] || Double(row[p95])! > 0
        }
        #expect(holds.count == 7)
        for (measure, held) in holds {
            #expect((chart("fan", "data-measure", measure) != nil) == held, "\(measure)")
        }
    }

    @Test func histogramBarsMatchTheBinsAndCoverTheValues() throws {
        let bins = try ReportFixtures.rows(folder + "/histograms.csv")
        let runs = try ReportFixtures.rows(folder + "/replications.csv")
        for svg in ChartMarkup.kind(charts, "histogram") {
            let outcome = try #require(svg.attributes["data-outcome"])
            let rows = bins.rows.filter { $0[0] == "baseline" && $0[1] == outcome }
            let bars = svg.elements("bar")
            #expect(bars.count == rows.count, "\(outcome)")
            #expect(svg.attributes["data-bins"] == "\(rows.count)")
            // Bars in file order, with the file's counts.
            #expect(bars.map { $0["data-count"] ?? "" } == rows.map { $0[4] }, "\(outcome)")

            let column = try #require(runs.header.firstIndex(of: outcome))
            let values = runs.rows.filter { $0[0] == "baseline" && $0[2] == "ok" }.compactMap { Double($0[column]) }
            let low = try #require(svg.attributes.number("data-x-min"))
            let high = try #require(svg.attributes.number("data-x-max"))
            #expect(low <= values.min()!, "\(outcome): axis starts at \(low), smallest value \(values.min()!)")
            #expect(high >= values.max()!, "\(outcome): axis ends at \(high), largest value \(values.max()!)")
            // And the axis is not padded far beyond the data: at most one bin on either side.
            let width = Double(rows[0][3])! - Double(rows[0][2])!
            #expect(values.min()! - low <= width && high - values.max()! <= width, "\(outcome)")
        }
    }

    @Test func neverHappenedCountsAreTheEmptyCells() throws {
        let runs = try ReportFixtures.rows(folder + "/replications.csv")
        let day = [
            "aleppo_city_fall_day", "hama_fall_day", "homs_fall_day", "damascus_fall_day", "regime_collapse_day",
        ]
        var seenSome = false
        for outcome in day {
            let svg = try #require(chart("histogram", "data-outcome", outcome))
            let column = try #require(runs.header.firstIndex(of: outcome))
            let empty = runs.rows.filter { $0[0] == "baseline" && $0[2] == "ok" && $0[column].isEmpty }.count
            #expect(svg.attributes["data-never"] == "\(empty)", "\(outcome)")
            let box = svg.elements("censored")
            #expect(box.count == 1 && box.first?["data-count"] == "\(empty)", "\(outcome)")
            #expect(svg.text.contains("n = \(empty),"), "\(outcome)")
            seenSome = seenSome || empty > 0
        }
        #expect(seenSome, "the fixture should have a city that did not fall in some run")
        // Counts and levels have no such box.
        for outcome in ["ladder_peak", "civilians_killed"] {
            #expect(chart("histogram", "data-outcome", outcome)?.elements("censored").isEmpty == true)
        }
    }

    @Test func fanChartsSpanTheTimelineDays() throws {
        let timeline = try ReportFixtures.rows(folder + "/timeline.csv")
        let days = timeline.rows.filter { $0[0] == "baseline" && $0[2] == "ladder_level" }.map { Double($0[1])! }
        #expect(days.count == 30)
        for svg in ChartMarkup.kind(charts, "fan") {
            #expect(svg.attributes.number("data-x-min") == days.min(), "\(svg.attributes["data-measure"] ?? "")")
            #expect(svg.attributes.number("data-x-max") == days.max())
            #expect(svg.attributes["data-days"] == "\(days.count)")
            // The median line runs from the left edge of the plot to its right edge, one vertex a day.
            let median = try #require(svg.elements("median").first?["d"])
            let xs = median.split(separator: " ").map { Double($0.dropFirst().split(separator: ",")[0])! }
            let axis = try #require(svg.elements("x-axis").first)
            #expect(xs.count == days.count)
            #expect(xs.first == axis.number("x1") && xs.last == axis.number("x2"))
            #expect(zip(xs, xs.dropFirst()).allSatisfy { $0 < $1 })
        }
    }

    @Test func forestPlotsHaveOneRowPerVariantInFileOrder() throws {
        let comparison = try ReportFixtures.rows(folder + "/comparison.csv")
        for svg in ChartMarkup.kind(charts, "forest") {
            let outcome = try #require(svg.attributes["data-outcome"])
            let expected = comparison.rows.filter { $0[2] == outcome }
            let rows = svg.elements("row")
            #expect(rows.map { $0["data-variant"] ?? "" } == ReportFixtures.variants, "\(outcome)")
            #expect(rows.map { $0["data-variant"] ?? "" } == expected.map { $0[0] })
            #expect(rows.map { $0.number("data-low")! } == expected.map { Double($0[7])! })
            #expect(rows.map { $0.number("data-high")! } == expected.map { Double($0[8])! })
            // The drawn intervals keep the order of the numbers: a lower bound further left is drawn further left.
            let drawn = svg.elements("interval").map { min($0.number("x1")!, $0.number("x2")!) }
            #expect(drawn.count == expected.count)
            let lows = expected.map { Double($0[7])! }
            for i in lows.indices { for j in lows.indices where lows[i] < lows[j] { #expect(drawn[i] <= drawn[j]) } }
            // Zero is on the axis and marked.
            #expect(svg.attributes.number("data-x-min")! <= 0 && svg.attributes.number("data-x-max")! >= 0)
            #expect(svg.elements("zero").count == 1)
        }
        // Probabilities are shown in percentage points.
        let regime = try #require(chart("forest", "data-outcome", "regime_collapsed"))
        #expect(regime.text.contains("percentage points"))
        let row = try #require(comparison.rows.first { $0[0] == "ceasefire_push" && $0[2] == "regime_collapsed" })
        let points = Double(row[6])! * 100
        #expect(regime.text.contains(NumberText.fixed(points, digits: 1) + " ["))
    }

    @Test func chartsAreLabelledForReadersAndScreenReaders() throws {
        for svg in charts {
            #expect(svg.elements.first?.name == "title" && svg.elements.dropFirst().first?.name == "desc")
            #expect(svg.attributes["role"] == "img")
            #expect(!svg.elements("x-tick").isEmpty || svg.attributes["class"] == "chart forest")
            #expect(svg.elements("chart-title").count == 1)
        }
        let labels = Set(
            charts.flatMap { $0.text.matches(of: /class="axis-label [xy]-label">([^<]*)</).map { String($0.output.1) } }
        )
        #expect(
            labels.isSuperset(of: [
                "day", "% of territory", "civilians", "ladder rung", "runs",
                "difference, percentage points",
            ]))
    }

    @Test func thePageNeedsNothingFromOutside() throws {
        for forbidden in [
            "http://", "https://", "<script", "<link", "<img", "<iframe", "url(", "@import", "xlink:href",
        ] {
            #expect(!html.lowercased().contains(forbidden), "the page contains \(forbidden)")
        }
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("@media print"))
        #expect(html.contains("break-inside: avoid"))
        // Rendering is deterministic: the same folder gives the same bytes.
        let again = HTMLReport(folder: try OutputFolder.load(folder)).render().html
        #expect(again == html)
    }

    @Test func theHeaderAndManifestComeFromTheManifest() throws {
        let facts = [
            ("Scenario", "aleppo-2024 (Scenarios/aleppo-2024.yaml)"), ("Seed", "41"),
            ("Replications", "200 per variant"),
            ("Started", "2023-11-14T22:13:20Z"),
            (
                "Variants",
                "6: baseline, " + ReportFixtures.variants.joined(separator: ", ")
                    + " (common random numbers)"
            ),
        ]
        for (key, value) in facts {
            #expect(html.contains("<dt>\(key)</dt><dd>\(value)</dd>"), "\(key)")
        }
        #expect(html.contains(#/<dt>Random numbers</dt><dd>GSL 2\.[0-9.]+ mt19937</dd>/#))
        #expect(html.contains("<dt>Command</dt><dd><code>escsim run Scenarios/aleppo-2024.yaml</code></dd>"))
        for section in [
            "id=\"outcomes\"", "id=\"over-time\"", "id=\"variants\"", "id=\"summary\"", "id=\"sensitivity\"",
            "id=\"manifest\"",
        ] {
            #expect(html.contains(section))
        }
        // The sensitivity table ranks the scenario's two uncertain parameters.
        #expect(html.contains("actors.russia.commitment") && html.contains("actors.hezbollah.field_strength"))
    }
}
