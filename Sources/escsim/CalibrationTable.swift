import Backtest

/// A calibration for the terminal: the generations (tolerance, acceptance, effective sample
/// size), then each parameter's prior against its posterior.
enum CalibrationTable {
    static func render(_ state: ABCState, summaries: [ParameterSummary]) -> String {
        let style = TerminalStyle(enabled: false)
        func number(_ x: Double) -> String { SummaryTable.format(x, percent: false) }
        var generations: [[String]] = [["generation", "tolerance", "accepted", "attempts", "ESS"]]
        for generation in state.generations {
            generations.append([
                "\(generation.index)", generation.tolerance.map(number) ?? "-",
                SummaryTable.format(generation.acceptanceRate, percent: true), "\(generation.attempts)",
                number(generation.effectiveSampleSize),
            ])
        }
        var parameters: [[String]] = [
            ["parameter", "prior mean", "prior 90%", "posterior mean", "posterior 90%", "sd ratio"]
        ]
        for s in summaries {
            parameters.append([
                TerminalText.escaped(s.name), number(s.priorMean),
                "[\(number(s.priorQuantiles[0])), \(number(s.priorQuantiles[2]))]", number(s.posteriorMean),
                "[\(number(s.posteriorQuantiles[0])), \(number(s.posteriorQuantiles[2]))]", number(s.contraction),
            ])
        }
        var lines = SummaryTable.aligned(generations, leftColumns: [], style: style) { _, cell in cell }
        lines.append("")
        lines += SummaryTable.aligned(parameters, leftColumns: [0, 2, 4], style: style) { _, cell in cell }
        lines.append(
            "(stopped: \(state.stopReason?.rawValue ?? "-"); sd ratio near 1: the observations say little about it)")
        return lines.joined(separator: "\n")
    }
}
