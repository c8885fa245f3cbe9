import DiscreteEvent
import EscalationModel
import Stochastic

/// The summary as a table for the terminal: one line per outcome, numbers aligned.
public enum SummaryTable {
    public static func render(_ statistics: [OutcomeStatistic], replications: Int) -> String {
        var rows: [[String]] = [["outcome", "n", "mean", "95% interval", "p05", "p50", "p95"]]
        for statistic in statistics {
            let s = statistic.sample
            let isShare = statistic.column.kind == .indicator || statistic.column.kind == .share
            func show(_ x: Double) -> String { format(x, percent: isShare) }
            let interval = s.n == 0 ? "" : "[\(show(statistic.interval.low)), \(show(statistic.interval.high))]"
            if statistic.column.kind == .indicator {
                rows.append([statistic.column.name, "\(s.n)", show(s.mean), interval, "", "", ""])
            } else {
                rows.append([statistic.column.name, "\(s.n)", show(s.mean), interval, show(s.p05), show(s.p50), show(s.p95)])
            }
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines: [String] = []
        for (index, row) in rows.enumerated() {
            let cells = row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + pad : pad + cell
            }
            lines.append(cells.joined(separator: "  "))
            if index == 0 { lines.append(String(repeating: "-", count: lines[0].count)) }
        }
        lines.append("(\(replications) replications; day outcomes are over the runs where the event happened)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Variant against baseline for the headline outcomes: probabilities, cities, harm.
    public static func renderComparisons(_ rows: [ComparisonRow]) -> String {
        let headline: (String) -> Bool = { name in
            name.hasSuffix("_fell") || name == "regime_collapsed" || name == "ceasefire" || name == "civilians_killed"
                || name == "airstrikes" || name == "end_stalemate"
        }
        var lines = [["variant", "outcome", "variant mean", "baseline mean", "difference", "95% interval"]]
        for row in rows where headline(row.outcome) {
            let percent = !(row.outcome == "civilians_killed" || row.outcome == "airstrikes")
            let d = row.difference
            lines.append([row.variant, row.outcome, format(d.meanA, percent: percent), format(d.meanB, percent: percent),
                          format(d.difference, percent: percent),
                          "[\(format(d.interval.low, percent: percent)), \(format(d.interval.high, percent: percent))]"])
        }
        let widths = lines[0].indices.map { column in lines.map { $0[column].count }.max() ?? 0 }
        var text = lines.enumerated().map { index, row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return column < 2 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        text.insert(String(repeating: "-", count: text[0].count), at: 1)
        return text.joined(separator: "\n") + "\n(paired differences over the same replications; all outcomes in comparison.csv)\n"
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
    public static func fixed(_ x: Double, digits: Int) -> String {
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
