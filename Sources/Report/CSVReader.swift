#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A streaming reader of RFC 4180 CSV (Shafranovich 2005): fields separated by commas, records
/// by CRLF, LF or a lone CR; a field in double quotes may hold commas, line breaks and doubled
/// quotes. It reads the file in chunks and hands over one record at a time, so memory stays
/// flat however many replications a folder holds.
///
/// Stricter than the RFC's "should"s where a looser reading would hide a damaged file: every
/// record must have as many fields as the first (the header), a quote may not appear inside an
/// unquoted field, and text may not follow a closing quote. Blank lines are skipped (pandas and
/// R do the same) and a UTF-8 byte order mark at the start is dropped.
struct CSVReader: Sendable {
    let path: String
    /// Bytes read per `fread`; large enough that system calls do not dominate.
    static let chunkSize = 1 << 16

    init(path: String) {
        self.path = path
    }

    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    /// Calls `body` with every record in order, the header first.
    func forEachRecord(_ body: (CSVRecord) throws(ReportError) -> Void) throws(ReportError) {
        guard let file = fopen(path, "rb") else {
            throw ReportError.unreadable(path: path, reason: Self.systemReason(errno))
        }
        defer { fclose(file) }

        var record = CSVRecord()
        var state = State.fieldStart
        var line = 1
        var recordLine = 1
        var fieldWasQuoted = false
        var afterCR = false
        var expectedFields: Int?
        var atStart = true
        var chunk = [UInt8](repeating: 0, count: Self.chunkSize)

        func endField() {
            record.ends.append(record.bytes.count)
        }
        func endRecord() throws(ReportError) {
            endField()
            defer {
                record.clear()
                recordLine = line
                fieldWasQuoted = false
            }
            // A line with nothing on it is blank, not a record of one empty field (`""` is that).
            if record.count == 1 && record.bytes.isEmpty && !fieldWasQuoted { return }
            record.line = recordLine
            if let expected = expectedFields, expected != record.count {
                throw ReportError.badCSV(
                    path: path, line: recordLine,
                    reason: "\(record.count) fields where the header has \(expected)")
            }
            expectedFields = record.count
            try body(record)
        }

        while true {
            let read = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, Self.chunkSize, file) }
            if read == 0 {
                if ferror(file) != 0 { throw ReportError.unreadable(path: path, reason: Self.systemReason(errno)) }
                break
            }
            var start = 0
            if atStart {
                atStart = false
                if read >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF { start = 3 }
            }
            for byte in chunk[start..<read] {
                if afterCR {
                    afterCR = false
                    // CRLF: the CR already ended the record and counted the line.
                    if byte == Self.lf { continue }
                }
                switch state {
                case .fieldStart, .unquoted, .quoteInQuoted:
                    if state == .quoteInQuoted && byte == Self.quote {
                        record.bytes.append(Self.quote)
                        state = .quoted
                    } else if byte == Self.comma {
                        endField()
                        state = .fieldStart
                    } else if byte == Self.lf || byte == Self.cr {
                        line += 1
                        afterCR = byte == Self.cr
                        state = .fieldStart
                        try endRecord()
                    } else if state == .quoteInQuoted {
                        throw ReportError.badCSV(path: path, line: line, reason: "text after a closing double quote")
                    } else if byte == Self.quote {
                        guard state == .fieldStart else {
                            throw ReportError.badCSV(
                                path: path, line: line,
                                reason: "a double quote inside an unquoted field")
                        }
                        fieldWasQuoted = true
                        state = .quoted
                    } else {
                        record.bytes.append(byte)
                        state = .unquoted
                    }
                case .quoted:
                    if byte == Self.quote {
                        state = .quoteInQuoted
                    } else {
                        if byte == Self.lf { line += 1 }
                        record.bytes.append(byte)
                    }
                }
            }
        }
        if state == .quoted {
            throw ReportError.badCSV(path: path, line: recordLine, reason: "a quoted field is never closed")
        }
        // A last record without a final line break still counts.
        if state != .fieldStart || !record.ends.isEmpty || fieldWasQuoted {
            try endRecord()
        }
        if expectedFields == nil {
            throw ReportError.badCSV(path: path, line: 1, reason: "the file is empty (no header row)")
        }
    }

    /// Reads the header, checks that it names every column in `required`, then calls `body` with
    /// each data record and the header's column positions.
    func forEachRow(
        requiring required: [String],
        _ body: (CSVRecord, CSVColumns) throws(ReportError) -> Void
    ) throws(ReportError) {
        var columns: CSVColumns?
        try forEachRecord { record throws(ReportError) in
            if let columns {
                try body(record, columns)
            } else {
                columns = try CSVColumns(header: record, path: path, requiring: required)
            }
        }
    }

    static let comma = UInt8(ascii: ",")
    static let quote = UInt8(ascii: "\"")
    static let lf = UInt8(ascii: "\n")
    static let cr = UInt8(ascii: "\r")

    static func systemReason(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
