import Backtest
import Experiments

/// A score card for the terminal: one line per observation (observed, the model's median and
/// 90% interval, PIT, CRPS or Brier, covered), then the totals per kind.
enum ScoreTable {
    static func render(_ card: ScoreCard, variant: String, runs: Int, colour: Bool) -> String {
        let style = TerminalStyle(enabled: colour)
        var rows: [[String]] = [
            ["observation", "kind", "observed", "median", "90% of runs", "PIT", "CRPS", "Brier", "in 90%"]
        ]
        for score in card.scores {
            let number = { (x: Double) in SummaryTable.format(x, percent: false) }
            let isFact = score.observation.kind == .fact
            rows.append([
                TerminalText.escaped(score.observation.id), score.observation.kind.rawValue,
                isFact ? (score.observed.low == 1 ? "happened" : "did not") : score.observed.text(number),
                isFact ? "p=" + SummaryTable.format(score.probability, percent: true) : number(score.median),
                isFact || score.runs == 0 ? "" : "[\(number(score.low90)), \(number(score.high90))]",
                isFact ? "" : SummaryTable.format(score.pit, percent: false),
                isFact ? "" : number(score.crps),
                isFact ? number(score.brier) : "",
                score.runs == 0 ? "no runs" : score.covered ? "yes" : style.accent("no"),
            ])
        }
        var lines = SummaryTable.aligned(rows, leftColumns: [0, 1, 4, 8], style: style) { _, cell in cell }
        lines.append("")
        for total in card.totals {
            switch total.kind {
            case .event:
                lines.append(
                    "events (\(total.count)): mean CRPS \(SummaryTable.format(total.typicalCRPS, percent: false)) days, "
                        + "\(SummaryTable.format(total.coverage, percent: true)) inside the model's 90% interval")
            case .quantity:
                lines.append(
                    "quantities (\(total.count)): median CRPS \(SummaryTable.format(total.typicalCRPS, percent: true)) "
                        + "of the observed value, \(SummaryTable.format(total.coverage, percent: true)) inside the "
                        + "model's 90% interval")
            case .fact:
                lines.append(
                    "facts (\(total.count)): mean Brier \(SummaryTable.format(total.meanBrier, percent: false)), "
                        + "\(SummaryTable.format(total.coverage, percent: true)) given the larger share")
            }
        }
        for check in card.checks {
            let verdict = check.runs == 0 ? "no runs" : check.covered ? "pass" : "FAIL"
            lines.append(
                "check \(verdict): \(TerminalText.escaped(check.observation.what)) "
                    + "(model: \(SummaryTable.format(check.probability, percent: true)) of \(check.runs) runs; "
                    + "\(check.observed.low == 1 ? "it happened" : "it did not happen"))")
        }
        lines.append(
            "(\(runs) runs of \(variant); events in days since the start (day 0); a run in which an event "
                + "never came counts as its last day)")
        return lines.joined(separator: "\n") + "\n"
    }
}
