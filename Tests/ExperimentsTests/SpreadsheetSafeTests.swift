import Experiments
import Testing

/// Free text in CSV cells cannot become a spreadsheet formula (the OWASP rule).
@Suite struct SpreadsheetSafeTests {
    @Test func formulaStartsGetASingleQuote() {
        for text in [
            "=HYPERLINK(\"http://example.com\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "=", "-", "-inf",
        ] {
            #expect(CSVField.spreadsheetSafe(text) == "'" + text, "\(text)")
        }
    }

    @Test func numbersAndOrdinaryTextAreUnchanged() {
        for text in ["-12.5", "+3", "-1e-05", "0", "Aleppo city", "HTS attacks =x", " =1", "", "'quoted"] {
            #expect(CSVField.spreadsheetSafe(text) == text, "\(text)")
        }
    }

    @Test func untrustedCellsAreQuotedByTheTableAsUsual() {
        var table = CSVTable(header: ["day", "details"])
        table.append([.number(-1.5), .untrustedText("=HYPERLINK(\"http://x\",\"y\"), then more")])
        table.append([.number(2), .untrustedText("-3")])
        #expect(table.text == "day,details\n-1.5,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\"), then more\"\n2,-3\n")
    }
}
