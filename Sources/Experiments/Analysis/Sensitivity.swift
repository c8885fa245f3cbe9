import DiscreteEvent
import EscalationModel
import Stochastic

/// `sensitivity.csv`: which uncertain parameters drive which outcomes, by partial rank
/// correlation (PRCC; Marino et al. 2008), with a Fisher-z 95% interval. Inputs are the
/// per-replication draws or, in a design, the swept values (pooled over all points of a
/// policy). Indicator (0/1) outcomes are left out: ranks of two values are mostly ties, and
/// which inputs lead to a 0/1 outcome is PRIM's question (`escsim sensitivity`, `prim.csv`).
///
/// At most the first `maximumRows` replications enter (per variant): at 20,000 rows a PRCC's
/// 95% interval is about +-0.014 wide, finer than any analyst reads it, and the regression
/// matrices stay the same size however long the batch (memory stays flat).
enum Sensitivity {
    static let maximumRows = 20_000

    static let header = [
        "variant", "outcome", "parameter", "method", "n", "prcc", "ci95_low", "ci95_high",
        "p_value", "rank",
    ]

    static func table(_ experiment: Experiment, store: ColumnStore, masks: [[Bool]]) -> CSVTable? {
        let layout = experiment.layout
        guard !layout.parameters.isEmpty else { return nil }
        var table = CSVTable(header: header)
        let groups = BatchOutput.summaryGroups(experiment, perPoint: false)
        for group in groups {
            func pooled(_ field: Int) -> [Double] {
                group.variants.flatMap {
                    store.okColumn(variant: $0, field: field, mask: masks[$0]).prefix(
                        maximumRows / group.variants.count)
                }
            }
            var inputs: [(name: String, values: [Double])] = []
            // A design asks about its swept parameters; with a hundred drawn ones beside them,
            // a few hundred runs per policy could not rank anything.
            let swept = experiment.design.map { Set($0.parameters.map(\.path)) }
            for (index, name) in layout.parameters.enumerated() where swept?.contains(name) ?? true {
                let values = pooled(layout.parameterOffset + index)
                let present = values.filter { !$0.isNaN }
                // Only parameters that vary in this group can explain anything.
                guard present.count == values.count, let first = present.first, present.contains(where: { $0 != first })
                else { continue }
                inputs.append((name, values))
            }
            guard !inputs.isEmpty else { continue }
            for (index, column) in layout.outcomes.enumerated() where column.kind != .day && column.kind != .indicator {
                let output = pooled(layout.outcomeOffset + index)
                let results = SensitivityAnalysis.prcc(output: output, inputs: inputs.map(\.values))
                let order = results.indices.sorted {
                    abs(results[$0].coefficient.isNaN ? 0 : results[$0].coefficient)
                        > abs(results[$1].coefficient.isNaN ? 0 : results[$1].coefficient)
                }
                let n = output.filter { !$0.isNaN }.count
                for (rank, input) in order.enumerated() {
                    let r = results[input]
                    table.append([
                        .text(group.name), .text(column.name), .text(inputs[input].name), .text("prcc"),
                        .integer(n), .number(r.coefficient), .number(r.interval.low), .number(r.interval.high),
                        .number(r.pValue), .integer(rank + 1),
                    ])
                }
            }
        }
        return table.rowCount > 0 ? table : nil
    }
}
