import Backtest
import Experiments

/// `scores.csv`: one row per observation with its source, what the model said and the scores;
/// and the same as JSON for `--json`.
enum ScoresFile {
    static let name = "scores.csv"

    static let header = [
        "variant", "id", "kind", "what", "compared_with", "observed_low", "observed_high", "runs", "median", "p05",
        "p95", "pit", "crps", "probability", "brier", "covered", "check", "outlet", "published", "counted", "url",
    ]

    static func csv(_ card: ScoreCard, variant: String) -> String {
        var table = CSVTable(header: header)
        for score in card.scores {
            let observation = score.observation
            table.append([
                CSVField.untrustedText(variant), .text(observation.id), .text(observation.kind.rawValue),
                CSVField.untrustedText(observation.what), CSVField.untrustedText(observation.comparedWith),
                .number(score.observed.low), .number(score.observed.high), .number(Double(score.runs)),
                .number(score.median), .number(score.low90), .number(score.high90), .number(score.pit),
                .number(score.crps), .number(score.probability), .number(score.brier),
                .number(score.runs == 0 ? .nan : score.covered ? 1 : 0), .integer(observation.isCheck ? 1 : 0),
                CSVField.untrustedText(observation.source.outlet), CSVField.untrustedText(observation.source.published),
                CSVField.untrustedText(observation.source.counted),
                CSVField.untrustedText(observation.source.url ?? ""),
            ])
        }
        return table.text
    }

    /// The card as JSON: the rows of `scores.csv` and the totals.
    struct Document: Encodable {
        struct Row: Encodable {
            var id, kind, what, comparedWith: String
            var observedLow, observedHigh: Double
            var runs: Int
            var median, p05, p95, pit, crps, probability, brier: Double?
            var covered: Bool?
            var check: Bool
            var source: ObservationSource
        }
        struct Total: Encodable {
            var kind: String
            var count: Int
            var typicalCRPS, meanBrier: Double?
            var coverage: Double
        }
        var folder, variant, observations: String
        var runs: Int
        var scores: [Row]
        var totals: [Total]
    }

    static func document(_ card: ScoreCard, folder: String, variant: String, observations: String, runs: Int)
        -> Document
    {
        func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }
        return Document(
            folder: folder, variant: variant, observations: observations, runs: runs,
            scores: card.scores.map { score in
                Document.Row(
                    id: score.observation.id, kind: score.observation.kind.rawValue, what: score.observation.what,
                    comparedWith: score.observation.comparedWith, observedLow: score.observed.low,
                    observedHigh: score.observed.high, runs: score.runs, median: finite(score.median),
                    p05: finite(score.low90), p95: finite(score.high90), pit: finite(score.pit),
                    crps: finite(score.crps), probability: finite(score.probability), brier: finite(score.brier),
                    covered: score.runs == 0 ? nil : score.covered, check: score.observation.isCheck,
                    source: score.observation.source)
            },
            totals: card.totals.map {
                Document.Total(
                    kind: $0.kind.rawValue, count: $0.count, typicalCRPS: finite($0.typicalCRPS),
                    meanBrier: finite($0.meanBrier), coverage: $0.coverage)
            })
    }
}
