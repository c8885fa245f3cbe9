import EscalationModel
import Experiments
import Stochastic

/// The readers of the individual CSV files. Each checks the columns it needs by name and every
/// number it reads: an empty field is a missing value (NaN), anything else must parse.
extension OutputFolder {
    static func readSummary(_ path: String) throws(ReportError)
        -> (summaries: [String: [String: OutcomeSummary]], outcomes: [String], variants: [String])
    {
        var summaries: [String: [String: OutcomeSummary]] = [:]
        var outcomes: [String] = []
        var variants: [String] = []
        let columns = BatchOutput.summaryColumns
        try CSVReader(path: path).forEachRow(requiring: columns) { row, c throws(ReportError) in
            let read = FieldReader(row: row, columns: c, path: path)
            let kindText = row.text(c["kind"])
            guard let kind = OutcomeKind(rawValue: kindText) else {
                throw ReportError.badCSV(path: path, line: row.line, reason: "unknown outcome kind '\(kindText)'")
            }
            let summary = OutcomeSummary(
                variant: row.text(c["variant"]), outcome: row.text(c["outcome"]), kind: kind, n: try read.count("n"),
                mean: try read.number("mean"), sd: try read.number("sd"), min: try read.number("min"),
                p05: try read.number("p05"), p25: try read.number("p25"), p50: try read.number("p50"),
                p75: try read.number("p75"), p95: try read.number("p95"), max: try read.number("max"),
                ciLow: try read.number("ci95_low"), ciHigh: try read.number("ci95_high"),
                ciMethod: row.text(c["ci_method"]))
            if summaries[summary.variant] == nil { variants.append(summary.variant) }
            if summaries[summary.variant, default: [:]].updateValue(summary, forKey: summary.outcome) != nil {
                throw ReportError.badCSV(
                    path: path, line: row.line,
                    reason: "a second row for \(summary.variant) / \(summary.outcome)")
            }
            if variants.count == 1 { outcomes.append(summary.outcome) }
        }
        return (summaries, outcomes, variants)
    }

    static func readHistograms(_ path: String) throws(ReportError) -> [String: [String: [HistogramBin]]] {
        var histograms: [String: [String: [HistogramBin]]] = [:]
        let columns = BatchOutput.histogramColumns
        try CSVReader(path: path).forEachRow(requiring: columns) { row, c throws(ReportError) in
            let read = FieldReader(row: row, columns: c, path: path)
            let low = try read.finite("bin_low")
            let high = try read.finite("bin_high")
            guard high >= low else {
                throw ReportError.badCSV(
                    path: path, line: row.line, reason: "a bin whose upper edge is below its lower")
            }
            let bin = HistogramBin(
                low: low, high: high, count: try read.count("count"),
                fraction: try read.number("fraction"))
            histograms[row.text(c["variant"]), default: [:]][row.text(c["outcome"]), default: []].append(bin)
        }
        return histograms
    }

    static func readTimeline(_ path: String) throws(ReportError) -> [TimelineSeries] {
        var series: [TimelineSeries] = []
        var index: [String: Int] = [:]
        let columns = BatchOutput.timelineColumns
        try CSVReader(path: path).forEachRow(requiring: columns) { row, c throws(ReportError) in
            let read = FieldReader(row: row, columns: c, path: path)
            let variant = row.text(c["variant"])
            let measure = row.text(c["measure"])
            let point = TimelineSeries.Point(
                day: try read.finite("day"), mean: try read.number("mean"), p05: try read.number("p05"),
                p25: try read.number("p25"), p50: try read.number("p50"), p75: try read.number("p75"),
                p95: try read.number("p95"))
            // A unit separator cannot occur in an identifier, so the key is unambiguous.
            let key = variant + "\u{1F}" + measure
            if let position = index[key] {
                series[position].points.append(point)
            } else {
                index[key] = series.count
                series.append(TimelineSeries(variant: variant, measure: measure, points: [point]))
            }
        }
        for position in series.indices {
            series[position].points.sort { $0.day < $1.day }
        }
        return series
    }

    static func readComparisons(_ path: String) throws(ReportError) -> [PairedComparison] {
        var rows: [PairedComparison] = []
        let columns = BatchOutput.comparisonColumns
        try CSVReader(path: path).forEachRow(requiring: columns) { row, c throws(ReportError) in
            let read = FieldReader(row: row, columns: c, path: path)
            rows.append(
                PairedComparison(
                    variant: row.text(c["variant"]), baseline: row.text(c["baseline"]), outcome: row.text(c["outcome"]),
                    pairs: try read.count("n_pairs"), meanVariant: try read.number("mean_variant"),
                    meanBaseline: try read.number("mean_baseline"), difference: try read.number("difference"),
                    ciLow: try read.number("ci95_low"), ciHigh: try read.number("ci95_high"),
                    pairing: row.text(c["pairing"])))
        }
        return rows
    }

    static func readSensitivity(_ path: String) throws(ReportError) -> [SensitivityEntry] {
        var rows: [SensitivityEntry] = []
        let columns = BatchOutput.sensitivityColumns
        try CSVReader(path: path).forEachRow(requiring: columns) { row, c throws(ReportError) in
            let read = FieldReader(row: row, columns: c, path: path)
            rows.append(
                SensitivityEntry(
                    variant: row.text(c["variant"]), outcome: row.text(c["outcome"]),
                    parameter: row.text(c["parameter"]),
                    method: row.text(c["method"]), n: try read.count("n"), prcc: try read.number("prcc"),
                    ciLow: try read.number("ci95_low"), ciHigh: try read.number("ci95_high"),
                    pValue: try read.number("p_value")))
        }
        return rows
    }
}

extension OutputFolder {
    /// The columns of `scores.csv` (escsim score) the report reads.
    static let scoreColumns = [
        "variant", "id", "kind", "what", "compared_with", "observed_low", "observed_high", "runs", "median", "p05",
        "p95", "pit", "crps", "probability", "brier", "covered", "outlet", "published", "counted", "url",
    ]

    static func readScores(_ path: String) throws(ReportError) -> [BacktestScore] {
        var rows: [BacktestScore] = []
        try CSVReader(path: path).forEachRow(requiring: scoreColumns) { row, c throws(ReportError) in
            let read = FieldReader(row: row, columns: c, path: path)
            let kindText = row.text(c["kind"])
            guard let kind = BacktestScore.Kind(rawValue: kindText) else {
                throw ReportError.badCSV(
                    path: path, line: row.line, reason: "unknown observation kind '\(kindText)'")
            }
            // 1 or 0 (also as "1.0" from a spreadsheet or pandas); empty when no run was compared.
            let covered: Bool?
            switch try read.number("covered") {
            case let value where value.isNaN: covered = nil
            case 1: covered = true
            case 0: covered = false
            default:
                throw ReportError.badCSV(
                    path: path, line: row.line, reason: "covered is '\(row.text(c["covered"]))', not 1, 0 or empty")
            }
            let low = try read.finite("observed_low")
            let high = try read.finite("observed_high")
            guard high >= low else {
                throw ReportError.badCSV(path: path, line: row.line, reason: "observed_high is below observed_low")
            }
            rows.append(
                BacktestScore(
                    variant: row.text(c["variant"]), id: row.text(c["id"]), kind: kind, what: row.text(c["what"]),
                    comparedWith: row.text(c["compared_with"]), observedLow: low, observedHigh: high,
                    runs: try read.count("runs"), median: try read.number("median"), p05: try read.number("p05"),
                    p95: try read.number("p95"), pit: try read.number("pit"), crps: try read.number("crps"),
                    probability: try read.number("probability"), brier: try read.number("brier"),
                    covered: covered, outlet: row.text(c["outlet"]), published: row.text(c["published"]),
                    counted: row.text(c["counted"]), url: row.text(c["url"])))
        }
        return rows
    }
}

/// Reads typed fields of one CSV row by column name, with errors that name file, line and column.
private struct FieldReader {
    let row: CSVRecord
    let columns: CSVColumns
    let path: String

    /// A number, or NaN for an empty field (escsim's missing value).
    func number(_ name: String) throws(ReportError) -> Double {
        let position = columns[name]
        if row.isEmpty(position) { return .nan }
        guard let value = row.number(position) else { throw invalid(name, "not a number") }
        return value
    }

    /// A number that must be present and finite (a bin edge, a day).
    func finite(_ name: String) throws(ReportError) -> Double {
        let value = try number(name)
        guard value.isFinite else { throw invalid(name, "not a finite number") }
        return value
    }

    /// A count: a whole number, zero or more.
    func count(_ name: String) throws(ReportError) -> Int {
        let value = try number(name)
        guard value.isFinite, value >= 0, value == value.rounded(), value < 1e15 else {
            throw invalid(name, "not a count")
        }
        return Int(value)
    }

    private func invalid(_ name: String, _ what: String) -> ReportError {
        .badCSV(path: path, line: row.line, reason: "\(name) is '\(row.text(columns[name]))', \(what)")
    }
}
