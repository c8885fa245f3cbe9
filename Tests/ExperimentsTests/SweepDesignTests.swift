import Experiments
import Foundation
import Testing

/// `escsim run --design FILE.csv`: the CSV files analysts make elsewhere (pandas, Excel, by
/// hand), read into `path=value` settings per point, and every bad file one clear error
/// with the option, the file, line:column and the column concerned.
@Suite struct SweepDesignTests {
    /// Writes `bytes` to a fresh file and reads it as a design.
    private func points(_ bytes: [UInt8]) throws -> [[String]] {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("design-\(UUID().uuidString).csv").path
        try #require(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try SweepDesign.points(fromCSV: path).map { $0.map(\.setting) }
    }

    private func points(_ text: String) throws -> [[String]] {
        try points(Array(text.utf8))
    }

    /// The message `text` is refused with, with the file's path replaced by "FILE".
    private func refusal(_ text: String) -> String? {
        refusal(Array(text.utf8))
    }

    private func refusal(_ bytes: [UInt8]) -> String? {
        do {
            let read = try points(bytes)
            Issue.record("accepted: \(read)")
            return nil
        } catch let error as ExperimentError {
            // The path is a fresh temporary file: keep the message's shape, not its name.
            return error.description.replacing(/\/\S*design-[-0-9A-F]+\.csv/, with: "FILE")
        } catch {
            Issue.record("not an ExperimentError: \(error)")
            return nil
        }
    }

    @Test func aPlainDesignGivesOneSettingPerCell() throws {
        #expect(try points("a.b,c.d\n1,2\n3.5,-4\n") == [["a.b=1", "c.d=2"], ["a.b=3.5", "c.d=-4"]])
        // Spaces around names and values are not part of them.
        #expect(try points("a.b, c.d \n 1 , 2\n") == [["a.b=1", "c.d=2"]])
        // Blank lines (and no final line end) are fine.
        #expect(try points("a.b\n\n1\n\n2") == [["a.b=1"], ["a.b=2"]])
    }

    @Test func aDuplicatedColumnIsAnErrorNamingItsPlace() {
        #expect(
            refusal("a.b,c.d,a.b\n1,2,3\n")
                == "--design: FILE:1:9: column 3, 'a.b', repeats column 1; each dotted path may appear once")
    }

    @Test func pandasIndexColumnIsSkipped() throws {
        // DataFrame.to_csv() with its defaults: an unnamed first column holding 0, 1, 2, ...
        #expect(
            try points(",a.b,c.d\n0,1,2\n1,3,4\n2,5,6\n") == [
                ["a.b=1", "c.d=2"], ["a.b=3", "c.d=4"], ["a.b=5", "c.d=6"],
            ])
    }

    @Test func anUnnamedFirstColumnThatIsNotAnIndexIsRefused() {
        #expect(
            refusal(",a.b\n0,1\n5,2\n")
                == "--design: FILE:3:1: column 1 has no name, and is not the index pandas writes (0, 1, 2, ...): "
                + "'5' where 1 was expected; name the column or drop it")
        #expect(refusal("a.b,,c.d\n1,2,3\n") == "--design: FILE:1:5: column 2 has no name")
    }

    @Test func excelsByteOrderMarkIsSkipped() throws {
        // Excel's "CSV UTF-8" starts the file with EF BB BF.
        #expect(try points([0xEF, 0xBB, 0xBF] + Array("a.b,c.d\n1,2\n".utf8)) == [["a.b=1", "c.d=2"]])
        #expect(
            refusal([0xEF, 0xBB, 0xBF] + Array("a.b\nx\n".utf8))
                == "--design: FILE:2:1: 'x' in column 'a.b' is not a finite number")
    }

    @Test func crlfLineEndsAreReadAndCounted() throws {
        #expect(try points("a.b,c.d\r\n1,2\r\n3,4\r\n") == [["a.b=1", "c.d=2"], ["a.b=3", "c.d=4"]])
        #expect(
            refusal("a.b,c.d\r\n1,2\r\n3,x\r\n") == "--design: FILE:3:3: 'x' in column 'c.d' is not a finite number")
    }

    @Test func quotedFieldsAreUnquoted() throws {
        #expect(try points("\"a.b\",\"c.d\"\n\"1.5\",2\n") == [["a.b=1.5", "c.d=2"]])
        #expect(refusal("a.b\n\"1\n") == "--design: FILE:2:1: a quoted field is not closed")
        #expect(refusal("a.b,c.d\n\"1\"x,2\n") == "--design: FILE:2:4: unexpected text after the closing quote")
    }

    @Test func emptyFilesAndHeadersAloneAreRefused() {
        let empty =
            "--design: FILE:1:1: the file is empty; it needs a header of dotted paths and a row of numbers per point"
        #expect(refusal("") == empty)
        #expect(refusal("\n\n") == empty)
        #expect(refusal([0xEF, 0xBB, 0xBF]) == empty)
        #expect(refusal("a.b,c.d\n") == "--design: FILE:2:1: the design has a header but no points")
    }

    @Test func rowsOfTheWrongLengthAreRefused() {
        #expect(refusal("a.b,c.d\n1,2\n3\n") == "--design: FILE:3:1: 1 value for 2 columns")
        #expect(refusal("a.b,c.d\n1,2,3\n") == "--design: FILE:2:5: 3 values for 2 columns")
    }

    @Test func nonNumbersAreRefused() {
        #expect(refusal("a.b,c.d\n1,abc\n") == "--design: FILE:2:3: 'abc' in column 'c.d' is not a finite number")
        #expect(refusal("a.b\nnan\n") == "--design: FILE:2:1: 'nan' in column 'a.b' is not a finite number")
        #expect(refusal("a.b\n\n") == "--design: FILE:2:1: the design has a header but no points")
        #expect(refusal("a.b,c.d\n1,\n") == "--design: FILE:2:3: '' in column 'c.d' is not a finite number")
    }

    @Test func aMissingFileIsRefused() {
        #expect(throws: ExperimentError.self) { try SweepDesign.points(fromCSV: "/no/such/design.csv") }
    }
}
