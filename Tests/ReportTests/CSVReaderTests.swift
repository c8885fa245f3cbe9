import Foundation
import Testing

@testable import Report

/// The RFC 4180 reader on small files written here.
@Suite struct CSVReaderTests {
    private func file(_ text: String) throws -> String {
        let path = ReportFixtures.root + "/csv-\(UUID().uuidString).csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func records(_ text: String) throws -> [[String]] {
        var result: [[String]] = []
        try CSVReader(path: try file(text)).forEachRecord { result.append($0.texts) }
        return result
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let text = "a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n1,,3\n"
        #expect(try records(text) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["1", "", "3"]])
    }

    @Test func lineEndsMayBeCRLFOrCRAndTheLastMayBeMissing() throws {
        #expect(try records("a,b\r\n1,2\r\n3,4") == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(try records("a,b\r1,2\r") == [["a", "b"], ["1", "2"]])
        #expect(try records("a,b\n1,\n") == [["a", "b"], ["1", ""]])
    }

    @Test func blankLinesAreSkippedButAQuotedEmptyFieldIsARow() throws {
        #expect(try records("a\n\n\"\"\n\nb\n") == [["a"], [""], ["b"]])
    }

    @Test func aByteOrderMarkIsDropped() throws {
        #expect(try records("\u{FEFF}variant,n\nbaseline,3\n") == [["variant", "n"], ["baseline", "3"]])
    }

    @Test func recordsKnowTheirLineAndTheirNumbers() throws {
        var seen: [(Int, Double?, Bool)] = []
        try CSVReader(path: try file("h1,h2\n\"multi\nline\",1e-05\nx,\n")).forEachRecord { record in
            seen.append((record.line, record.number(1), record.isEmpty(1)))
        }
        #expect(seen.map(\.0) == [1, 2, 4])
        #expect(seen[1].1 == 1e-05 && seen[2].1 == nil && seen[2].2)
    }

    @Test func damagedFilesNameTheLine() throws {
        let cases: [(String, Int, String)] = [
            ("a,b\n1,2\n3\n", 3, "1 fields where the header has 2"),
            ("a,b\n1,\"open\n", 2, "a quoted field is never closed"),
            ("a,b\n1,x\"y\n", 2, "a double quote inside an unquoted field"),
            ("a,b\n\"1\"x,2\n", 2, "text after a closing double quote"),
            ("", 1, "the file is empty (no header row)"),
        ]
        for (text, line, reason) in cases {
            let path = try file(text)
            #expect(throws: ReportError.badCSV(path: path, line: line, reason: reason)) {
                try CSVReader(path: path).forEachRecord { _ in }
            }
        }
    }

    @Test func aMissingColumnIsNamed() throws {
        let path = try file("variant,mean\nbaseline,1\n")
        #expect(throws: ReportError.badCSV(path: path, line: 1, reason: "the header lacks the columns n, sd")) {
            try CSVReader(path: path).forEachRow(requiring: ["variant", "n", "mean", "sd"]) { _, _ in }
        }
    }

    @Test func aMissingFileIsUnreadable() throws {
        let path = ReportFixtures.root + "/absent.csv"
        #expect(throws: ReportError.unreadable(path: path, reason: "No such file or directory")) {
            try CSVReader(path: path).forEachRecord { _ in }
        }
    }

    /// Larger than one read chunk, so records cross chunk boundaries.
    @Test func recordsSpanningChunksAreWhole() throws {
        var text = "i,word\n"
        for i in 0..<20_000 { text += "\(i),\"w,\(i)\"\n" }
        var count = 0
        try CSVReader(path: try file(text)).forEachRow(requiring: ["i", "word"]) { record, columns in
            #expect(record.text(columns["word"]) == "w,\(count)")
            count += 1
        }
        #expect(count == 20_000)
    }
}
