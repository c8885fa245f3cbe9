import DiscreteEvent
import EscalationModel
import Experiments
import Stochastic

/// The summary as tables for the terminal: probabilities with their 95% intervals, then every
/// other outcome with its mean, median, the range of the middle 90% of runs and a one-line
/// histogram. Columns are aligned; colour (ANSI) only when the caller says so.
enum SummaryTable {
    /// `scope` says what the runs are when they are not one variant's replications (a design's
    /// policy over all its points).
    static func render(
        _ statistics: [OutcomeStatistic], replications: Int, scope: String? = nil, colour: Bool = false
    ) -> String {
        let style = TerminalStyle(enabled: colour)
        var probabilities: [[String]] = [["probability", "n", "estimate", "95% interval"]]
        var quantities: [[String]] = [["outcome", "n", "mean", "median", "90% of runs", "distribution", "range"]]
        for statistic in statistics {
            let s = statistic.sample
            // Outcome names carry scenario identifiers: shown, never obeyed, by the terminal.
            let name = TerminalText.escaped(statistic.column.name)
            if statistic.column.kind == .indicator {
                let interval =
                    s.n == 0
                    ? ""
                    : "[\(format(statistic.interval.low, percent: true)), "
                        + "\(format(statistic.interval.high, percent: true))]"
                probabilities.append([name, "\(s.n)", s.n == 0 ? "-" : format(s.mean, percent: true), interval])
                continue
            }
            let percent = statistic.column.kind == .share
            func show(_ x: Double) -> String { format(x, percent: percent) }
            guard s.n > 0 else {
                quantities.append([name, "0", "-", "-", "", "", "never happened"])
                continue
            }
            quantities.append([
                name, "\(s.n)", show(s.mean), show(s.p50), "[\(show(s.p05)), \(show(s.p95))]",
                sparkline(statistic.profile), "\(show(s.min)) to \(show(s.max))",
            ])
        }
        var lines: [String] = []
        lines += aligned(probabilities, leftColumns: [0, 3], style: style) { _, cell in cell }
        lines.append("")
        lines += aligned(quantities, leftColumns: [0, 5, 6], style: style) { column, cell in
            column == 5 ? style.accent(cell) : cell
        }
        lines.append(
            "(\(scope ?? "\(replications) replications"); day outcomes are over the n runs where the event happened; "
                + "each histogram spans its range)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Eight block heights, the tallest bar the fullest bin; a bin with any value shows at
    /// least the lowest block so rare outcomes stay visible.
    static func sparkline(_ counts: [Int]) -> String {
        let blocks: [Character] = [
            "\u{2581}", "\u{2582}", "\u{2583}", "\u{2584}", "\u{2585}", "\u{2586}", "\u{2587}", "\u{2588}",
        ]
        guard let top = counts.max(), top > 0 else { return "" }
        return String(
            counts.map { count -> Character in
                count == 0 ? " " : blocks[min(blocks.count - 1, max(0, (count * blocks.count - 1) / top))]
            })
    }

    /// Rows padded to their column widths (left-aligned text columns, right-aligned numbers),
    /// a rule under the header, and `decorate` applied after padding so colour codes never
    /// count towards a width.
    static func aligned(
        _ rows: [[String]], leftColumns: Set<Int>, style: TerminalStyle,
        decorate: (Int, String) -> String
    ) -> [String] {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines: [String] = []
        for (index, row) in rows.enumerated() {
            let cells = row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                let padded = leftColumns.contains(column) ? cell + pad : pad + cell
                return index == 0 ? padded : decorate(column, padded)
            }
            var line = cells.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            lines.append(index == 0 ? style.bold(line) : line)
            if index == 0 { lines.append(String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1))) }
        }
        return lines
    }

    /// Variant against baseline for the headline outcomes: probabilities, cities, harm.
    static func renderComparisons(_ rows: [ComparisonRow]) -> String {
        let headline: (String) -> Bool = { name in
            name.hasSuffix("_fell") || name == "regime_collapsed" || name == "ceasefire" || name == "civilians_killed"
                || name == "airstrikes" || name == "end_stalemate"
        }
        var lines = [["variant", "outcome", "variant mean", "baseline mean", "difference", "95% interval"]]
        for row in rows where headline(row.outcome) {
            let percent = !(row.outcome == "civilians_killed" || row.outcome == "airstrikes")
            let d = row.difference
            // Differences of probabilities are in percentage points, not percent.
            func change(_ x: Double) -> String {
                percent ? fixed(x * 100, digits: 1) + " pp" : format(x, percent: false)
            }
            lines.append([
                TerminalText.escaped(row.variant), TerminalText.escaped(row.outcome), format(d.meanA, percent: percent),
                format(d.meanB, percent: percent),
                change(d.difference), "[\(change(d.interval.low)), \(change(d.interval.high))]",
            ])
        }
        let widths = lines[0].indices.map { column in lines.map { $0[column].count }.max() ?? 0 }
        var text = lines.enumerated().map { index, row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column < 2 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        text.insert(String(repeating: "-", count: text[0].count), at: 1)
        return text.joined(separator: "\n")
            + "\n(paired differences over the same replications; all outcomes in comparison.csv)\n"
    }

    /// Three significant figures, thousands unabbreviated, percentages for probabilities and shares.
    static func format(_ x: Double, percent: Bool) -> String {
        guard x.isFinite else { return "-" }
        if percent { return fixed(x * 100, digits: 1) + "%" }
        let magnitude = abs(x)
        if magnitude >= 1000 || x == x.rounded() { return fixed(x, digits: 0) }
        if magnitude >= 100 { return fixed(x, digits: 1) }
        if magnitude >= 1 { return fixed(x, digits: 2) }
        return fixed(x, digits: 3)
    }

    /// `x` with `digits` decimals, without Foundation's locale-dependent formatting.
    static func fixed(_ x: Double, digits: Int) -> String {
        guard abs(x) < 1e15 else { return "\(x)" }
        let scale = Double((0..<digits).reduce(1) { acc, _ in acc * 10 })
        let scaled = (abs(x) * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = Int(scaled) - whole * Int(scale)
        let sign = x < 0 && scaled != 0 ? "-" : ""
        guard digits > 0 else { return sign + "\(whole)" }
        let fractionText = String(fraction)
        return sign + "\(whole)." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }
}
