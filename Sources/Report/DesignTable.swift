/// `experiments.csv` of a design folder: one row per experiment (a batch variant) with its
/// point, its policy and the value of each swept parameter there.
struct DesignTable: Sendable, Equatable {
    /// One experiment.
    struct Experiment: Sendable, Equatable {
        var variant: String
        var point: Int
        var policy: String
        /// Values of `parameters`, in their order.
        var values: [Double]
    }

    /// The swept paths, in the file's column order.
    var parameters: [String]
    var experiments: [Experiment]

    /// The policies in the order first met (`baseline` first when there is one).
    var policies: [String] {
        var seen: [String] = []
        for experiment in experiments where !seen.contains(experiment.policy) { seen.append(experiment.policy) }
        return seen
    }

    /// Each experiment's policy, by the experiment's name.
    var policyOf: [String: String] {
        Dictionary(experiments.map { ($0.variant, $0.policy) }, uniquingKeysWith: { first, _ in first })
    }

    static let file = "experiments.csv"

    static func read(path: String) throws(ReportError) -> DesignTable {
        var table = DesignTable(parameters: [], experiments: [])
        var positions: [Int] = []
        try CSVReader(path: path).forEachRow(requiring: ["variant", "point", "policy"]) {
            row, columns throws(ReportError) in
            if positions.isEmpty && table.parameters.isEmpty {
                table.parameters = columns.names.filter { !["variant", "point", "policy"].contains($0) }
                positions = table.parameters.map { columns[$0] }
            }
            guard let point = row.number(columns["point"]).flatMap(Int.init(exactly:)) else {
                throw ReportError.badCSV(path: path, line: row.line, reason: "point is not a whole number")
            }
            var values: [Double] = []
            for (name, position) in zip(table.parameters, positions) {
                guard let value = row.number(position), value.isFinite else {
                    throw ReportError.badCSV(
                        path: path, line: row.line, reason: "\(name) is '\(row.text(position))', not a number")
                }
                values.append(value)
            }
            table.experiments.append(
                Experiment(
                    variant: row.text(columns["variant"]), point: point, policy: row.text(columns["policy"]),
                    values: values))
        }
        return table
    }
}
