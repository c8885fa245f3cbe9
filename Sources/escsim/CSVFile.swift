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
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var records: [[String]] = []
        var starts: [Int] = []
        var record: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var quoted = false
        var wasQuoted = false
        var index = 0
        func endRecord() {
            record.append(String(decoding: field, as: UTF8.self))
            field = []
            if !(record.count == 1 && record[0].isEmpty && !wasQuoted) {
                records.append(record)
                starts.append(recordLine)
            }
            record = []
            wasQuoted = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count && bytes[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n")
                        || (byte == UInt8(ascii: "\r") && bytes.dropFirst(index).first != UInt8(ascii: "\n"))
                    {
                        line += 1
                    }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                guard field.isEmpty else {
                    throw CSVFileError("\(path):\(line): a quote inside an unquoted field")
                }
                quoted = true
                wasQuoted = true
            case UInt8(ascii: ","):
                record.append(String(decoding: field, as: UTF8.self))
                field = []
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                if byte == UInt8(ascii: "\r") && index < bytes.count && bytes[index] == UInt8(ascii: "\n") {
                    index += 1
                }
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(byte)
            }
        }
        if quoted { throw CSVFileError("\(path):\(recordLine): a quoted field is not closed") }
        if !field.isEmpty || !record.isEmpty || wasQuoted { endRecord() }
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
        let text = rows[row][column].trimmingCharacters(in: .whitespaces)
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
