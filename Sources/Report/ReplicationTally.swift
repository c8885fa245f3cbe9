/// What the report needs from `replications.csv`, gathered in one streaming pass: how many runs
/// each variant has, and for the outcomes it charts how many runs never saw the event (an empty
/// day). The values themselves are kept only for outcomes `histograms.csv` lacks.
struct ReplicationTally: Sendable, Equatable {
    /// Variants in the order their first row appears.
    var variants: [String] = []
    /// Rows with status `ok`, per variant: the runs every summary is over.
    var okRuns: [String: Int] = [:]
    /// Rows with another status (max-events guard, non-finite value), per variant.
    var failedRuns: [String: Int] = [:]
    /// Per variant and tracked outcome: `ok` rows whose field is empty (the event never happened).
    var empty: [String: [String: Int]] = [:]
    /// Per kept outcome of the kept variant: the values present, in file order.
    var values: [String: [Double]] = [:]

    /// Tallies the file at `path`, tracking `outcomes` for every variant and keeping the values
    /// of `keep` for `keepVariant`. Throws on a missing column or a field that is not a number.
    /// With `group`, rows are tallied under `group[variant]` instead of their own variant (a
    /// design's experiments under their policy, as its summary.csv pools them).
    static func read(
        path: String, outcomes: [String], keep: Set<String>,
        keepVariant: String, group: [String: String] = [:]
    ) throws(ReportError) -> ReplicationTally {
        var tally = ReplicationTally()
        var tracked: [(name: String, position: Int)] = []
        var kept: [(name: String, position: Int)] = []
        let reader = CSVReader(path: path)
        try reader.forEachRow(requiring: ["variant", "status"] + outcomes) { row, columns throws(ReportError) in
            if tracked.isEmpty && !outcomes.isEmpty {
                tracked = outcomes.map { ($0, columns[$0]) }
                kept = tracked.filter { keep.contains($0.name) }
            }
            let raw = row.text(columns["variant"])
            let variant = group[raw] ?? raw
            if tally.okRuns[variant] == nil {
                tally.variants.append(variant)
                tally.okRuns[variant] = 0
                tally.failedRuns[variant] = 0
                tally.empty[variant] = Dictionary(uniqueKeysWithValues: outcomes.map { ($0, 0) })
            }
            // Failed rows carry no outcomes that the summaries used; skip them as escsim did.
            guard row.text(columns["status"]) == "ok" else {
                tally.failedRuns[variant, default: 0] += 1
                return
            }
            tally.okRuns[variant, default: 0] += 1
            for (name, position) in tracked where row.isEmpty(position) {
                tally.empty[variant]?[name, default: 0] += 1
            }
            if variant == keepVariant {
                for (name, position) in kept where !row.isEmpty(position) {
                    guard let value = row.number(position), value.isFinite else {
                        throw ReportError.badCSV(
                            path: path, line: row.line,
                            reason: "\(name) is '\(row.text(position))', not a number")
                    }
                    tally.values[name, default: []].append(value)
                }
            }
        }
        return tally
    }
}
