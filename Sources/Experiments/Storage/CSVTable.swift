import DiscreteEvent
import EscalationModel
import Stochastic

/// One cell of a `CSVTable`.
public enum CSVField: Sendable, Hashable {
    /// Free text, quoted when needed.
    case text(String)
    /// An integer, written in decimal.
    case integer(Int)
    /// A number, written by `NumberFormat.csv` (NaN and infinities become an empty field).
    case number(Double)
    /// A Boolean, written `TRUE` / `FALSE`.
    case bool(Bool)
    /// No value: an empty field.
    case missing

    /// The field's unquoted text.
    var rendered: String {
        switch self {
        case .text(let value):
            value
        case .integer(let value):
            String(value)
        case .number(let value):
            NumberFormat.csv(value)
        case .bool(let value):
            // Upper case because it is the one spelling both readers turn into Booleans by
            // default: R's type.convert (used by read.csv) documents only F, T, FALSE and TRUE
            // as logical, and pandas' C parser's default true/false values are
            // True/TRUE/true and False/FALSE/false.
            value ? "TRUE" : "FALSE"
        case .missing:
            ""
        }
    }
}

/// Locale-independent, deterministic number formatting shared by the CSV and JSON writers.
public enum NumberFormat {
    /// Formats `x` for a CSV cell:
    /// - integral values with |x| < 10¹⁵ as plain integers ("3", not "3.0"; -0.0 gives "0");
    /// - other finite values with Swift's shortest round-trip `description` ("0.1", "1e-05",
    ///   "1000000000000000.0", "1e+16"), which parses back to the identical `Double`; it never
    ///   depends on the locale, and its exponent form ("e-05", "e+16") is accepted by pandas'
    ///   and R's number parsers;
    /// - NaN and ±infinity as the empty string, which both pandas and R's read.csv read as a
    ///   missing value in a numeric column.
    ///
    /// The 10¹⁵ cut-off keeps integers well inside the 2⁵³ range where every integer is exact.
    public static func csv(_ x: Double) -> String {
        guard x.isFinite else {
            return ""
        }
        if x.magnitude < 1e15 && x.rounded(.towardZero) == x {
            return String(Int64(x))
        }
        return x.description
    }
}

/// A small CSV writer following RFC 4180 (Shafranovich 2005, "Common Format and MIME Type for
/// Comma-Separated Values (CSV) Files"), chosen so pandas `read_csv` and R `read.csv` read
/// the output correctly with their default options:
///
/// - comma separator, a header row, and every row as long as the header;
/// - lines end in "\n" rather than RFC 4180's CRLF (both readers accept either; LF keeps
///   files diff-friendly and byte-identical across platforms), including after the last row;
/// - a field containing a comma, a double quote, CR or LF is enclosed in double quotes, with
///   each embedded double quote doubled (RFC 4180 §2 rules 6 and 7); other fields are bare;
/// - a row consisting of a single empty field is written as `""`, because both readers skip
///   blank lines by default and would otherwise drop the row;
/// - missing values (`.missing`, NaN, infinities) are empty fields.
///
/// Text is written as given (UTF-8 once encoded). Note that both readers also treat some
/// text spellings as missing by default (e.g. "NA"; pandas also "nan", "null", "N/A"), so
/// such strings do not survive a round trip as text.
public struct CSVTable: Sendable, Hashable {
    /// Column names, in order.
    public let header: [String]
    /// Rendered lines (header first), without line terminators.
    private var lines: [String]

    /// A table with the given column names and no rows yet.
    ///
    /// - Precondition: `header` is not empty.
    public init(header: [String]) {
        precondition(!header.isEmpty, "a CSV table needs at least one column")
        self.header = header
        lines = [CSVTable.line(header)]
    }

    /// Number of data rows appended so far.
    public var rowCount: Int {
        lines.count - 1
    }

    /// Appends one data row.
    ///
    /// - Precondition: `row.count == header.count`.
    public mutating func append(_ row: [CSVField]) {
        precondition(
            row.count == header.count,
            "CSV row has \(row.count) fields but the header has \(header.count)"
        )
        lines.append(CSVTable.line(row.map(\.rendered)))
    }

    /// The whole table: header and rows, each line ending in "\n".
    public var text: String {
        var result = ""
        for line in lines {
            result += line
            result += "\n"
        }
        return result
    }

    /// One rendered line with its "\n", for writers that stream rows instead of building a table.
    public static func renderLine(_ row: [CSVField]) -> String {
        line(row.map(\.rendered)) + "\n"
    }

    /// One line from unquoted field texts.
    private static func line(_ fields: [String]) -> String {
        if fields.count == 1 && fields[0].isEmpty {
            return "\"\""
        }
        return fields.map(quoted).joined(separator: ",")
    }

    /// `field`, enclosed in double quotes (inner quotes doubled) when it holds a comma, a
    /// double quote, CR or LF.
    private static func quoted(_ field: String) -> String {
        let needsQuotes = field.utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
        }
        guard needsQuotes else {
            return field
        }
        var result = "\""
        for character in field.unicodeScalars {
            if character == "\"" {
                result.unicodeScalars.append("\"")
            }
            result.unicodeScalars.append(character)
        }
        result.unicodeScalars.append("\"")
        return result
    }
}

extension CSVField {
    /// Free text from outside escsim (a scenario's display names, or sentences built from
    /// them) as a cell that spreadsheets show as text, never run as a formula: see
    /// `spreadsheetSafe(_:)`. Identifiers, numbers and escsim's own words stay `.text`.
    public static func untrustedText(_ value: String) -> CSVField {
        .text(spreadsheetSafe(value))
    }

    /// `text`, with a single quote put in front when it starts with a character that makes
    /// Excel, LibreOffice or Google Sheets read the cell as a formula: `=`, `+`, `-`, `@`, tab
    /// or carriage return (the OWASP rule against CSV injection,
    /// https://owasp.org/www-community/attacks/CSV_Injection). The quote shows in the cell; it
    /// is the price of "=HYPERLINK(...)" in a display name staying inert. Text that is a
    /// plain finite number ("-12.5", "+3") is left alone: a spreadsheet reads it as that
    /// number, never as a formula.
    public static func spreadsheetSafe(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else {
            return text
        }
        if let number = Double(text), number.isFinite { return text }
        return "'" + text
    }
}
