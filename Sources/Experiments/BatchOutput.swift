import Stochastic
import DiscreteEvent
import EscalationModel
import Scenario

/// The files of an output folder. Their bytes depend only on (scenario, seed, replications):
/// never on threads or timing (the manifest, which records those, is the one exception).
public enum BatchOutput {
    public static let replicationsFile = "replications.csv"
    public static let summaryFile = "summary.csv"
    public static let manifestFile = "manifest.json"

    /// `replications.csv`: one row per replication with its outcomes, then its parameter draws.
    public static func replicationsCSV(_ records: [ReplicationRecord], scenario: Scenario,
                                       schema: OutcomeSchema) -> String {
        let header = ["variant", "replication", "stop_reason", "end_state"] + schema.columns.map(\.name)
            + scenario.uncertainParameters.map(\.path)
        var table = CSVTable(header: header)
        for record in records {
            var row: [CSVField] = [.text(scenario.variant), .integer(record.outcome.replication),
                                   .text(record.outcome.stopReason.rawValue), .text(record.outcome.endState.rawValue)]
            row += schema.values(of: record.outcome).map(CSVField.number)
            row += record.draws.map(CSVField.number)
            table.append(row)
        }
        return table.text
    }

    /// `summary.csv`: long form, one row per outcome.
    public static func summaryCSV(_ statistics: [OutcomeStatistic], variant: String) -> String {
        var table = CSVTable(header: [
            "variant", "outcome", "kind", "n", "mean", "sd", "min", "p05", "p25", "p50", "p75", "p95", "max",
            "ci95_low", "ci95_high", "ci_method",
        ])
        for statistic in statistics {
            let s = statistic.sample
            table.append([
                .text(variant), .text(statistic.column.name), .text(statistic.column.kind.rawValue),
                .integer(s.n), .number(s.mean), .number(s.sd), .number(s.min), .number(s.p05), .number(s.p25),
                .number(s.p50), .number(s.p75), .number(s.p95), .number(s.max),
                .number(statistic.interval.low), .number(statistic.interval.high), .text(statistic.intervalMethod),
            ])
        }
        return table.text
    }

    /// Writes the CSV files and then the manifest into `directory`, each whole or not at all.
    /// The manifest goes last: a folder with a manifest has all its files.
    public static func write(replications: String, summary: String, manifest: Manifest,
                             to directory: String) throws(FileWriteError) {
        try AtomicFile.createDirectory(directory)
        try AtomicFile.write(replications, to: path(directory, replicationsFile))
        try AtomicFile.write(summary, to: path(directory, summaryFile))
        try AtomicFile.write(manifest.json(), to: path(directory, manifestFile))
    }

    static func path(_ directory: String, _ file: String) -> String {
        directory.hasSuffix("/") ? directory + file : directory + "/" + file
    }
}
