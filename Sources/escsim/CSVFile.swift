import Foundation

/// A whole CSV file read into memory for `escsim sensitivity`: the header and the rows, each
/// row with the line it starts on, for error messages. RFC 4180 (Shafranovich 2005): fields in
/// double quotes may hold commas, line breaks and doubled quotes; lines end in LF, CRLF or CR;
/// blank lines are skipped; a UTF-8 byte-order mark is dropped. Every row must be as long as
/// the header. (The Report module's streaming reader is internal to it.)
struct CSVFile {
    let path: String
    let header: [String]
    let rows: [[String]]
    /// `lines[r]`: the line on which row `r` starts.
    let lines: [Int]

    /// Reads `path`; a missing file or a malformed one is a `CSVFileError` naming file and line.
    static func read(_ path: String) throws -> CSVFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CSVFileError("\(path): cannot read the file")
        }
        let bytes = [UInt8](data)
        var records: [[String]] = []
        var starts: [Int] = []
        var record: [String] = []
        var line = 1
        var recordLine = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let quote = UInt8(ascii: "\"")
        let comma = UInt8(ascii: ",")
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")
        // One field per turn: a plain field is a slice up to the next comma or line end; a
        // quoted one is copied byte by byte to undouble its quotes.
        while index < bytes.count {
            var wasQuoted = false
            if bytes[index] == quote {
                wasQuoted = true
                var field: [UInt8] = []
                index += 1
                while true {
                    guard index < bytes.count else {
                        throw CSVFileError("\(path):\(recordLine): a quoted field is not closed")
                    }
                    let byte = bytes[index]
                    index += 1
                    if byte == quote {
                        guard index < bytes.count, bytes[index] == quote else { break }
                        index += 1
                    } else if byte == lf || (byte == cr && (index >= bytes.count || bytes[index] != lf)) {
                        line += 1
                    }
                    field.append(byte)
                }
                if index < bytes.count, bytes[index] != comma, bytes[index] != cr, bytes[index] != lf {
                    throw CSVFileError("\(path):\(line): text after a closing quote")
                }
                record.append(String(decoding: field, as: UTF8.self))
            } else {
                let from = index
                while index < bytes.count, bytes[index] != comma, bytes[index] != cr, bytes[index] != lf {
                    if bytes[index] == quote {
                        throw CSVFileError("\(path):\(line): a quote inside an unquoted field")
                    }
                    index += 1
                }
                record.append(String(decoding: bytes[from..<index], as: UTF8.self))
            }
            if index < bytes.count, bytes[index] == comma {
                index += 1
                if index == bytes.count { record.append("") }
                continue
            }
            // A line end or the end of the file closes the record; a blank line is none.
            if !(record.count == 1 && record[0].isEmpty && !wasQuoted) {
                records.append(record)
                starts.append(recordLine)
            }
            record = []
            if index < bytes.count {
                index += bytes[index] == cr && index + 1 < bytes.count && bytes[index + 1] == lf ? 2 : 1
                line += 1
            }
            recordLine = line
        }
        if !record.isEmpty {
            records.append(record)
            starts.append(recordLine)
        }
        guard let header = records.first else { throw CSVFileError("\(path): the file is empty") }
        for (record, start) in zip(records, starts).dropFirst() where record.count != header.count {
            throw CSVFileError("\(path):\(start): \(record.count) fields where the header has \(header.count)")
        }
        return CSVFile(path: path, header: header, rows: Array(records.dropFirst()), lines: Array(starts.dropFirst()))
    }

    /// The index of column `name`, or an error naming the file.
    func column(_ name: String) throws -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw CSVFileError("\(path): no column '\(name)'")
        }
        return index
    }

    /// Field `column` of row `row` as a number: empty is NaN (a missing value), anything else
    /// must parse.
    func number(row: Int, column: Int) throws -> Double {
        let field = rows[row][column]
        if field.isEmpty { return .nan }
        if let value = Double(field) { return value }
        let text = field.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .nan }
        guard let value = Double(text) else {
            throw CSVFileError("\(path):\(lines[row]): '\(text)' in column '\(header[column])' is not a number")
        }
        return value
    }
}

/// A folder file that cannot be read as `escsim sensitivity` needs it: one line, with the file
/// and, where it applies, the line.
struct CSVFileError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
