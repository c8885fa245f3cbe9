import DiscreteEvent
import EscalationModel
import Experiments
import Foundation
import Stochastic

/// `--json`: the summary and comparisons as one JSON document on standard output, for scripts.
/// Numbers are written like the CSV files (shortest round-trip); a missing number is null.
enum SummaryJSON {
    static func render(manifest: Manifest, result: BatchOutput.Result) -> String {
        func number(_ x: Double) -> String { x.isFinite ? NumberFormat.csv(x) : "null" }
        func text(_ s: String) -> String {
            let data = (try? JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])) ?? Data()
            return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
        }
        var variants: [String] = []
        for (index, statistics) in result.statistics.enumerated() {
            let outcomes = statistics.map { statistic -> String in
                let s = statistic.sample
                return
                    "{\"outcome\": \(text(statistic.column.name)), \"kind\": \(text(statistic.column.kind.rawValue)), "
                    + "\"n\": \(s.n), \"mean\": \(number(s.mean)), \"sd\": \(number(s.sd)), \"min\": \(number(s.min)), "
                    + "\"p05\": \(number(s.p05)), \"p50\": \(number(s.p50)), \"p95\": \(number(s.p95)), "
                    + "\"max\": \(number(s.max)), \"ci95\": [\(number(statistic.interval.low)), "
                    + "\(number(statistic.interval.high))]}"
            }
            variants.append(
                "    {\"variant\": \(text(manifest.variants[index])), \"outcomes\": [\n      "
                    + outcomes.joined(separator: ",\n      ") + "\n    ]}")
        }
        let comparisons = result.comparisons.map { row in
            "{\"variant\": \(text(row.variant)), \"outcome\": \(text(row.outcome)), \"n_pairs\": \(row.difference.pairs), "
                + "\"difference\": \(number(row.difference.difference)), \"ci95\": [\(number(row.difference.interval.low)), "
                + "\(number(row.difference.interval.high))]}"
        }
        return "{\n  \"scenario\": \(text(manifest.scenario.name)),\n  \"seed\": \(manifest.seed),\n"
            + "  \"replications\": \(manifest.replicationsDone),\n  \"complete\": \(manifest.complete),\n"
            + "  \"variants\": [\n" + variants.joined(separator: ",\n") + "\n  ],\n"
            + "  \"comparisons\": [\n    " + comparisons.joined(separator: ",\n    ") + "\n  ]\n}\n"
    }
}
