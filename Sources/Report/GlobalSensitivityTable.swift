/// `sobol.csv` or `morris.csv` of a design folder, as tornado bars: per policy and outcome, one
/// bar per parameter. The sensitivity library names the columns; the report looks for the
/// names it knows and their common alternatives, so that it reads the file whichever spelling
/// (`first`/`s1`, `total`/`st`, `mu_star`/`mustar`) it has:
/// - sobol: `outcome`, `parameter`, a first-order index (`first`, `s1`, `first_order`) with
///   optional interval (`<name>_low`/`<name>_high` or `<name>_ci95_low`/`..._high`), and a
///   total-order index (`total`, `st`, `total_order`) likewise;
/// - morris: `outcome`, `parameter`, `mu_star` (or `mustar`, `mu_star_mean`) with an optional
///   interval, as above, or a half-width `mu_star_conf`.
/// A `variant` or `policy` column, when there is one, tells which policy a row is about.
struct GlobalSensitivityTable: Sendable, Equatable {
    enum Method: String, Sendable {
        case sobol, morris

        var file: String { rawValue + ".csv" }
    }

    /// One parameter's indices for one outcome of one policy.
    struct Row: Sendable, Equatable {
        var policy: String
        var outcome: String
        var parameter: String
        /// First-order Sobol index, or Morris' mu*.
        var value: Double
        var low: Double
        var high: Double
        /// Total-order Sobol index (NaN for Morris).
        var total: Double
        var totalLow: Double
        var totalHigh: Double
    }

    var method: Method
    var rows: [Row]

    /// Policies, then outcomes, in the order first met.
    var policies: [String] { Self.ordered(rows.map(\.policy)) }
    func outcomes(of policy: String) -> [String] { Self.ordered(rows.filter { $0.policy == policy }.map(\.outcome)) }

    private static func ordered(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    static func read(path: String, method: Method) throws(ReportError) -> GlobalSensitivityTable {
        var rows: [Row] = []
        let mainNames =
            method == .sobol ? ["first", "s1", "first_order", "S1"] : ["mu_star", "mustar", "mu_star_mean"]
        let totalNames = ["total", "st", "total_order", "ST"]
        try CSVReader(path: path).forEachRow(requiring: ["outcome", "parameter"]) { row, columns throws(ReportError) in
            func find(_ names: [String]) -> String? { names.first { columns.position($0) != nil } }
            guard let main = find(mainNames) else {
                throw ReportError.badCSV(
                    path: path, line: 1, reason: "no column \(mainNames.joined(separator: " or ")) in the header")
            }
            func number(_ name: String?) throws(ReportError) -> Double {
                guard let name, let position = columns.position(name), !row.isEmpty(position) else { return .nan }
                guard let value = row.number(position) else {
                    throw ReportError.badCSV(
                        path: path, line: row.line, reason: "\(name) is '\(row.text(position))', not a number")
                }
                return value
            }
            func interval(_ name: String?, _ centre: Double) throws(ReportError) -> (Double, Double) {
                guard let name else { return (.nan, .nan) }
                if let low = find([name + "_low", name + "_ci95_low", name + "_lo"]),
                    let high = find([name + "_high", name + "_ci95_high", name + "_hi"])
                {
                    return (try number(low), try number(high))
                }
                if let conf = find([name + "_conf", name + "_ci95", name + "_halfwidth"]) {
                    let half = try number(conf)
                    return (centre - half, centre + half)
                }
                return (.nan, .nan)
            }
            let value = try number(main)
            let (low, high) = try interval(main, value)
            let totalName = method == .sobol ? find(totalNames) : nil
            let total = try number(totalName)
            let (totalLow, totalHigh) = try interval(totalName, total)
            let policy = find(["variant", "policy"]).map { row.text(columns[$0]) } ?? "baseline"
            rows.append(
                Row(
                    policy: policy, outcome: row.text(columns["outcome"]), parameter: row.text(columns["parameter"]),
                    value: value, low: low, high: high, total: total, totalLow: totalLow, totalHigh: totalHigh))
        }
        return GlobalSensitivityTable(method: method, rows: rows)
    }
}
