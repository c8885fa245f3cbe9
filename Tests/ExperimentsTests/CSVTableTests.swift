import Experiments
import Testing

@Suite struct CSVTableTests {
    @Test func headerOnly() {
        let table = CSVTable(header: ["a", "b"])
        #expect(table.text == "a,b\n")
        #expect(table.rowCount == 0)
    }

    @Test func rowsOfEveryKind() {
        var table = CSVTable(header: ["name", "count", "rate", "ok", "note"])
        table.append([.text("x"), .integer(-3), .number(0.25), .bool(true), .missing])
        table.append([.text("y"), .integer(0), .number(2), .bool(false), .text("")])
        #expect(table.rowCount == 2)
        #expect(
            table.text == """
                name,count,rate,ok,note
                x,-3,0.25,TRUE,
                y,0,2,FALSE,

                """
        )
    }

    @Test func quotingFollowsRFC4180() {
        var table = CSVTable(header: ["v"])
        let cases: [(String, String)] = [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("\"", "\"\"\"\""),
            ("line1\nline2", "\"line1\nline2\""),
            ("cr\rhere", "\"cr\rhere\""),
            ("crlf\r\nhere", "\"crlf\r\nhere\""),
            ("  spaced  ", "  spaced  "),
            ("naïve ✓", "naïve ✓"),
        ]
        for (input, _) in cases {
            table.append([.text(input)])
        }
        let expected = (["v"] + cases.map(\.1)).map { $0 + "\n" }.joined()
        #expect(table.text == expected)
    }

    @Test func headerIsQuotedToo() {
        let table = CSVTable(header: ["id", "mean, days", "say \"x\""])
        #expect(table.text == "id,\"mean, days\",\"say \"\"x\"\"\"\n")
    }

    @Test func lonelyEmptyFieldIsQuotedSoTheRowIsNotBlank() {
        var table = CSVTable(header: ["only"])
        table.append([.missing])
        table.append([.text("")])
        table.append([.number(.nan)])
        #expect(table.text == "only\n\"\"\n\"\"\n\"\"\n")
    }

    @Test func emptyFieldsInWiderRowsStayBare() {
        var table = CSVTable(header: ["a", "b"])
        table.append([.missing, .missing])
        #expect(table.text == "a,b\n,\n")
    }

    @Test(arguments: [
        (3.0, "3"),
        (-3.0, "-3"),
        (0.0, "0"),
        (-0.0, "0"),
        (1e14, "100000000000000"),
        (999_999_999_999_999.0, "999999999999999"),
        // From 1e15 on, Swift's description: positional up to 2^53, exponent form beyond.
        (1e15, "1000000000000000.0"),
        (-1e15, "-1000000000000000.0"),
        (1.5e15, "1500000000000000.0"),
        (1e16, "1e+16"),
        (1e20, "1e+20"),
        (0.1, "0.1"),
        (0.25, "0.25"),
        (-2.5, "-2.5"),
        (1e-05, "1e-05"),
        (0.0001, "0.0001"),
        (1.0 / 3.0, "0.3333333333333333"),
        (123456.789, "123456.789"),
        (Double.leastNonzeroMagnitude, "5e-324"),
        (Double.greatestFiniteMagnitude, "1.7976931348623157e+308"),
        (Double.nan, ""),
        (Double.infinity, ""),
        (-Double.infinity, ""),
    ])
    func numberFormatting(value: Double, expected: String) {
        #expect(NumberFormat.csv(value) == expected)
    }

    @Test func nonIntegralNumbersRoundTrip() {
        for value in [0.1, 1.0 / 3.0, 2.0 / 3.0 * 1e-7, 6.02214076e23, 1e15 + 0.5, -7.25e-300] {
            #expect(Double(NumberFormat.csv(value)) == value)
        }
    }

    @Test func numberFieldUsesNumberFormat() {
        var table = CSVTable(header: ["x", "y", "z"])
        table.append([.number(1e-05), .number(.infinity), .number(42)])
        #expect(table.text == "x,y,z\n1e-05,,42\n")
    }

    @Test func integerExtremes() {
        var table = CSVTable(header: ["min", "max"])
        table.append([.integer(Int.min), .integer(Int.max)])
        #expect(table.text == "min,max\n\(Int.min),\(Int.max)\n")
    }
}
