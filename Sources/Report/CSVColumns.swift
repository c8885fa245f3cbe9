/// The columns a CSV header names, by position: escsim's files are read by column name, so a
/// column added in a later version (or a parameter column) does not shift what the report reads.
struct CSVColumns: Sendable {
    let names: [String]
    private let positions: [String: Int]

    /// The columns of `header`; throws when a name in `required` is absent, naming all absent ones.
    init(header: CSVRecord, path: String, requiring required: [String]) throws(ReportError) {
        names = header.texts
        var positions: [String: Int] = [:]
        // The first of two equal names wins, as pandas' and R's readers rename the later one.
        for (index, name) in names.enumerated() where positions[name] == nil {
            positions[name] = index
        }
        self.positions = positions
        let absent = required.filter { positions[$0] == nil }
        if !absent.isEmpty {
            throw ReportError.badCSV(
                path: path, line: header.line,
                reason: "the header lacks the column\(absent.count == 1 ? "" : "s") "
                    + absent.joined(separator: ", "))
        }
    }

    /// Position of the column `name`, if the header has it.
    func position(_ name: String) -> Int? {
        positions[name]
    }

    /// Position of a column that `init` checked was there.
    subscript(_ name: String) -> Int {
        guard let position = positions[name] else {
            preconditionFailure("column '\(name)' was not among the required columns")
        }
        return position
    }
}
