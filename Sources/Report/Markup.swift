/// Escaping for text put into HTML and inline SVG. Everything that comes from the output
/// folder (scenario names, variant names, command lines, parameter paths) passes through here,
/// so a name like `<b>` or `a"b` shows as written and cannot break the page.
enum Markup {
    /// `text` safe as element content and as a double- or single-quoted attribute value:
    /// `&`, `<`, `>`, `"` and `'` become character references (HTML Living Standard, 13.1.4).
    /// Control characters other than tab and line feed are dropped, as XML 1.0 forbids them
    /// in SVG.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// An element with escaped content: `element("td", "a<b")` is `<td>a&lt;b</td>`.
    static func element(_ name: String, _ content: String, attributes: [(String, String)] = []) -> String {
        "<\(name)\(attributeText(attributes))>\(escape(content))</\(name)>"
    }

    /// ` name="value"` for each pair, values escaped.
    static func attributeText(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// A command line as one would type it: arguments with spaces or quotes in single quotes.
    static func commandLine(_ arguments: [String]) -> String {
        arguments.map { argument in
            let plain =
                !argument.isEmpty
                && argument.unicodeScalars.allSatisfy { scalar in
                    scalar.properties.isAlphabetic || "0123456789-_./=,:@+%".unicodeScalars.contains(scalar)
                }
            return plain ? argument : "'" + argument.replacingAll("'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }
}

extension String {
    /// Every occurrence of `target` replaced (without Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
