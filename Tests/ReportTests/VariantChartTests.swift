import Foundation
import Stochastic
import Testing

@testable import Report

/// The charts that set the variants side by side (end states, overlaid fans, convergence,
/// tornado), read against the CSV files of the real fixture folder, read here naively.
@Suite struct VariantChartTests {
    let folder: String
    let html: String
    let charts: [ChartMarkup]
    let variants = ["baseline"] + ReportFixtures.variants

    init() throws {
        folder = try ReportFixtures.withVariants.get()
        html = try ReportFixtures.page.get()
        charts = ChartMarkup.all(in: html)
    }

    /// The `ok` rows of replications.csv and the column positions.
    private func okRuns() throws -> (header: [String], rows: [[String]]) {
        let runs = try ReportFixtures.rows(folder + "/replications.csv")
        return (runs.header, runs.rows.filter { $0[2] == "ok" })
    }

    @Test func endStateBarsCountTheEndStateColumn() throws {
        let svg = try #require(ChartMarkup.kind(charts, "end-states").first)
        let (header, rows) = try okRuns()
        let column = try #require(header.firstIndex(of: "end_state"))
        let groups = svg.elements("row")
        #expect(groups.map { $0["data-variant"] ?? "" } == variants)
        let segments = svg.elements("segment")
        for variant in variants {
            var expected: [String: Int] = [:]
            for row in rows where row[0] == variant { expected[row[column], default: 0] += 1 }
            let total = expected.values.reduce(0, +)
            #expect(groups.first { $0["data-variant"] == variant }?["data-runs"] == "\(total)")
            // The segments of this variant follow its row group; find them by the counts' total.
            let mine = segmentsOf(variant, in: svg)
            var drawn: [String: Int] = [:]
            for segment in mine { drawn[segment["data-state"] ?? "", default: 0] += Int(segment["data-count"] ?? "")! }
            #expect(drawn == expected.filter { $0.value > 0 }, "\(variant)")
            // The pieces of a bar fill the axis exactly: shares sum to one.
            let shares = mine.compactMap { $0.number("data-share") }.reduce(0, +)
            #expect(abs(shares - 1) < 1e-9, "\(variant)")
            let width = mine.compactMap { $0.number("width") }.reduce(0, +)
            let axis = try #require(svg.elements("x-axis").first)
            #expect(abs(width - (axis.number("x2")! - axis.number("x1")!)) < 0.05 * Double(mine.count), "\(variant)")
        }
        #expect(segments.count >= variants.count)
        // Every piece wide enough carries its percentage.
        #expect(svg.elements("segment-label").count == segments.filter { $0.number("data-share")! >= 0.06 }.count)
        #expect(svg.elements("legend-key").count == (svg.attributes["data-states"] ?? "").split(separator: " ").count)
    }

    /// The elements between the `<g class="row" data-variant=...>` of `variant` and the next row.
    private func segmentsOf(_ variant: String, in svg: ChartMarkup) -> [[String: String]] {
        var inside = false
        var found: [[String: String]] = []
        for element in svg.elements {
            let classes = (element.attributes["class"] ?? "").split(separator: " ")
            if element.name == "g" && classes.contains("row") {
                inside = element.attributes["data-variant"] == variant
            } else if inside && classes.contains("segment") {
                found.append(element.attributes)
            }
        }
        return found
    }

    @Test func overlaidFansHaveOneMedianAndBandPerVariant() throws {
        let overlaid = ChartMarkup.kind(charts, "overlaid-fan")
        #expect(!overlaid.isEmpty)
        let measures = Set(overlaid.compactMap { $0.attributes["data-measure"] })
        #expect(measures.isSuperset(of: ["territory_hts", "ladder_level", "civilians_killed"]))
        let timeline = try ReportFixtures.rows(folder + "/timeline.csv")
        for svg in overlaid {
            let measure = try #require(svg.attributes["data-measure"])
            let medians = svg.elements("median")
            #expect(medians.map { $0["data-variant"] ?? "" } == variants, "\(measure)")
            #expect(svg.elements("band-50").count == variants.count)
            #expect(svg.elements("legend-label").count == variants.count)
            // Each variant's line has a vertex per day of its timeline, and a colour of its own.
            for median in medians {
                let days = timeline.rows.filter { $0[0] == median["data-variant"] && $0[2] == measure }.count
                #expect(median["data-days"] == "\(days)", "\(measure)")
                #expect(median["d"]?.split(separator: " ").count == days)
            }
            #expect(Set(medians.compactMap { $0["stroke"] }).count == variants.count)
        }
    }

    @Test func convergenceEndsAtTheSummaryMean() throws {
        let summary = try ReportFixtures.rows(folder + "/summary.csv")
        let convergence = ChartMarkup.kind(charts, "convergence")
        #expect(convergence.compactMap { $0.attributes["data-outcome"] } == ["regime_collapsed", "damascus_fall_day"])
        for svg in convergence {
            let outcome = try #require(svg.attributes["data-outcome"])
            #expect(svg.attributes["data-runs"] == "200")
            let lines = svg.elements("estimate")
            #expect(lines.map { $0["data-variant"] ?? "" } == variants)
            for line in lines {
                let variant = try #require(line["data-variant"])
                let row = try #require(summary.rows.first { $0[0] == variant && $0[1] == outcome })
                let mean = try #require(Double(row[4]))
                let last = try #require(line.number("data-last"))
                #expect(abs(last - mean) <= 1e-9 * max(1, abs(mean)), "\(outcome) \(variant)")
            }
        }
    }

    @Test func theRunningEstimateIsTheMeanOfTheFirstRuns() {
        let points = ConvergenceChart.running([1, 0, 1, 1], indicator: true)
        #expect(points.map(\.n) == [1, 2, 3, 4])
        #expect(points.map(\.estimate) == [1, 0.5, 2.0 / 3, 0.75])
        let wilson = ConfidenceInterval.wilson(successes: 3, trials: 4)
        #expect(points[3].low == wilson.low && points[3].high == wilson.high)
        // A day outcome: runs without the event are left out of the mean but count as runs.
        let days = ConvergenceChart.running([4, .nan, 6, 8], indicator: false)
        #expect(days.map(\.estimate) == [4, 4, 5, 6])
        #expect(days[0].low.isNaN && days[1].low.isNaN)  // one value: no interval
        let t = ConfidenceInterval.studentT(mean: 6, sd: 2, n: 3)
        #expect(abs(days[3].low - t.low) < 1e-12 && abs(days[3].high - t.high) < 1e-12)
        // A long batch is drawn from at most maximumPoints points, and its last run is always one.
        let long = ConvergenceChart.running((0..<10_007).map { Double($0 % 3 == 0 ? 1 : 0) }, indicator: true)
        #expect(long.count <= ConvergenceChart.maximumPoints + 1)
        #expect(long.last?.n == 10_007)
        #expect(abs(long.last!.estimate - 3336.0 / 10_007) < 1e-12)
    }

    @Test func tornadoBarsAreTheLargestCorrelationsInOrder() throws {
        let sensitivity = try ReportFixtures.rows(folder + "/sensitivity.csv")
        let header = sensitivity.header
        let (outcome, parameter, prcc, low) = (
            header.firstIndex(of: "outcome")!, header.firstIndex(of: "parameter")!, header.firstIndex(of: "prcc")!,
            header.firstIndex(of: "ci95_low")!
        )
        let tornadoes = ChartMarkup.kind(charts, "tornado")
        #expect(!tornadoes.isEmpty)
        #expect(tornadoes.contains { $0.attributes["data-outcome"] == "civilians_killed" })
        for svg in tornadoes {
            let name = try #require(svg.attributes["data-outcome"])
            let rows = sensitivity.rows.filter { $0[0] == "baseline" && $0[outcome] == name }
                .compactMap { row in Double(row[prcc]).map { (row[parameter], $0, Double(row[low])) } }
                .filter { $0.1.isFinite }
            let expected = rows.sorted { abs($0.1) > abs($1.1) }.prefix(TornadoChart.maximumBars)
            let bars = svg.elements("row")
            #expect(bars.count == expected.count, "\(name)")
            #expect(bars.map { $0["data-parameter"] ?? "" } == expected.map(\.0), "\(name)")
            let values = bars.compactMap { $0.number("data-value") }
            #expect(zip(values, values.dropFirst()).allSatisfy { abs($0) >= abs($1) })
            // Negative correlations are drawn left of zero, positive ones right of it.
            let zero = try #require(svg.elements("zero").first?.number("x1"))
            for (bar, value) in zip(svg.elements("bar"), values) {
                let x = bar.number("x")!
                let width = bar.number("width")!
                #expect(value < 0 ? abs(x + width - zero) < 0.01 : abs(x - zero) < 0.01, "\(name)")
            }
            #expect(svg.elements("whisker").count == bars.count)
        }
        // The table is kept, folded below the charts.
        #expect(html.contains("<details><summary>The ranking table</summary>"))
    }

    @Test func tornadoRanksByMagnitudeAndDropsUndefinedValues() {
        let bars = [
            TornadoChart.Bar(parameter: "a", value: 0.1), TornadoChart.Bar(parameter: "b", value: -0.7),
            TornadoChart.Bar(parameter: "c", value: .nan), TornadoChart.Bar(parameter: "d", value: 0.1),
            TornadoChart.Bar(parameter: "e", value: 0.05, behind: 0.9),
        ]
        let chart = TornadoChart(id: "t", outcome: "o", title: "O", measure: "PRCC", bars: bars)
        // e ranks by its larger (total-order) measure; a before d keeps the file's order on a tie.
        #expect(chart.bars.map(\.parameter) == ["e", "b", "a", "d"])
        #expect(chart.ranked == 4)
        let many = (0..<30).map { TornadoChart.Bar(parameter: "p\($0)", value: Double($0) / 30) }
        let cut = TornadoChart(id: "t", outcome: "o", title: "O", measure: "PRCC", bars: many)
        #expect(cut.bars.count == TornadoChart.maximumBars && cut.bars.first?.parameter == "p29")
        #expect(cut.caption.contains("the 12 largest of 30 parameters"))
        #expect(TornadoChart.label(String(repeating: "x", count: 40)).count == TornadoChart.maximumLabel)
    }

    /// The never box has a scale of its own: its height is the share of all runs, whatever the
    /// bars' counts, and the bars' axis is set by the bars alone.
    @Test func theNeverBoxIsAShareOfAllRunsOnItsOwnScale() throws {
        let (header, rows) = try okRuns()
        let runs = rows.filter { $0[0] == "baseline" }.count
        var checked = 0
        for svg in ChartMarkup.kind(charts, "histogram") {
            guard let box = svg.elements("censored").first else { continue }
            let never = Double(box["data-count"]!)!
            let axis = try #require(svg.elements("never-axis").first)
            let height = axis.number("y2")! - axis.number("y1")!
            #expect(abs(box.number("height")! - never / Double(runs) * height) < 0.02, "\(svg.attributes["id"] ?? "")")
            let outcome = try #require(svg.attributes["data-outcome"])
            let column = try #require(header.firstIndex(of: outcome))
            #expect(
                Int(never) == rows.filter { $0[0] == "baseline" && $0[column].isEmpty }.count, "\(outcome)")
            // The count axis ends at a round number above the tallest bar, not at the never-count.
            let tallest = svg.elements("bar").compactMap { $0.number("data-count") }.max() ?? 0
            let top = svg.elements("y-tick").compactMap { Double(tickLabel(svg, $0)) }.max() ?? 0
            #expect(top >= tallest && top <= 2 * max(tallest, 5), "\(outcome): axis to \(top), tallest bar \(tallest)")
            checked += 1
        }
        #expect(checked >= 4)
    }

    /// The text of the y tick element `tick` of `svg` (ticks are `<text>` elements).
    private func tickLabel(_ svg: ChartMarkup, _ tick: [String: String]) -> String {
        let pattern = "x=\"\(tick["x"] ?? "")\" y=\"\(tick["y"] ?? "")\""
        guard let start = svg.text.range(of: pattern),
            let open = svg.text.range(of: ">", range: start.upperBound..<svg.text.endIndex),
            let close = svg.text.range(of: "<", range: open.upperBound..<svg.text.endIndex)
        else { return "" }
        return svg.text[open.upperBound..<close.lowerBound].replacingOccurrences(of: ",", with: "")
    }

    /// Every value label of a forest plot fits in the chart (at 11 px, DejaVu Sans' digits are
    /// 7 px wide at most: the page's font stack falls back to it on Linux).
    @Test func forestValueLabelsFitInTheChart() throws {
        for svg in ChartMarkup.kind(charts, "forest") {
            let labels = svg.text.matches(of: /<text x="([0-9.]+)"[^>]*class="row-value">([^<]*)</)
            #expect(!labels.isEmpty)
            for label in labels {
                let x = Double(label.output.1)!
                #expect(x + Double(label.output.2.count) * 6.3 <= ForestPlot.width, "\(label.output.2)")
            }
        }
    }

    @Test func theKeyOutcomesTableWrapsItsCells() throws {
        #expect(html.contains("<table class=\"key-outcomes\">"))
        #expect(html.contains("table.key-outcomes td { white-space: normal;"))
        // The interval sits on a line of its own under the mean.
        #expect(html.contains(#/<td>[0-9.,%]+<br><span class="interval">\[[^\]]+\]/#))
    }
}
