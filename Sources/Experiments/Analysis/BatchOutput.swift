import DiscreteEvent
import EscalationModel
import Foundation
import Stochastic

/// Turns the record logs of a batch into its output files. Their bytes depend only on the
/// records (scenario, seed, replication count and variants), never on threads, shards, resumes
/// or timing; the manifest, which records those, is written last.
public enum BatchOutput {
    public static let replicationsFile = "replications.csv"
    public static let summaryFile = "summary.csv"
    public static let histogramsFile = "histograms.csv"
    public static let timelineFile = "timeline.csv"
    public static let comparisonFile = "comparison.csv"
    public static let sensitivityFile = "sensitivity.csv"
    /// Only with `escsim run --daily`.
    public static let dailyFile = "daily.csv"
    public static let manifestFile = "manifest.json"
    /// What `escsim report` writes into the folder when given no other path (never a batch).
    public static let reportFile = "report.html"
    /// Every file a batch may write into its folder (which of them depends on the batch).
    public static let allFiles = [
        replicationsFile, summaryFile, histogramsFile, timelineFile, comparisonFile,
        sensitivityFile, manifestFile, dailyFile,
    ]

    /// The files a batch claims in its folder: `daily.csv` only with `--daily`, so that a batch
    /// without it treats a folder exactly as before.
    public static func files(daily: Bool) -> [String] {
        daily ? allFiles : allFiles.filter { $0 != dailyFile }
    }

    /// The header of each file, as written and as `escsim report` requires it; `replications.csv`
    /// opens with `replicationsLeadingColumns` (the record header), then the outcome and parameter columns.
    public static let replicationsLeadingColumns = ["variant", "replication", "status", "error", "end_state"]
    public static let summaryColumns = [
        "variant", "outcome", "kind", "n", "mean", "sd", "min", "p05", "p25", "p50", "p75", "p95", "max",
        "ci95_low", "ci95_high", "ci_method",
    ]
    public static let histogramColumns = ["variant", "outcome", "bin_low", "bin_high", "count", "fraction"]
    public static let timelineColumns = ["variant", "day", "measure", "mean", "p05", "p25", "p50", "p75", "p95"]
    /// `daily.csv` opens with these, then one column per series of `DailySeriesCatalogue`.
    public static let dailyLeadingColumns = ["variant", "replication", "day"]
    public static let comparisonColumns = ComparisonRow.header
    public static let sensitivityColumns = Sensitivity.header

    /// What the files hold, for the terminal and `--json`.
    public struct Result: Sendable {
        /// Per variant, per outcome.
        public var statistics: [[OutcomeStatistic]]
        public var comparisons: [ComparisonRow]
        public var files: [String]
        /// The SHA-256 of each file written, by name.
        public var checksums: [String: String]
        public var failedRecords: Int
    }

    /// Writes every data file into `directory` (each whole or not at all; scratch space in
    /// `workDirectory`); the caller writes the manifest.
    public static func write(
        _ experiment: Experiment, logs: [RecordLog], to directory: String,
        workDirectory: String
    ) throws(FileWriteError) -> Result {
        let layout = experiment.layout
        let store = try ColumnStore(
            logs: logs, width: layout.width, variants: experiment.variantCount,
            workDirectory: workDirectory)
        var files: [String] = []
        var checksums: [String: String] = [:]
        func publish(_ text: String, as name: String) throws(FileWriteError) {
            try AtomicFile.write(text, to: directory + "/" + name)
            files.append(name)
            checksums[name] = SHA256.hexDigest(text.utf8)
        }
        let (failed, replicationsSHA256) = try writeReplications(
            experiment, logs: logs,
            to: directory + "/" + replicationsFile)
        files.append(replicationsFile)
        checksums[replicationsFile] = replicationsSHA256

        var statistics: [[OutcomeStatistic]] = []
        var summary = CSVTable(header: summaryColumns)
        var histograms = CSVTable(header: histogramColumns)
        let masks = (0..<experiment.variantCount).map { store.okMask(variant: $0) }
        for (variant, name) in experiment.variantNames.enumerated() {
            var perOutcome: [OutcomeStatistic] = []
            for (index, column) in layout.outcomes.enumerated() {
                // One array per column, sorted in place by the summary and reused by the histogram.
                var present = store.presentValues(
                    variant: variant, field: layout.outcomeOffset + index,
                    mask: masks[variant])
                let statistic = OutcomeStatistic(column: column, sorting: &present)
                perOutcome.append(statistic)
                summary.append(summaryRow(name, statistic))
                for bin in column.kind.histogram(of: present) {
                    histograms.append([
                        .text(name), .text(column.name), .number(bin.low), .number(bin.high),
                        .integer(bin.count), .number(bin.fraction),
                    ])
                }
            }
            statistics.append(perOutcome)
        }
        try publish(summary.text, as: summaryFile)
        try publish(histograms.text, as: histogramsFile)

        if layout.days > 0 {
            var timeline = CSVTable(header: timelineColumns)
            for (variant, name) in experiment.variantNames.enumerated() {
                // A variant's bands stop at its own horizon (the layout runs to the longest).
                let horizon = experiment.scenarios[variant].baseParameters.horizonDays
                for day in 1...layout.days where Double(day) <= horizon {
                    for (measure, measureName) in layout.timelineMeasures.enumerated() {
                        var values = store.presentValues(
                            variant: variant, field: layout.timelineIndex(day: day, measure: measure),
                            mask: masks[variant])
                        let s = SampleSummary(sorting: &values)
                        timeline.append([
                            .text(name), .integer(day), .text(measureName), .number(s.mean),
                            .number(s.p05), .number(s.p25), .number(s.p50), .number(s.p75), .number(s.p95),
                        ])
                    }
                }
            }
            try publish(timeline.text, as: timelineFile)
        }

        var comparisons: [ComparisonRow] = []
        if experiment.variantCount > 1 {
            var table = CSVTable(header: ComparisonRow.header)
            for variant in 1..<experiment.variantCount {
                for (index, column) in layout.outcomes.enumerated() {
                    let field = layout.outcomeOffset + index
                    let row = ComparisonRow(
                        variant: experiment.variantNames[variant], baseline: experiment.variantNames[0],
                        outcome: column.name, commonRandomNumbers: experiment.commonRandomNumbers,
                        difference: PairedDifference(
                            store.okColumn(variant: variant, field: field, mask: masks[variant]),
                            store.okColumn(variant: 0, field: field, mask: masks[0])))
                    comparisons.append(row)
                    table.append(row.fields)
                }
            }
            try publish(table.text, as: comparisonFile)
        }

        if let sensitivity = Sensitivity.table(experiment, store: store, masks: masks) {
            try publish(sensitivity.text, as: sensitivityFile)
        }

        if experiment.daily {
            files.append(dailyFile)
            checksums[dailyFile] = try writeDaily(experiment, logs: logs, to: directory + "/" + dailyFile)
        }
        return Result(
            statistics: statistics, comparisons: comparisons, files: files, checksums: checksums,
            failedRecords: failed)
    }

    static func summaryRow(_ variant: String, _ statistic: OutcomeStatistic) -> [CSVField] {
        let s = statistic.sample
        return [
            .text(variant), .text(statistic.column.name), .text(statistic.column.kind.rawValue),
            .integer(s.n), .number(s.mean), .number(s.sd), .number(s.min), .number(s.p05), .number(s.p25),
            .number(s.p50), .number(s.p75), .number(s.p95), .number(s.max),
            .number(statistic.interval.low), .number(statistic.interval.high), .text(statistic.intervalMethod),
        ]
    }

    /// `replications.csv`, streamed from the logs: one row per replication and variant. Returns
    /// the number of failed records and the file's SHA-256.
    static func writeReplications(_ experiment: Experiment, logs: [RecordLog], to path: String) throws(FileWriteError)
        -> (failed: Int, sha256: String)
    {
        let layout = experiment.layout
        let file = try StagedFile(path: path)
        let header =
            replicationsLeadingColumns + layout.outcomes.map(\.name)
            + layout.parameters
        try file.append(CSVTable.renderLine(header.map(CSVField.text)))
        var failed = 0
        try forEachRecord(of: experiment, in: logs, into: file) { values, base, header, text in
            // `BatchSession` checked every header of the log before this runs.
            let status = header.status ?? .nonFinite
            if status != .ok { failed += 1 }
            var row: [CSVField] = [
                .text(experiment.variantNames[Int(header.variant)]), .integer(Int(header.replication)),
                .text(status.label), .text(layout.errorText(status: status, detail: Int(header.detail))),
                .text((header.endState ?? .incomplete).rawValue),
            ]
            for field in layout.outcomeOffset..<layout.timelineOffset {
                row.append(.number(values[base + field]))
            }
            text += CSVTable.renderLine(row)
        }
        try file.commit()
        return (failed, file.sha256)
    }

    /// `daily.csv`, streamed from the logs a block at a time: one row per day of each `ok`
    /// record (failed runs are not to be compared with the world), days 1 to its variant's
    /// horizon. Returns the file's SHA-256.
    static func writeDaily(_ experiment: Experiment, logs: [RecordLog], to path: String) throws(FileWriteError)
        -> String
    {
        let layout = experiment.layout
        let file = try StagedFile(path: path)
        let header = dailyLeadingColumns + layout.dailySeries.map(\.name)
        try file.append(CSVTable.renderLine(header.map(CSVField.text)))
        // Variants share their actors (`Experiment` checks the series names), so the baseline's ids do.
        let actorIDs = experiment.scenarios[0].baseParameters.actors.map(\.id)
        let lastDays = experiment.scenarios.map { min(layout.days, Int($0.baseParameters.horizonDays.rounded(.down))) }
        try forEachRecord(of: experiment, in: logs, into: file) { values, base, header, text in
            guard header.isOK else { return }
            let variant = Int(header.variant)
            let leading: [CSVField] = [.text(experiment.variantNames[variant]), .integer(Int(header.replication))]
            for day in stride(from: 1, through: lastDays[variant], by: 1) {
                var row = leading + [.integer(day)]
                for (index, series) in layout.dailySeries.enumerated() {
                    let value = values[base + layout.dailyIndex(day: day, series: index)]
                    row.append(series.isController ? actorField(value, ids: actorIDs) : .number(value))
                }
                text += CSVTable.renderLine(row)
            }
        }
        try file.commit()
        return file.sha256
    }

    /// Calls `body` with every record of `logs` in order (the block of values it is in, its
    /// offset there, its header, and the text of the block's rows so far), reading a block of
    /// groups at a time and appending each block's text to `file`: the streaming both CSV files
    /// of records are written by, with flat memory.
    static func forEachRecord(
        of experiment: Experiment, in logs: [RecordLog], into file: StagedFile,
        _ body: (_ values: [Double], _ base: Int, _ header: RecordLayout.Header, _ text: inout String) -> Void
    ) throws(FileWriteError) {
        let width = experiment.layout.width
        for log in logs {
            var group = 0
            while group < log.groupCount {
                let take = min(log.readBlock, log.groupCount - group)
                let values = log.read(groups: group, count: take)
                var text = ""
                for record in 0..<(take * experiment.variantCount) {
                    body(values, record * width, RecordLayout.header(values, at: record * width), &text)
                }
                try file.append(text)
                group += take
            }
        }
    }

    /// A controller series' value (an actor's index) as the actor's id; missing if it is none.
    static func actorField(_ value: Double, ids: [String]) -> CSVField {
        guard let index = RecordLayout.Header.whole(value, below: ids.count) else { return .missing }
        return .text(ids[index])
    }
}
