/// What the charts across variants need from `replications.csv`, in one streaming pass: how the
/// runs of each variant ended (`end_state`), the mean of each outcome per variant (a design's
/// response plots, whatever `summary.csv` holds), and, for a few outcomes, every value in
/// replication order (the convergence plot). Only `ok` rows count, as in every summary.
struct RunsByVariant: Sendable, Equatable {
    /// Variants in the order their first row appears.
    var variants: [String] = []
    /// Per variant, the `ok` runs ending in each end state.
    var endStates: [String: [String: Int]] = [:]
    /// End states in the order they are first met (the order escsim's catalogue lists them is
    /// applied by `EndStateChart`).
    var statesSeen: [String] = []
    /// Per variant and averaged outcome: the sum of the present values and how many there were.
    var totals: [String: [String: Total]] = [:]
    /// Per variant and kept outcome: the value of each `ok` run in file order, NaN when empty.
    var values: [String: [String: [Double]]] = [:]

    /// A running sum.
    struct Total: Sendable, Equatable {
        var sum = 0.0
        var n = 0
        var mean: Double { n > 0 ? sum / Double(n) : .nan }
    }

    /// The mean of `outcome` over the `ok` runs of `variant` where it has a value.
    func mean(_ variant: String, _ outcome: String) -> Double {
        totals[variant]?[outcome]?.mean ?? .nan
    }

    /// Reads `path`. Columns of `averaged` and `kept` that the header lacks are skipped (an older
    /// folder), but a field that is there must be a number or empty.
    static func read(path: String, averaged: [String], kept: [String]) throws(ReportError) -> RunsByVariant {
        var runs = RunsByVariant()
        var averagedAt: [(name: String, position: Int)] = []
        var keptAt: [(name: String, position: Int)] = []
        var located = false
        try CSVReader(path: path).forEachRow(requiring: ["variant", "status"]) { row, columns throws(ReportError) in
            if !located {
                averagedAt = averaged.compactMap { name in columns.position(name).map { (name, $0) } }
                keptAt = kept.compactMap { name in columns.position(name).map { (name, $0) } }
                located = true
            }
            let variant = row.text(columns["variant"])
            if runs.endStates[variant] == nil {
                runs.variants.append(variant)
                runs.endStates[variant] = [:]
            }
            guard row.text(columns["status"]) == "ok" else { return }
            if let position = columns.position("end_state") {
                let state = row.text(position)
                if !runs.statesSeen.contains(state) { runs.statesSeen.append(state) }
                runs.endStates[variant, default: [:]][state, default: 0] += 1
            }
            func number(_ name: String, _ position: Int) throws(ReportError) -> Double {
                if row.isEmpty(position) { return .nan }
                guard let value = row.number(position), value.isFinite else {
                    throw ReportError.badCSV(
                        path: path, line: row.line, reason: "\(name) is '\(row.text(position))', not a number")
                }
                return value
            }
            for (name, position) in averagedAt {
                let value = try number(name, position)
                guard !value.isNaN else { continue }
                runs.totals[variant, default: [:]][name, default: Total()].sum += value
                runs.totals[variant, default: [:]][name, default: Total()].n += 1
            }
            for (name, position) in keptAt {
                runs.values[variant, default: [:]][name, default: []].append(try number(name, position))
            }
        }
        return runs
    }
}
