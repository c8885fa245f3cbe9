/// "Did you mean ...?" for misspelt keys and references.
enum Suggestion {
    /// Longer words get no suggestion.
    static let maximumLength = 64

    /// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo
    /// (at most a third of the word's length, and at least 1, edits away).
    static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        // The edit distance costs the product of the two lengths: a file of long unknown names
        // made `validate` quadratic in its size. No typo is that long.
        guard word.count <= maximumLength else { return nil }
        let limit = max(1, word.count / 3)
        var best: (candidate: String, distance: Int)?
        // A length difference beyond the limit is already too many edits.
        for candidate in candidates where abs(candidate.count - word.count) <= limit {
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        // A word cut short ('horizon' for 'horizon_days') is too far by edits but plain to a reader.
        if best == nil, word.count >= 4 {
            let prefix = word.lowercased()
            return candidates.first { $0.count <= maximumLength && $0.lowercased().hasPrefix(prefix) }
        }
        return best?.candidate
    }

    /// " (did you mean 'x'?)" or "".
    static func hint(for word: String, among candidates: some Sequence<String>) -> String {
        closest(to: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Levenshtein distance (insertions, deletions, substitutions), two rows of dynamic programming.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
