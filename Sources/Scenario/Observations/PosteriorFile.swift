import EscalationModel

/// Reads `posterior.csv` as `escsim calibrate` writes it: a header
/// `particle,weight,distance,<path>...` and one row of numbers per particle (`particle` and
/// `distance` are for the reader and may be left out). Every problem is reported with its line and column, and a
/// path must name a number the scenario marks as uncertain (only those have priors to replace).
public enum PosteriorFile {
    public static let particleColumn = "particle"
    public static let weightColumn = "weight"
    public static let distanceColumn = "distance"

    /// The posterior in `text` (from `file`), checked against the scenario's uncertain paths.
    ///
    /// A joint calibration's posterior names each case's own numbers `<case>:<path>`: those of
    /// `scenarioName` are read as its paths, other cases' are left out.
    public static func parse(
        _ text: String, file: String, uncertainPaths: [String], scenarioName: String? = nil
    ) throws(ScenarioErrors) -> PosteriorSample {
        var problems: [ScenarioError] = []
        func report(_ message: String, line: Int, column: Int) {
            guard problems.count < 100 else { return }
            problems.append(ScenarioError(message, at: SourceLocation(file: file, line: line, column: column)))
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
        guard let headerLine = lines.first, !headerLine.isEmpty else {
            let start = SourceLocation(file: file, line: 1, column: 1)
            throw ScenarioErrors([ScenarioError("the file is empty (no header row)", at: start)])
        }
        let header = fields(headerLine)
        var paths: [String] = []
        var pathColumns: [Int] = []
        var weightColumn: Int?
        for (index, field) in header.enumerated() {
            switch field.text {
            case particleColumn, distanceColumn: continue
            case Self.weightColumn where weightColumn == nil: weightColumn = index
            default:
                var name = field.text
                if let colon = name.firstIndex(of: ":") {
                    // Another case's own number: not this scenario's to draw.
                    guard let scenarioName, name[..<colon] == scenarioName else { continue }
                    name = String(name[name.index(after: colon)...])
                }
                if paths.contains(name) || name == Self.weightColumn {
                    report("the column '\(field.text)' appears twice", line: 1, column: field.column)
                } else if !uncertainPaths.contains(name) {
                    report(
                        "'\(field.text)' is not a number the scenario marks as uncertain"
                            + Suggestion.hint(for: name, among: uncertainPaths), line: 1, column: field.column)
                } else {
                    paths.append(name)
                    pathColumns.append(index)
                }
            }
        }
        if weightColumn == nil { report("the header has no '\(Self.weightColumn)' column", line: 1, column: 1) }
        if paths.isEmpty && problems.isEmpty { report("the header names no parameter", line: 1, column: 1) }
        var particles: [[Double]] = []
        var weights: [Double] = []
        for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let number = offset + 1
            let row = fields(line)
            guard row.count == header.count else {
                report("the row has \(row.count) fields; the header has \(header.count)", line: number, column: 1)
                continue
            }
            func value(_ index: Int) -> Double? {
                guard let x = Double(row[index].text), x.isFinite else {
                    report("'\(row[index].text)' is not a number", line: number, column: row[index].column)
                    return nil
                }
                return x
            }
            let values = pathColumns.map(value)
            let weight = weightColumn.flatMap(value)
            if let weight, weight < 0 {
                report("a weight cannot be negative", line: number, column: row[weightColumn!].column)
            }
            guard let weight, weight >= 0, values.allSatisfy({ $0 != nil }) else { continue }
            particles.append(values.map { $0! })
            weights.append(weight)
        }
        if problems.isEmpty, particles.isEmpty {
            report("the file holds no particles", line: 2, column: 1)
        }
        if problems.isEmpty, weights.reduce(0, +) <= 0 {
            report("the weights sum to 0", line: 2, column: 1)
        }
        guard problems.isEmpty else { throw ScenarioErrors(problems) }
        return PosteriorSample(paths: paths, particles: particles, weights: weights)
    }

    /// The comma-separated fields of a line with the column (1-based) each starts at.
    private static func fields(_ line: Substring) -> [(text: String, column: Int)] {
        var result: [(text: String, column: Int)] = []
        var column = 1
        for field in line.split(separator: ",", omittingEmptySubsequences: false) {
            result.append((String(field), column))
            column += field.count + 1
        }
        return result
    }
}
