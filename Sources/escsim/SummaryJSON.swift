import Experiments
import Foundation

/// `--json`: the batch as one JSON document on standard output, for scripts: its manifest, and
/// the rows of `summary.csv` and `comparison.csv` under their column names (the same types
/// write the files, so the JSON has every column they have; an empty number is null).
struct SummaryJSON: Encodable {
    var manifest: Manifest
    var summary: [SummaryRow]
    var comparison: [ComparisonRow]

    static func render(manifest: Manifest, result: BatchOutput.Result) -> String {
        let document = SummaryJSON(
            manifest: manifest,
            summary: zip(result.statisticsNames, result.statistics).flatMap { name, statistics in
                statistics.map { SummaryRow(variant: name, statistic: $0) }
            },
            comparison: result.comparisons)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, numbers and nulls cannot fail; an empty document would say so.
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
