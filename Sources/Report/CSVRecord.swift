/// One record of a CSV file, as `CSVReader` hands it over: the unquoted bytes of every field
/// end to end, and where each field ends. Fields become `String`s or numbers only when asked,
/// because a large `replications.csv` has millions of fields and the report reads a few columns.
struct CSVRecord: Sendable {
    /// The fields' bytes, unquoted (a doubled quote is one quote here), back to back.
    var bytes: [UInt8] = []
    /// `ends[i]` is the offset in `bytes` just past field `i`.
    var ends: [Int] = []
    /// The physical line (1-based) the record starts on, for error messages.
    var line = 0

    /// Number of fields.
    var count: Int { ends.count }

    private func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    /// True when field `index` is empty (a missing value in escsim's files).
    func isEmpty(_ index: Int) -> Bool {
        range(index).isEmpty
    }

    /// Field `index` as text (invalid UTF-8 is replaced, never trapped on).
    func text(_ index: Int) -> String {
        String(decoding: bytes[range(index)], as: UTF8.self)
    }

    /// Field `index` as a number, or nil when it is empty or not a number. Swift's `Double`
    /// parser reads "1e-05" and "0.1" the same in every locale, which is what escsim writes.
    func number(_ index: Int) -> Double? {
        let field = range(index)
        guard !field.isEmpty else { return nil }
        return Double(String(decoding: bytes[field], as: UTF8.self))
    }

    /// All fields as text (for headers).
    var texts: [String] {
        (0..<count).map(text)
    }

    mutating func clear() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }
}
