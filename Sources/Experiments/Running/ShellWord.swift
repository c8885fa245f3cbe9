import Foundation

/// Text for a command a user is told to type: a path with spaces, quotes or `$` pasted into
/// a shell must arrive as one word.
package enum ShellWord {
    /// `word` as is when it is made of safe characters only, else in single quotes (a single
    /// quote inside written as `'\''`, the POSIX shell idiom).
    package static func quoted(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "/._-+:,=@%".unicodeScalars.contains(scalar))
        }
        if safe, !word.isEmpty { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
