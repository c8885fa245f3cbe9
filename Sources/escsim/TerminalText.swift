/// Text that came from a scenario (a title, a display name, a sentence built from them), made
/// safe to print on a terminal.
///
/// A terminal obeys control characters in what it prints: ESC starts sequences that clear the
/// screen (`ESC [2J`), move the cursor, recolour or hide text, set the window title or, on
/// some terminals, write to the clipboard; CSI (U+009B) and the other C1 controls do the same
/// in one character; CR and backspace overwrite what is already on the line. Scenario text
/// is meant as one line of words, so every such character is shown instead of obeyed.
///
/// Escaped, each as Swift writes it, `\u{1B}`:
/// - the C0 controls U+0000-U+001F (tab and line ends included: a title is one line),
/// - DEL U+007F and the C1 controls U+0080-U+009F,
/// - the bidirectional embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069,
///   which reorder what follows them on screen ("Trojan Source", CVE-2021-42574),
/// - the line and paragraph separators U+2028 and U+2029.
///
/// Everything else, other scripts and emoji included, is left as it is, and so is a backslash:
/// a title that spells `\u{1B}` itself prints the same as one holding ESC, which is harmless.
/// Invalid UTF-8 never reaches here (Swift strings are valid Unicode).
enum TerminalText {
    /// `text` with every control character shown as `\u{XX}` rather than obeyed.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result.append(contentsOf: "\\u{\(hex(scalar.value))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether `scalar` is one of the characters `escaped` shows instead of printing.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
        default: false
        }
    }

    /// Upper-case hexadecimal with at least two digits: "1B", "9B", "202E".
    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return digits.count < 2 ? "0" + digits : digits
    }
}
