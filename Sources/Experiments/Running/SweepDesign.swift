import DiscreteEvent
import EscalationModel
import Foundation
import Stochastic

/// The points of a parameter sweep, as swept values per point: from the scenario's
/// `sweep:` section (a full grid, or a Latin hypercube drawn from the master seed) or from a
/// design made elsewhere (a CSV file, one row per point, one column per dotted path).
public enum SweepDesign {
    /// The most points a sweep may have.
    public static let maximumPoints = 10_000

    public static func points(of sweep: SweepSpecification?, seed: UInt64) throws -> [[SweptValue]] {
        guard let sweep else {
            throw ExperimentError("--sweep: the scenario has no sweep: section")
        }
        var columns: [[Double]] = []
        switch sweep.method {
        case .grid:
            let axes = sweep.parameters.map { parameter -> [Double] in
                parameter.values
                    ?? (0..<parameter.steps).map {
                        parameter.low + (parameter.high - parameter.low) * Double($0) / Double(parameter.steps - 1)
                    }
            }
            let total = axes.reduce(1) { $0 * $1.count }
            guard total <= maximumPoints else {
                throw ExperimentError("--sweep: the grid has \(total) points; at most \(maximumPoints)")
            }
            columns = axes.map { _ in [] }
            for point in 0..<total {
                var rest = point
                for (axis, values) in axes.enumerated().reversed() {
                    columns[axis].append(values[rest % values.count])
                    rest /= values.count
                }
            }
        case .latinHypercube:
            // The design's own stream: replication 0, the last stream, of a seed mixed from the master seed,
            // so it never shares a seed with the replications' streams.
            let stream = RandomStream(
                seeds: StreamSeeds(masterSeed: seed ^ 0x5357_4545_5044_4553), replication: 0,
                stream: StreamSeeds.maxStreams - 1)
            let unit = LatinHypercube.sample(points: sweep.points, dimensions: sweep.parameters.count, stream: stream)
            columns = sweep.parameters.enumerated().map { dimension, parameter in
                unit.map { parameter.low + (parameter.high - parameter.low) * $0[dimension] }
            }
        }
        let count = columns.first?.count ?? 0
        return (0..<count).map { point in
            sweep.parameters.enumerated().map { SweptValue(path: $1.path, value: columns[$0][point]) }
        }
    }

    /// Reads a design CSV: a header of dotted paths, then one row of numbers per point.
    ///
    /// The file is RFC 4180 CSV as spreadsheets and data frames write it: fields may be quoted
    /// (a doubled quote inside is one quote), lines may end in LF, CRLF or CR, blank lines are
    /// skipped, and spaces around names and values are not part of them. Two common exports
    /// are accepted as they are: Excel's "CSV UTF-8" (a byte-order mark before the header) and
    /// pandas' `DataFrame.to_csv()` with its defaults (an unnamed first column holding the
    /// row index 0, 1, 2, ..., which is skipped). Anything else wrong (an empty file, a header
    /// without rows, a column without a name or named twice, a row of the wrong length, a
    /// value that is not a finite number, a quote left open) throws one `ExperimentError`,
    /// "--design: FILE:LINE:COLUMN: what is wrong", where the column counts characters from 1.
    public static func points(fromCSV path: String) throws -> [[SweptValue]] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExperimentError("--design: cannot read \(path)")
        }
        func failure(_ line: Int, _ column: Int, _ message: String) -> ExperimentError {
            ExperimentError("--design: \(path):\(line):\(column): \(message)")
        }
        let records = try DesignRecords.parse(String(decoding: data, as: UTF8.self)) { failure($0, $1, $2) }
        guard let header = records.first else {
            throw failure(1, 1, "the file is empty; it needs a header of dotted paths and a row of numbers per point")
        }
        let rows = records.dropFirst()
        let names = header.map(\.text)

        // pandas' unnamed index column, or a name missing.
        var first = 0
        if names.count > 1 && names[0].isEmpty {
            for (index, row) in rows.enumerated() where row[0].text != String(index) {
                throw failure(
                    row[0].line, row[0].column,
                    "column 1 has no name, and is not the index pandas writes "
                        + "(0, 1, 2, ...): '\(row[0].text)' where \(index) was expected; name the column or drop it")
            }
            first = 1
        }
        var seen: [String: Int] = [:]
        for (index, field) in header.enumerated().dropFirst(first) {
            guard !field.text.isEmpty else {
                throw failure(field.line, field.column, "column \(index + 1) has no name")
            }
            if let earlier = seen[field.text] {
                throw failure(
                    field.line, field.column,
                    "column \(index + 1), '\(field.text)', repeats column "
                        + "\(earlier + 1); each dotted path may appear once")
            }
            seen[field.text] = index
        }
        guard !rows.isEmpty else {
            throw failure((header.last?.line ?? 1) + 1, 1, "the design has a header but no points")
        }
        guard rows.count <= maximumPoints else {
            throw ExperimentError("--design: \(path) has \(rows.count) points; at most \(maximumPoints)")
        }

        var points: [[SweptValue]] = []
        for row in rows {
            guard row.count == names.count else {
                // Point at the first field too many, or at the row's start when it is short.
                let at = row.count > names.count ? row[names.count] : row[0]
                let values = row.count == 1 ? "1 value" : "\(row.count) values"
                throw failure(at.line, row.count > names.count ? at.column : 1, "\(values) for \(names.count) columns")
            }
            var values: [SweptValue] = []
            for (column, field) in row.enumerated().dropFirst(first) {
                guard let value = Double(field.text), value.isFinite else {
                    throw failure(
                        field.line, field.column,
                        "'\(field.text)' in column '\(names[column])' is not a finite number")
                }
                values.append(SweptValue(path: names[column], value: value))
            }
            points.append(values)
        }
        return points
    }
}

/// The records of a design CSV (RFC 4180, Shafranovich 2005), each field with the line and
/// column (in Unicode scalars, from 1) where it starts, for error messages. A leading UTF-8
/// byte-order mark is skipped; blank lines give no record; fields are trimmed of spaces and
/// tabs (inside quotes too, as a number's spaces are never meant).
private enum DesignRecords {
    struct Field {
        var text: String
        var line: Int
        var column: Int
    }

    static func parse(
        _ text: String,
        failure: (Int, Int, String) -> ExperimentError
    ) throws -> [[Field]] {
        let scalars = Array(text.unicodeScalars)
        var index = scalars.first == "\u{FEFF}" ? 1 : 0
        var line = 1
        var column = 1
        func advance() {
            index += 1
            column += 1
        }
        /// Past a line end: CRLF, LF or CR.
        func advanceLine() {
            index += scalars[index] == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n" ? 2 : 1
            line += 1
            column = 1
        }
        func isLineEnd(_ scalar: Unicode.Scalar) -> Bool { scalar == "\n" || scalar == "\r" }
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

        var records: [[Field]] = []
        var record: [Field] = []
        var quotedRecord = false
        while true {
            while index < scalars.count && isSpace(scalars[index]) { advance() }
            let start = (line: line, column: column)
            var field = String.UnicodeScalarView()
            if index < scalars.count && scalars[index] == "\"" {
                quotedRecord = true
                advance()
                while true {
                    guard index < scalars.count else {
                        throw failure(start.line, start.column, "a quoted field is not closed")
                    }
                    let scalar = scalars[index]
                    if scalar == "\"" {
                        advance()
                        guard index < scalars.count && scalars[index] == "\"" else { break }
                        field.append("\"")
                        advance()
                    } else if isLineEnd(scalar) {
                        field.append("\n")
                        advanceLine()
                    } else {
                        field.append(scalar)
                        advance()
                    }
                }
                while index < scalars.count && isSpace(scalars[index]) { advance() }
                if index < scalars.count && scalars[index] != "," && !isLineEnd(scalars[index]) {
                    throw failure(line, column, "unexpected text after the closing quote")
                }
            } else {
                while index < scalars.count && scalars[index] != "," && !isLineEnd(scalars[index]) {
                    field.append(scalars[index])
                    advance()
                }
            }
            let trimmed = String(field).trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
            record.append(Field(text: trimmed, line: start.line, column: start.column))
            if index < scalars.count && scalars[index] == "," {
                advance()
                continue
            }
            // The record ends here (a line end, or the end of the file); a blank line is none.
            if !(record.count == 1 && record[0].text.isEmpty && !quotedRecord) { records.append(record) }
            record = []
            quotedRecord = false
            guard index < scalars.count else { break }
            advanceLine()
            if index >= scalars.count { break }
        }
        return records
    }
}
