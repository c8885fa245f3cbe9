import EscalationModel

/// Who holds each region on one day across the runs of one variant: the share of `ok` runs in
/// which each camp holds it, from the `controller_<region>` series of `daily.csv` (written with
/// `escsim run --daily`). What the region graph colours, so that the map shows the batch, not
/// one run.
struct RegionShares: Sendable, Equatable {
    /// The day (1-based, as in daily.csv).
    let day: Int
    /// Runs of the variant that reached the day.
    let runs: Int
    /// Per region (the scenario's order), per camp (its index): a share of `runs`.
    let shares: [[Double]]

    /// The camp holding region `region` in the most runs, and in what share of them.
    func leader(of region: Int) -> (camp: Int, share: Double)? {
        guard runs > 0, let best = shares[region].indices.max(by: { shares[region][$0] < shares[region][$1] })
        else { return nil }
        return (best, shares[region][best])
    }

    /// Reads `daily.csv` of `folder` for `variant` on `day` (the last day of the horizon when
    /// nil); nil when the folder has no daily series or no run reached the day.
    static func read(
        folder: String, variant: String, day wanted: Int?, parameters: ModelParameters
    ) throws(ReportError) -> RegionShares? {
        let day = wanted ?? max(1, Int(parameters.horizonDays.rounded(.down)))
        let columns = parameters.regions.map { "controller_" + $0.id }
        let camps = Dictionary(
            parameters.actors.map { ($0.id, $0.camp.index) }, uniquingKeysWith: { first, _ in first })
        var counts = [[Int]](repeating: [Int](repeating: 0, count: parameters.camps.count), count: columns.count)
        var runs = 0
        let path = folder + "/daily.csv"
        try CSVReader(path: path).forEachRow(requiring: ["variant", "day"] + columns) { row, c throws(ReportError) in
            guard row.text(c["variant"]) == variant, row.number(c["day"]) == Double(day) else { return }
            runs += 1
            for (region, column) in columns.enumerated() {
                // An empty field: nobody holds it (it counts for no camp).
                guard !row.isEmpty(c[column]) else { continue }
                guard let camp = camps[row.text(c[column])] else {
                    throw ReportError.badCSV(
                        path: path, line: row.line, reason: "\(column) names no actor of the scenario")
                }
                counts[region][camp] += 1
            }
        }
        guard runs > 0 else { return nil }
        return RegionShares(
            day: day, runs: runs, shares: counts.map { $0.map { Double($0) / Double(runs) } })
    }
}
