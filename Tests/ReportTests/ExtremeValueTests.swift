import Foundation
import Stochastic
import Testing

@testable import Report

/// Charts stay bounded whatever the numbers in a folder: huge, tiny, equal, infinite or NaN
/// values give a page of bounded size with a bounded number of ticks, drawn at finite
/// coordinates near the chart (issue 11: one interval bound of 1e307 took 17 GB in 60 s).
@Suite struct ExtremeValueTests {
    /// Domains that once looped, overflowed or collapsed, and ordinary ones for contrast.
    static let domains: [(Double, Double)] = [
        (0, 1e307), (-1e307, 1e307), (0, .infinity), (-.infinity, .infinity), (.nan, 1), (.nan, .nan),
        (1e16, 1e16 + 2), (1e300, 1e300), (-1.7e308, 1.7e308), (0, .leastNonzeroMagnitude), (0, 0x1p-1030), (3, 3),
        (-.greatestFiniteMagnitude, 0), (0, 134), (-12.5, 4),
    ]

    @Test(arguments: domains)
    func everyScaleHasAFiniteSpanAndFewTicks(low: Double, high: Double) {
        let scale = LinearScale(domain: (low, high), range: (62, 540))
        #expect(scale.domain.low.isFinite && scale.domain.high.isFinite)
        #expect(scale.domain.high > scale.domain.low)
        for candidate in [scale, scale.nice(count: 5)] {
            #expect(candidate.domain.low.isFinite && candidate.domain.high.isFinite)
            let (values, step) = candidate.ticks(count: 6)
            #expect(step.isFinite && step > 0)
            #expect(values.count <= LinearScale.maximumTicks)
            #expect(values.allSatisfy { $0.isFinite })
            // Distinct ticks: a span too narrow for its magnitude is widened, not stepped in place.
            #expect(Set(values).count == values.count)
        }
        for value in [low, high, 0, 1e308, -.infinity, .infinity] where !value.isNaN {
            let position = scale(value)
            #expect(position.isFinite && position.magnitude < 20_000, "\(value) -> \(position)")
        }
    }

    @Test func ordinaryScalesAreUnchanged() {
        let scale = LinearScale(domain: (0, 134), range: (0, 100))
        // 134 / 6 = 22.3 rounds to a step of 25.
        #expect(scale.nice(count: 6).domain == (0, 150))
        #expect(scale.ticks(count: 6).values == [0, 25, 50, 75, 100, 125])
        #expect(LinearScale(domain: (3, 3), range: (0, 1)).domain == (2.5, 3.5))
        #expect(scale(67) == 50)
    }

    @Test func tickCountIsCappedWhateverIsAskedFor() {
        let scale = LinearScale(domain: (0, 1), range: (0, 100))
        #expect(scale.ticks(count: 1_000_000).values.count <= LinearScale.maximumTicks)
        #expect(scale.ticks(count: -3).values.count <= LinearScale.maximumTicks)
    }

    /// Sets `column` to `value` in the rows of the CSV at `path` that `where` picks (by row
    /// index and the row's fields); escsim's files hold identifiers and numbers only.
    private func edit(
        _ path: String, column: String, to value: (Int, [String]) -> String?,
        where pick: (Int, [String]) -> Bool = { _, _ in true }
    ) throws {
        let (header, rows) = try ReportFixtures.rows(path)
        guard let position = header.firstIndex(of: column) else {
            Issue.record("\(path) has no column \(column)")
            return
        }
        let edited = rows.enumerated().map { index, row -> [String] in
            guard pick(index, row), let new = value(index, row) else { return row }
            var row = row
            row[position] = new
            return row
        }
        let text = ([header] + edited).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Every chart of `html` has few ticks, and every coordinate is a finite number near the chart.
    private func expectBounded(_ html: String) {
        let charts = ChartMarkup.all(in: html)
        #expect(!charts.isEmpty)
        for chart in charts {
            let id = chart.attributes["id"] ?? "?"
            #expect(chart.elements("tick").count <= 2 * LinearScale.maximumTicks + 1, "\(id)")
            #expect(chart.elements("grid").count <= LinearScale.maximumTicks, "\(id)")
            #expect(chart.elements("bar").count <= HistogramChart.maximumBars, "\(id)")
            #expect(chart.text.utf8.count < 200_000, "\(id): \(chart.text.utf8.count) bytes")
            for element in chart.elements {
                for name in ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "width", "height"] {
                    guard let text = element.attributes[name] else { continue }
                    let value = Double(text)
                    #expect(
                        value?.isFinite == true && value!.magnitude < 20_000, "\(id) \(element.name) \(name)=\(text)")
                }
            }
        }
    }

    /// The folder of issue 11: interval bounds of 1e307 in comparison.csv (1e309 percentage
    /// points for a probability) once made the forest plot's ticks step over an infinite span.
    @Test func hugeIntervalBoundsInComparisonCSVGiveABoundedPage() throws {
        let folder = try ReportFixtures.copy(try ReportFixtures.withVariants.get(), as: "extreme-comparison")
        // Each outcome has five variant rows: give every forest plot all the awkward cases.
        let comparison = folder + "/comparison.csv"
        let lows = ["-1e-320", "-1e307", "10000000000000000", "inf", "nan"]
        let highs = ["1e307", "1e307", "10000000000000002", "inf", "1e-320"]
        let differences = ["0", "1e306", "10000000000000001", "-inf", "1e-321"]
        try edit(comparison, column: "ci95_low", to: { index, _ in lows[index % 5] })
        try edit(comparison, column: "ci95_high", to: { index, _ in highs[index % 5] })
        try edit(comparison, column: "difference", to: { index, _ in differences[index % 5] })
        let written = try HTMLReport.write(folder: folder)
        let html = try String(contentsOfFile: written.path, encoding: .utf8)
        #expect(html.utf8.count < 3_000_000, "\(html.utf8.count) bytes")
        #expect(html.hasSuffix("</html>\n"))
        expectBounded(html)
        #expect(ChartMarkup.kind(ChartMarkup.all(in: html), "forest").count >= 6)
    }

    @Test func extremeQuantilesDaysAndBinsGiveABoundedPage() throws {
        let folder = try ReportFixtures.copy(try ReportFixtures.withVariants.get(), as: "extreme-summary")
        // The baseline's quantiles and intervals.
        let summary = folder + "/summary.csv"
        let baseline: (Int, [String]) -> Bool = { _, row in row[0] == "baseline" }
        try edit(summary, column: "p95", to: { _, _ in "1e307" }, where: baseline)
        try edit(summary, column: "p05", to: { _, _ in "-inf" }, where: baseline)
        try edit(summary, column: "p50", to: { _, _ in "nan" }, where: baseline)
        try edit(summary, column: "ci95_high", to: { _, _ in "1e307" }, where: baseline)
        try edit(summary, column: "max", to: { _, _ in "inf" }, where: baseline)
        // Fans that reach 1e307 (times 100 for territory: beyond Double's range).
        let timeline = folder + "/timeline.csv"
        try edit(timeline, column: "p95", to: { _, _ in "1e307" })
        try edit(timeline, column: "p75", to: { index, _ in index % 2 == 0 ? "1e-320" : "inf" })
        // Histogram bins at both ends of the range, and too narrow for their magnitude.
        let histograms = folder + "/histograms.csv"
        try edit(histograms, column: "bin_low", to: { index, _ in index % 3 == 0 ? "10000000000000000" : nil })
        try edit(
            histograms, column: "bin_high",
            to: { index, _ in
                index % 3 == 0 ? "10000000000000002" : index % 3 == 1 ? "1e307" : nil
            })

        let written = try HTMLReport.write(folder: folder)
        let html = try String(contentsOfFile: written.path, encoding: .utf8)
        #expect(html.utf8.count < 3_000_000, "\(html.utf8.count) bytes")
        #expect(html.hasSuffix("</html>\n"))
        expectBounded(html)
        #expect(ChartMarkup.kind(ChartMarkup.all(in: html), "fan").count >= 2)
    }

    @Test func aHistogramWithAHundredThousandBinsIsDrawnWithFewBars() throws {
        let folder = try ReportFixtures.copy(try ReportFixtures.baselineOnly.get(), as: "many-bins")
        let path = folder + "/histograms.csv"
        let (header, rows) = try ReportFixtures.rows(path)
        let kept = rows.filter { !($0[0] == "baseline" && $0[1] == "civilians_killed") }
        let many = (0..<100_000).map { k in
            ["baseline", "civilians_killed", "\(k)", "\(k + 1)", k % 7 == 0 ? "1" : "0", "0"]
        }
        let text = ([header] + kept + many).map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)

        let html = HTMLReport(folder: try OutputFolder.load(folder)).render().html
        #expect(html.utf8.count < 3_000_000, "\(html.utf8.count) bytes")
        expectBounded(html)
        let chart = ChartMarkup.kind(ChartMarkup.all(in: html), "histogram")
            .first { $0.attributes["data-outcome"] == "civilians_killed" }
        let bars = chart?.elements("bar") ?? []
        #expect(!bars.isEmpty && bars.count <= HistogramChart.maximumBars)
        // Merged bars still hold every run the bins held.
        let total = bars.compactMap { $0.number("data-count") }.reduce(0, +)
        #expect(total == Double((0..<100_000).filter { $0 % 7 == 0 }.count))
    }

    @Test func integerOutcomesBeyondTwoToThe53AreBinnedWithoutHistogramsCSV() throws {
        let folder = try ReportFixtures.copy(try ReportFixtures.baselineOnly.get(), as: "huge-integers")
        try FileManager.default.removeItem(atPath: folder + "/histograms.csv")
        let manifestPath = folder + "/manifest.json"
        let manifest = try String(contentsOfFile: manifestPath, encoding: .utf8)
        try manifest.replacingOccurrences(of: "\"histograms.csv\",", with: "")
            .write(toFile: manifestPath, atomically: true, encoding: .utf8)
        // Whole numbers far beyond 2^53 (a huge casualty count) in two outcomes, one of them a
        // ladder level whose axis is labelled rung by rung.
        let huge = ["1e16", "1e300", "12", "9007199254740992", "1.5e18"]
        try edit(folder + "/replications.csv", column: "civilians_killed", to: { index, _ in huge[index % huge.count] })
        try edit(folder + "/replications.csv", column: "ladder_peak", to: { index, _ in index == 0 ? "1e300" : nil })

        let loaded = try OutputFolder.load(folder)
        let bins = loaded.bins("baseline", "civilians_killed")
        #expect(!bins.isEmpty && bins.count <= 60)
        #expect(bins.reduce(0) { $0 + $1.count } == loaded.runs("baseline"))
        #expect(loaded.bins("baseline", "ladder_peak").count <= 60)
        let html = HTMLReport(folder: loaded).render().html
        #expect(html.utf8.count < 3_000_000)
        expectBounded(html)
    }
}
