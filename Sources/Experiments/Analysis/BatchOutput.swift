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
    /// What each replication drew for the uncertain parameters (inputs, apart from outcomes).
    public static let drawsFile = "draws.csv"
    /// Designs only: one row per experiment (point x policy) with its swept values.
    public static let experimentsFile = "experiments.csv"
    /// Designs: global sensitivity (`escsim sensitivity`): Saltelli's Sobol indices, Morris's
    /// elementary effects, PRIM's scenario-discovery boxes.
    public static let sobolFile = "sobol.csv"
    public static let morrisFile = "morris.csv"
    public static let primFile = "prim.csv"
    /// Only with `escsim run --daily`.
    public static let dailyFile = "daily.csv"
    public static let manifestFile = "manifest.json"
    /// What `escsim report` writes into the folder when given no other path (never a batch).
    public static let reportFile = "report.html"
    /// Every file a batch may write into its folder (which of them depends on the batch).
    public static let allFiles = [
        replicationsFile, drawsFile, experimentsFile, summaryFile, histogramsFile, timelineFile, comparisonFile,
        sensitivityFile, sobolFile, morrisFile, primFile, manifestFile, dailyFile,
    ]

    /// The files a batch claims in its folder: `daily.csv` only with `--daily`, so that a batch
    /// without it treats a folder exactly as before.
    public static func files(daily: Bool) -> [String] {
        daily ? allFiles : allFiles.filter { $0 != dailyFile }
    }

    /// The header of each file, as written and as `escsim report` requires it; `replications.csv`
    /// opens with `replicationsLeadingColumns` (the record header), then the outcome and parameter columns.
    public static let replicationsLeadingColumns = ["variant", "replication", "status", "error", "end_state"]
    public static let summaryColumns = SummaryRow.header
    public static let histogramColumns = ["variant", "outcome", "bin_low", "bin_high", "count", "fraction"]
    public static let timelineColumns = ["variant", "day", "measure", "mean", "p05", "p25", "p50", "p75", "p95"]
    /// `draws.csv` opens with these, then one column per uncertain parameter (dotted path).
    public static let drawsLeadingColumns = ["variant", "replication"]
    /// `experiments.csv` opens with these, then one column per swept parameter (dotted path).
    public static let experimentsLeadingColumns = ["variant", "point", "policy"]
    /// `daily.csv` opens with these, then one column per series of `DailySeriesCatalogue`.
    public static let dailyLeadingColumns = ["variant", "replication", "day"]
    public static let comparisonColumns = ComparisonRow.header
    public static let sensitivityColumns = Sensitivity.header

    /// What the files hold, for the terminal and `--json`.
    public struct Result: Sendable {
        /// Per variant (in a design: per policy, or per experiment with `--per-point`), per outcome.
        public var statistics: [[OutcomeStatistic]]
        /// The names of `statistics`' rows, as `summary.csv`'s variant column gives them.
        public var statisticsNames: [String]
        public var comparisons: [ComparisonRow]
        public var files: [String]
        /// The SHA-256 of each file written, by name.
        public var checksums: [String: String]
        public var failedRecords: Int
        /// What the batch could not write and why (the terminal shows them as notes).
        public var notes: [String] = []
    }

    /// Writes every data file into `directory` (each whole or not at all; scratch space in
    /// `workDirectory`); the caller writes the manifest. `perPoint`: a design summarises each
    /// experiment instead of each policy over all its points.
    public static func write(
        _ experiment: Experiment, logs: [RecordLog], to directory: String,
        workDirectory: String, perPoint: Bool = false
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
        if let design = experiment.design {
            try publish(experimentsTable(experiment, design: design).text, as: experimentsFile)
        }
        let (failed, replicationsSHA256) = try writeReplications(
            experiment, logs: logs,
            to: directory + "/" + replicationsFile)
        files.append(replicationsFile)
        checksums[replicationsFile] = replicationsSHA256
        let drawn = drawnParameters(of: experiment)
        if !drawn.isEmpty {
            files.append(drawsFile)
            checksums[drawsFile] = try writeDraws(
                experiment, parameters: drawn, logs: logs, to: directory + "/" + drawsFile)
        }

        let groups = summaryGroups(experiment, perPoint: perPoint)
        let masks = (0..<experiment.variantCount).map { store.okMask(variant: $0) }
        // A group's values of one field: its variants' in order, so two groups of a design line
        // up point by point and replication by replication (the pairing of common random numbers).
        func present(_ group: [Int], _ field: Int) -> [Double] {
            group.flatMap { store.presentValues(variant: $0, field: field, mask: masks[$0]) }
        }
        func okColumn(_ group: [Int], _ field: Int) -> [Double] {
            group.flatMap { store.okColumn(variant: $0, field: field, mask: masks[$0]) }
        }

        var statistics: [[OutcomeStatistic]] = []
        var summary = CSVTable(header: summaryColumns)
        var histograms = CSVTable(header: histogramColumns)
        for group in groups {
            var perOutcome: [OutcomeStatistic] = []
            for (index, column) in layout.outcomes.enumerated() {
                // One array per column, sorted in place by the summary and reused by the histogram.
                var values = present(group.variants, layout.outcomeOffset + index)
                let statistic = OutcomeStatistic(column: column, sorting: &values)
                perOutcome.append(statistic)
                summary.append(SummaryRow(variant: group.name, statistic: statistic).fields)
                for bin in column.kind.histogram(of: values) {
                    histograms.append([
                        .text(group.name), .text(column.name), .number(bin.low), .number(bin.high),
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
            for group in groups {
                // A group's bands stop at its own horizon (the layout runs to the longest).
                let horizon = group.variants.map { experiment.scenarios[$0].baseParameters.horizonDays }.max() ?? 0
                for day in 1...layout.days where Double(day) <= horizon {
                    for (measure, measureName) in layout.timelineMeasures.enumerated() {
                        var values = present(group.variants, layout.timelineIndex(day: day, measure: measure))
                        let s = SampleSummary(sorting: &values)
                        timeline.append([
                            .text(group.name), .integer(day), .text(measureName), .number(s.mean),
                            .number(s.p05), .number(s.p25), .number(s.p50), .number(s.p75), .number(s.p95),
                        ])
                    }
                }
            }
            try publish(timeline.text, as: timelineFile)
        }

        var comparisons: [ComparisonRow] = []
        let pairs = comparisonPairs(experiment, groups: groups, perPoint: perPoint)
        if !pairs.isEmpty {
            var table = CSVTable(header: ComparisonRow.header)
            for pair in pairs {
                for (index, column) in layout.outcomes.enumerated() {
                    let field = layout.outcomeOffset + index
                    let row = ComparisonRow(
                        variant: pair.name, baseline: pair.baselineName,
                        outcome: column.name, commonRandomNumbers: experiment.commonRandomNumbers,
                        difference: PairedDifference(okColumn(pair.variants, field), okColumn(pair.baseline, field)))
                    comparisons.append(row)
                    table.append(row.fields)
                }
            }
            try publish(table.text, as: comparisonFile)
        }

        if let sensitivity = Sensitivity.table(experiment, store: store, masks: masks) {
            try publish(sensitivity.text, as: sensitivityFile)
        }

        var notes: [String] = []
        switch designSensitivity(experiment, store: store, masks: masks) {
        case .success(let tables)?:
            for (table, name) in [(tables.sobol, sobolFile), (tables.morris, morrisFile), (tables.prim, primFile)] {
                if let table { try publish(table.text, as: name) }
            }
        case .failure(let error)?:
            notes.append("no global sensitivity: \(error)")
        case nil:
            break
        }

        if experiment.daily {
            files.append(dailyFile)
            checksums[dailyFile] = try writeDaily(experiment, logs: logs, to: directory + "/" + dailyFile)
        }
        return Result(
            statistics: statistics, statisticsNames: groups.map(\.name), comparisons: comparisons, files: files,
            checksums: checksums,
            failedRecords: failed, notes: notes)
    }

    /// What `summary.csv`, `histograms.csv` and `timeline.csv` summarise, in row order: each
    /// variant alone, or in a design (unless `perPoint`) each policy over all its points, the
    /// distribution of outcomes across the uncertainty the design spans.
    static func summaryGroups(_ experiment: Experiment, perPoint: Bool) -> [(name: String, variants: [Int])] {
        guard let design = experiment.design, !perPoint else {
            return experiment.variantNames.enumerated().map { ($1, [$0]) }
        }
        return design.policies.enumerated().map { policy, name in
            (name, Array(stride(from: policy, to: experiment.variantCount, by: design.policies.count)))
        }
    }

    /// The rows of `comparison.csv`: each variant against the baseline; in a design, each policy
    /// against the baseline policy, over all points or (`perPoint`) point by point. A design
    /// without policies compares nothing (its points are not what-ifs of one another).
    static func comparisonPairs(
        _ experiment: Experiment, groups: [(name: String, variants: [Int])], perPoint: Bool
    ) -> [(name: String, variants: [Int], baselineName: String, baseline: [Int])] {
        guard let design = experiment.design else {
            return (1..<experiment.variantCount).map {
                (experiment.variantNames[$0], [$0], experiment.variantNames[0], [0])
            }
        }
        guard design.policies.count > 1 else { return [] }
        if !perPoint {
            return groups.dropFirst().map { ($0.name, $0.variants, groups[0].name, groups[0].variants) }
        }
        return (0..<experiment.variantCount).filter { $0 % design.policies.count != 0 }.map { variant in
            let baseline = variant - variant % design.policies.count
            return (experiment.variantNames[variant], [variant], experiment.variantNames[baseline], [baseline])
        }
    }

    /// `replications.csv`, streamed from the logs: one row per replication and variant. Returns
    /// the number of failed records and the file's SHA-256.
    static func writeReplications(_ experiment: Experiment, logs: [RecordLog], to path: String) throws(FileWriteError)
        -> (failed: Int, sha256: String)
    {
        let layout = experiment.layout
        let file = try StagedFile(path: path)
        let header = replicationsLeadingColumns + layout.outcomes.map(\.name)
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
            for field in layout.outcomeOffset..<layout.parameterOffset {
                row.append(.number(values[base + field]))
            }
            text += CSVTable.renderLine(row)
        }
        try file.commit()
        return (failed, file.sha256)
    }

    /// The parameters of `draws.csv`: those a replication draws, not the swept values a design
    /// fixes per experiment (those are in `experiments.csv`), by their index in the layout.
    static func drawnParameters(of experiment: Experiment) -> [Int] {
        let swept = Set(experiment.design?.parameters.map(\.path) ?? [])
        return experiment.layout.parameters.indices.filter { !swept.contains(experiment.layout.parameters[$0]) }
    }

    /// `draws.csv`, streamed from the logs: per replication and variant, what each uncertain
    /// parameter drew (missing where a variant fixes it). Returns the file's SHA-256.
    static func writeDraws(_ experiment: Experiment, parameters: [Int], logs: [RecordLog], to path: String)
        throws(FileWriteError) -> String
    {
        let layout = experiment.layout
        let file = try StagedFile(path: path)
        let header = drawsLeadingColumns + parameters.map { layout.parameters[$0] }
        try file.append(CSVTable.renderLine(header.map(CSVField.text)))
        try forEachRecord(of: experiment, in: logs, into: file) { values, base, header, text in
            var row: [CSVField] = [
                .text(experiment.variantNames[Int(header.variant)]), .integer(Int(header.replication)),
            ]
            for index in parameters { row.append(.number(values[base + layout.parameterOffset + index])) }
            text += CSVTable.renderLine(row)
        }
        try file.commit()
        return file.sha256
    }

    /// `experiments.csv` of a design: per experiment, its point (from 1), policy and swept values.
    static func experimentsTable(_ experiment: Experiment, design: DesignDescription) -> CSVTable {
        var table = CSVTable(header: experimentsLeadingColumns + design.parameters.map(\.path))
        for (index, name) in experiment.variantNames.enumerated() {
            var row: [CSVField] = [
                .text(name), .integer(design.point(ofExperiment: index) + 1), .text(design.policy(ofExperiment: index)),
            ]
            for parameter in design.parameters {
                row.append(experiment.sweptValues[index][parameter.path].map(CSVField.number) ?? .missing)
            }
            table.append(row)
        }
        return table
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
