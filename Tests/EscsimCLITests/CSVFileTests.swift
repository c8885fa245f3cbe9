import Foundation
import Testing

@testable import escsim

/// The reader `escsim sensitivity` uses for a folder's CSV files: what escsim's `CSVTable`
/// writes (quoted names with commas, quotes, line breaks) must come back field for field.
@Suite struct CSVFileTests {
    private func read(_ text: String) throws -> CSVFile {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try CSVFile.read(path)
    }

    private func refusal(_ text: String) -> String? {
        do {
            _ = try read(text)
            return nil
        } catch {
            return "\(error)".replacing(/^\/\S*csv-[-0-9A-F]+\.csv/, with: "FILE")
        }
    }

    @Test func quotedFieldsAndLineEndsRoundTrip() throws {
        let file = try read("policy,y\r\n\"talks, then \"\"pause\"\"\",1\n\n\"two\nlines\",\n\"\",2")
        #expect(file.header == ["policy", "y"])
        #expect(file.rows == [["talks, then \"pause\"", "1"], ["two\nlines", ""], ["", "2"]])
        // Each row knows the line it starts on (the blank line 3 is skipped, row 2 spans 4-5).
        #expect(file.lines == [2, 4, 6])
        #expect(try file.number(row: 0, column: 1) == 1)
        #expect(try file.number(row: 1, column: 1).isNaN)
    }

    @Test func damagedFilesNameTheLine() {
        #expect(refusal("a,b\n1,2\n3\n") == "FILE:3: 1 fields where the header has 2")
        #expect(refusal("a\n\"open\n") == "FILE:2: a quoted field is not closed")
        #expect(refusal("a\nx\"y\n") == "FILE:2: a quote inside an unquoted field")
        #expect(refusal("a\n\"x\"y\n") == "FILE:2: text after a closing quote")
        #expect(refusal("") == "FILE: the file is empty")
    }
}
