import Backtest
import EscalationModel
import Experiments

/// The runs of one variant of an output folder as observations read them: what `escsim score`
/// compares with history. Opening reads the folder's summary and headers (the outcome columns
/// and their kinds, the daily series, the horizon), so an observation file can be checked
/// against it before any run is read; `runs(outcomes:series:)` then reads only the columns the
/// observations need, from `replications.csv` and `daily.csv`.
public struct RecordedRuns: Sendable {
    /// One replication's numbers.
    public struct Run: RunValues, Sendable {
        public var replication: Int
        /// The model time the run ended (`end_day`): an event that never came is censored there.
        public var endDay: Double
        var outcomes: [String: Double]
        /// Per series, the values of days 1, 2, ...
        var daily: [String: [Double]]

        public func outcome(_ column: String) -> Double? { outcomes[column] }

        public func series(_ name: String, day: Int) -> Double? {
            guard let values = daily[name], day >= 1, day <= values.count, !values[day - 1].isNaN else { return nil }
            return values[day - 1]
        }
    }

    public let folder: String
    /// The `name:` of the scenario the folder ran.
    public let scenarioName: String
    /// The scenario file the run read, as its command line named it.
    public let scenarioFile: String
    public let variants: [String]
    /// The variant read.
    public let variant: String
    /// The outcome columns of `replications.csv` with their kinds, from `summary.csv`.
    public let outcomes: [OutcomeColumn]
    /// The series of `daily.csv`; empty when the run was made without `--daily`.
    public let series: [String]
    /// The last day the timeline covers (the longest horizon).
    public let horizonDays: Int
    /// Whether the folder has `daily.csv`.
    public var hasDaily: Bool { !series.isEmpty }

    public static let dailyFile = "daily.csv"

    /// Opens the folder at `path` (a complete escsim output folder) for `variant` (nil: the baseline).
    public static func open(folder path: String, variant: String?) throws(ReportError) -> RecordedRuns {
        let folder = try OutputFolder.load(path, readingScores: false)
        let chosen = variant ?? folder.baseline
        guard folder.variants.contains(chosen) else {
            throw ReportError.inconsistent(
                "\(folder.path) has no variant '\(chosen)'; it has \(folder.variants.joined(separator: ", "))")
        }
        let kinds = folder.summaries[folder.baseline] ?? [:]
        let outcomes = folder.outcomes.compactMap { name in
            kinds[name].map { OutcomeColumn(name: name, kind: $0.kind, description: "") }
        }
        var series: [String] = []
        let dailyPath = folder.path + "/" + dailyFile
        if folder.manifest.files.contains(dailyFile) {
            try CSVReader(path: dailyPath).forEachRecord { header throws(ReportError) in
                if series.isEmpty {
                    series = Array(header.texts.drop { ["variant", "replication", "day"].contains($0) })
                }
            }
        }
        let days = folder.timeline.flatMap { $0.points.map { Int($0.day) } }.max() ?? 0
        return RecordedRuns(
            folder: folder.path, scenarioName: folder.manifest.scenario.name,
            scenarioFile: folder.manifest.scenario.file, variants: folder.variants,
            variant: chosen, outcomes: outcomes, series: series, horizonDays: days)
    }

    /// The variant's runs that finished without error, in replication order, with the values
    /// of `outcomes` (columns of `replications.csv`) and `series` (of `daily.csv`).
    public func runs(outcomes wanted: [String], series wantedSeries: [String]) throws(ReportError) -> [Run] {
        var runs: [Run] = []
        var position: [Int: Int] = [:]
        let replicationsPath = folder + "/" + BatchOutput.replicationsFile
        let columns = Array(Set(wanted + ["end_day"])).sorted()
        try CSVReader(path: replicationsPath).forEachRow(requiring: ["variant", "replication", "status"] + columns) {
            row, c throws(ReportError) in
            guard row.text(c["variant"]) == variant, row.text(c["status"]) == "ok" else { return }
            guard let replication = row.number(c["replication"]).flatMap(Int.init(exactly:)) else {
                throw ReportError.badCSV(
                    path: replicationsPath, line: row.line, reason: "a replication is not a whole number")
            }
            var values: [String: Double] = [:]
            for column in columns {
                // An empty field is a day that never came.
                guard row.isEmpty(c[column]) || row.number(c[column]) != nil else {
                    throw ReportError.badCSV(
                        path: replicationsPath, line: row.line, reason: "\(column) is not a number")
                }
                values[column] = row.number(c[column]) ?? .nan
            }
            position[replication] = runs.count
            runs.append(Run(replication: replication, endDay: values["end_day"] ?? .nan, outcomes: values, daily: [:]))
        }
        guard !wantedSeries.isEmpty else { return runs }
        let dailyPath = folder + "/" + Self.dailyFile
        let names = Array(Set(wantedSeries)).sorted()
        try CSVReader(path: dailyPath).forEachRow(requiring: ["variant", "replication", "day"] + names) {
            row, c throws(ReportError) in
            guard row.text(c["variant"]) == variant else { return }
            guard let replication = row.number(c["replication"]).flatMap(Int.init(exactly:)),
                let day = row.number(c["day"]).flatMap(Int.init(exactly:)), day >= 1, day <= 100_000
            else {
                throw ReportError.badCSV(
                    path: dailyPath, line: row.line, reason: "a replication or day is not a whole number")
            }
            guard let index = position[replication] else { return }  // a failed run
            for name in names {
                guard let value = row.number(c[name]) else {
                    throw ReportError.badCSV(path: dailyPath, line: row.line, reason: "\(name) is not a number")
                }
                var values = runs[index].daily[name] ?? []
                if values.count < day { values.append(contentsOf: repeatElement(.nan, count: day - values.count)) }
                values[day - 1] = value
                runs[index].daily[name] = values
            }
        }
        return runs
    }
}
