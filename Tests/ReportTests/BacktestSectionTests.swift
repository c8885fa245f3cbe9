import Foundation
import Testing

@testable import Report

/// The Backtest section: drawn from a folder's scores.csv, absent (and the page unchanged)
/// without one, hostile text escaped, a damaged file refused with its line.
@Suite struct BacktestSectionTests {
    static let header =
        "variant,id,kind,what,compared_with,observed_low,observed_high,runs,median,p05,p95,pit,crps,"
        + "probability,brier,covered,outlet,published,counted,url"

    /// Rows in the layout `escsim score` writes: five events, two quantities, one fact. PITs
    /// 0.05, 0.15, 0.17, 0.55, 0.95, 1 and 0.5 fall in bins 0, 1, 1, 5, 9, 9 and 5 of ten.
    static let rows = [
        "baseline,aleppo_city_fell,event,Rebels took most of Aleppo city,aleppo_city_fall_day,2,4,200,4.5,1.4,14.3,"
            + "0.05,1.2,,,1,Reuters,2024-11-30,army redeployed,https://example.org/a",
        "baseline,hama_fell,event,Rebels entered Hama,hama_fall_day,8,9,200,5.3,1.6,17.1,0.15,1.8,,,1,Shafaq News,"
            + "2024-12-05,army withdrew,https://example.org/b",
        "baseline,homs_fell,event,<script>alert(1)</script>,homs_fall_day,10,12,200,8.6,2.3,30,0.17,1.9,,,1,"
            + "\"Outlet \"\"<b>\"\"\",2024-12-08,\"counted <img src=x onerror=alert(2)>\","
            + "\"javascript:alert(3)\"",
        "baseline,damascus_fell,event,Rebels declared Damascus captured,damascus_fall_day,11,12,200,10.1,2.4,30,0.55,"
            + "2.0,,,1,Ukrainska Pravda,2024-12-08,announced,https://example.org/d",
        "baseline,regime_collapsed,event,Assad fled,regime_collapse_day,11,12,200,10.1,2.4,30,0.95,2.1,,,1,"
            + "Kyiv Independent,2024-12-08,rule ended,https://example.org/e",
        "baseline,killed_day_9,quantity,Civilians killed by day 9,civilians_killed day 9,300,500,200,200,50,"
            + "350,1,150,,,1,SOHR,2024-12-06,a count,",
        "baseline,displaced,quantity,Displaced,civilians_displaced day 2-9,1000,1000,200,800,100,2000,0.5,300,,,0,"
            + "OCHA,2024-12-07,estimate,",
        "baseline,no_ceasefire,fact,No ceasefire before Damascus fell,ceasefire_day <= 12,0,0,200,,,,,,0.055,"
            + "0.003025,1,Devdiscourse,2024-12-07,\"a call, not a truce\",https://example.org/f",
    ]

    static func write(_ lines: [String], into folder: String) throws {
        try ([header] + lines).joined(separator: "\n").appending("\n").write(
            toFile: folder + "/scores.csv", atomically: true, encoding: .utf8)
    }

    static func backtest(_ html: String) -> String {
        guard let start = html.range(of: "<section id=\"backtest\">"),
            let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex)
        else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func withoutScoresThePageIsByteForByteTheSame() throws {
        let folder = try ReportFixtures.copy(try ReportFixtures.baselineOnly.get(), as: "unscored")
        let before = HTMLReport(folder: try OutputFolder.load(folder)).render().html
        #expect(!before.contains("backtest") && !before.contains("scores.csv"))
        try Self.write(Self.rows, into: folder)
        let scored = HTMLReport(folder: try OutputFolder.load(folder)).render().html
        #expect(scored != before)
        try FileManager.default.removeItem(atPath: folder + "/scores.csv")
        let after = HTMLReport(folder: try OutputFolder.load(folder)).render().html
        #expect(Array(after.utf8) == Array(before.utf8))
    }

    @Test func theSectionHasARowPerObservationTotalsAndAPITHistogram() throws {
        let folder = try ReportFixtures.copy(try ReportFixtures.baselineOnly.get(), as: "scored")
        try Self.write(Self.rows, into: folder)
        let page = HTMLReport(folder: try OutputFolder.load(folder)).render()
        let section = Self.backtest(page.html)
        #expect(!section.isEmpty)
        #expect(page.html.contains("<li><a href=\"#backtest\">Backtest</a></li>"))
        #expect(page.html.contains(", scores.csv. Charts use"))
        #expect(section.components(separatedBy: "<tr><td class=\"wrap\"><code>").count - 1 == Self.rows.count)
        #expect(section.contains("day 2\u{2013}4"))
        #expect(section.contains("300\u{2013}500"))
        #expect(section.contains("did not happen") && section.contains("p = 5.5%"))
        #expect(section.contains("Brier 0.003"))
        // Events: mean CRPS (1.2 + 1.8 + 1.9 + 2.0 + 2.1) / 5 = 1.8 days, all covered. Quantities:
        // (150 / 400 + 300 / 1000) / 2 = 33.75% of the observed value, one of two covered.
        #expect(section.contains("events (5): mean CRPS 1.80 days, 100.0% inside the model&#39;s 90% interval"))
        #expect(section.contains("quantities (2): mean CRPS 33.8% of the observed value, 50.0% inside"))
        #expect(section.contains("facts (1): mean Brier 0.003, 100.0% given the larger share"))

        let pit = try #require(ChartMarkup.kind(ChartMarkup.all(in: section), "pit").first)
        let counts = pit.elements("bar").compactMap { $0.number("data-count") }
        #expect(counts == [1, 2, 0, 0, 0, 2, 0, 0, 0, 2])
        #expect(pit.elements("uniform").first?.number("data-value") == 0.7)
        #expect(page.charts == ChartMarkup.all(in: page.html).count)
    }

    @Test func observationsAreDrawnOnTheChartsOfWhatTheyObserve() throws {
        let folder = try ReportFixtures.copy(try ReportFixtures.baselineOnly.get(), as: "overlays")
        try Self.write(Self.rows, into: folder)
        let page = HTMLReport(folder: try OutputFolder.load(folder)).render()
        let charts = ChartMarkup.all(in: page.html)
        let aleppo = try #require(
            ChartMarkup.kind(charts, "histogram").first { $0.attributes["data-outcome"] == "aleppo_city_fall_day" })
        let band = aleppo.elements("observed")
        #expect(band.count == 1)
        #expect(band.first?.number("data-low") == 2 && band.first?.number("data-high") == 4)
        #expect(aleppo.text.contains("aleppo_city_fell"))
        let killed = try #require(
            ChartMarkup.kind(charts, "fan").first { $0.attributes["data-measure"] == "civilians_killed" })
        let point = killed.elements("observed")
        #expect(point.count == 1)
        #expect(point.first?.number("data-day") == 9 && point.first?.number("data-high") == 500)
        // A change between two days (civilians_displaced day 2-9) is no point of any fan.
        #expect(!page.html.contains("data-measure=\"civilians_displaced\""))
        // Five event windows on their day histograms, one count on its fan.
        #expect(charts.flatMap { $0.elements("observed") }.count == 6)
        // Without scores no chart has an observed mark.
        try FileManager.default.removeItem(atPath: folder + "/scores.csv")
        let plain = HTMLReport(folder: try OutputFolder.load(folder)).render().html
        #expect(ChartMarkup.all(in: plain).allSatisfy { $0.elements("observed").isEmpty })
    }

    @Test func pitBinsCountEdgesIntoTheRightBin() {
        #expect(
            PITHistogram.counts([0, 0.1, 0.099, 0.5, 0.999, 1, .nan, -0.2, 1.3], bins: 10)
                == [3, 1, 0, 0, 0, 1, 0, 0, 0, 3])
        #expect(PITHistogram.counts([], bins: 4) == [0, 0, 0, 0])
    }

    @Test func untrustedTextIsEscapedAndNeverALink() throws {
        let folder = try ReportFixtures.copy(try ReportFixtures.baselineOnly.get(), as: "hostile")
        try Self.write(Self.rows, into: folder)
        let html = HTMLReport(folder: try OutputFolder.load(folder)).render().html
        let section = Self.backtest(html)
        #expect(section.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(section.contains("Outlet &quot;&lt;b&gt;&quot;"))
        #expect(section.contains("counted &lt;img src=x onerror=alert(2)&gt;"))
        #expect(section.contains("<code>example.org/a</code>"))
        #expect(section.contains("<code>javascript:alert(3)</code>"))
        #expect(!html.contains("https://") && !html.contains("http://"))
        #expect(HTMLReport.addressText("HTTP://a.org/x") == "a.org/x" && HTMLReport.addressText("a.org") == "a.org")
        #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("<b>"))
        #expect(!section.contains("href="))
    }

    @Test func aBadNumberInScoresIsAnErrorWithItsLine() throws {
        let folder = try ReportFixtures.copy(try ReportFixtures.baselineOnly.get(), as: "bad-scores")
        var rows = Self.rows
        rows[2] = rows[2].replacingOccurrences(of: ",0.17,", with: ",zero,")
        try Self.write(rows, into: folder)
        #expect(
            throws: ReportError.badCSV(path: folder + "/scores.csv", line: 4, reason: "pit is 'zero', not a number")
        ) {
            try HTMLReport.write(folder: folder)
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/report.html"))
        rows = Self.rows
        rows[1] = rows[1].replacingOccurrences(of: ",,,1,Shafaq", with: ",,,2,Shafaq")
        try Self.write(rows, into: folder)
        #expect(
            throws: ReportError.badCSV(
                path: folder + "/scores.csv", line: 3, reason: "covered is '2', not 1, 0 or empty")
        ) {
            try HTMLReport.write(folder: folder)
        }
        rows = Self.rows
        rows[0] = rows[0].replacingOccurrences(of: ",event,", with: ",rumour,")
        try Self.write(rows, into: folder)
        #expect(
            throws: ReportError.badCSV(
                path: folder + "/scores.csv", line: 2, reason: "unknown observation kind 'rumour'")
        ) {
            try HTMLReport.write(folder: folder)
        }
    }
}
