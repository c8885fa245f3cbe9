import EscalationModel
import Foundation
import Stochastic
import Testing

@testable import Experiments
@testable import escsim

@Suite struct SummaryTableTests {
    let fell = OutcomeStatistic(
        column: OutcomeColumn(name: "city_fell", kind: .indicator, description: ""),
        values: [1, 1, 1, 0])
    let day = OutcomeStatistic(
        column: OutcomeColumn(name: "city_fall_day", kind: .day, description: ""),
        values: [1, 2, 2, 3, 3, 3, 10, .nan])
    let share = OutcomeStatistic(
        column: OutcomeColumn(name: "territory_x", kind: .share, description: ""),
        values: [0.25, 0.5, 0.75])
    let never = OutcomeStatistic(
        column: OutcomeColumn(name: "gas_day", kind: .day, description: ""),
        values: [.nan, .nan])

    @Test func profileCountsEveryValueInEqualBins() {
        // 1...10 over ten bins of width 0.9: 1, 2, 3, 3 and 10 in the first, second, third and last.
        #expect(day.profile == [1, 2, 3, 0, 0, 0, 0, 0, 0, 1])
        #expect(day.profile.reduce(0, +) == day.sample.n)
        // Ladder levels spanning 3 values get one bar per value.
        let levels = OutcomeStatistic(
            column: OutcomeColumn(name: "peak", kind: .level, description: ""),
            values: [4, 6, 6, 5, 6])
        #expect(levels.profile == [1, 1, 3])
        #expect(never.profile.isEmpty)
        #expect(OutcomeStatistic(column: day.column, values: [7, 7]).profile == [2])
        // A span beyond Double's range (it trapped converting NaN to Int): ends in the end bins.
        let extreme = OutcomeStatistic(
            column: OutcomeColumn(name: "q", kind: .quantity, description: ""),
            values: [-1e308, 0, 1e308])
        #expect(extreme.profile == [1, 0, 0, 0, 0, 1, 0, 0, 0, 1])
    }

    @Test func sparklineScalesToTheFullestBinAndKeepsRareBinsVisible() {
        #expect(SummaryTable.sparkline([1, 2, 3, 0, 0, 0, 0, 0, 0, 1]) == "\u{2583}\u{2586}\u{2588}      \u{2583}")
        #expect(SummaryTable.sparkline([1, 1000]) == "\u{2581}\u{2588}")
        #expect(SummaryTable.sparkline([]) == "")
    }

    @Test func probabilitiesArePercentagesWithIntervalsAndQuantitiesHaveMedianAndNinetyPercentRange() {
        let text = SummaryTable.render([fell, day, share, never], replications: 8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let fellLine = try! #require(lines.first { $0.hasPrefix("city_fell ") })
        let wilson = fell.interval
        #expect(fellLine.contains("75.0%"))
        #expect(
            fellLine.contains(
                "[\(SummaryTable.format(wilson.low, percent: true)), "
                    + "\(SummaryTable.format(wilson.high, percent: true))]"))
        let dayLine = try! #require(lines.first { $0.hasPrefix("city_fall_day ") })
        #expect(dayLine.contains(" 7 "))  // n: the runs where the city fell
        #expect(
            dayLine.contains(
                "[\(SummaryTable.format(day.sample.p05, percent: false)), "
                    + "\(SummaryTable.format(day.sample.p95, percent: false))]"))
        #expect(dayLine.contains(SummaryTable.sparkline(day.profile)))
        #expect(dayLine.hasSuffix("1 to 10"))
        let shareLine = try! #require(lines.first { $0.hasPrefix("territory_x ") })
        #expect(shareLine.contains("50.0%") && shareLine.contains("25.0% to 75.0%"))
        #expect(lines.contains { $0.hasPrefix("gas_day ") && $0.hasSuffix("never happened") })
        #expect(!text.contains("\u{1B}["))
    }

    @Test func columnsAreAligned() {
        let text = SummaryTable.render([fell, day, share, never], replications: 8)
        let blocks = text.components(separatedBy: "\n\n")
        #expect(blocks.count == 2)
        for block in blocks {
            let rows = block.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("-") && !$0.hasPrefix("(") }
            // The second column (n) ends at the same character in every row of a table.
            let ends = rows.map { row -> Int in
                let afterName = row.firstIndex(of: " ")!
                let nEnd =
                    row[afterName...].firstIndex { $0 != " " }.flatMap { start in
                        row[start...].firstIndex(of: " ")
                    } ?? row.endIndex
                return row.distance(from: row.startIndex, to: nEnd)
            }
            #expect(Set(ends).count == 1, "\(rows)")
        }
    }

    @Test func colourOnlyWhenAskedAndNeverInsideTheWidths() {
        let plain = SummaryTable.render([fell, day], replications: 8, colour: false)
        let coloured = SummaryTable.render([fell, day], replications: 8, colour: true)
        #expect(coloured.contains("\u{1B}[1m") && coloured.contains("\u{1B}[36m"))
        // Removing the escape codes gives back the plain table exactly.
        var stripped = coloured
        for code in ["\u{1B}[1m", "\u{1B}[36m", "\u{1B}[0m"] {
            stripped = stripped.replacingOccurrences(of: code, with: "")
        }
        #expect(stripped == plain)
    }

    @Test func comparisonsGiveProbabilityChangesInPercentagePoints() {
        let variant: [Double] = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0]  // 40%
        let baseline: [Double] = [1, 1, 1, 1, 1, 1, 0, 0, 0, 0]  // 60%
        let row = ComparisonRow(
            variant: "surge", baseline: "baseline", outcome: "regime_collapsed",
            commonRandomNumbers: true, difference: PairedDifference(variant, baseline))
        let text = SummaryTable.renderComparisons([row])
        let line = try! #require(text.split(separator: "\n").first { $0.hasPrefix("surge") })
        #expect(line.contains("40.0%") && line.contains("60.0%"))
        #expect(line.contains("-20.0 pp"))
        #expect(line.contains("[\(SummaryTable.fixed(row.difference.interval.low * 100, digits: 1)) pp, "))
    }
}
