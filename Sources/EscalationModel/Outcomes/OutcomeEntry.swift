/// One entry of the outcome catalogue: an outcome column, or a family of them, with everything
/// said about it (name, kind, unit, meaning, the report's title and role) and how a
/// `ReplicationOutcome` fills it.
public struct OutcomeEntry: Sendable {
    /// Which of an entry's columns the report compares variants on.
    public enum Comparison: Sendable, Hashable {
        case no
        case yes
        /// Only the family's first member (the first key city: one chart, not one per city).
        case firstMember
    }

    /// The column name; for a family, with the family's placeholder for the member (`<city>_fell`).
    public let column: String
    public let family: OutcomeFamily
    public let kind: OutcomeKind
    /// The unit of the values (`day`, `civilians`, `fighters`, `0/1`...).
    public let unit: String
    /// One line: what the column holds; a family's placeholder stands for the member.
    public let meaning: String
    /// The report's title for the column (`Day <city> fell`), with the same placeholder.
    public let title: String
    /// Whether the report draws the baseline's histogram of this outcome.
    public let charted: Bool
    /// Whether the report draws a forest plot of variant minus baseline for this outcome.
    public let compared: Comparison
    /// Whether its columns alternate member by member with those of the entry before it (of the
    /// same family): `aleppo_city_fell, aleppo_city_fall_day, hama_fell, hama_fall_day`.
    public let interleaved: Bool
    /// The value of the member at `index` (see `OutcomeFamily.Member`); `.nan` when missing.
    let value: @Sendable (ReplicationOutcome, Int) -> Double

    /// An entry for one column.
    init(
        _ column: String, _ kind: OutcomeKind, unit: String? = nil, _ meaning: String, title: String,
        charted: Bool = false, compared: Comparison = .no,
        value: @escaping @Sendable (ReplicationOutcome, Int) -> Double
    ) {
        self.init(
            column, .single, kind, unit: unit, meaning, title: title, charted: charted, compared: compared,
            value: value)
    }

    /// An entry for a family of columns; `column`, `meaning` and `title` name the member with the
    /// family's placeholder.
    init(
        _ column: String, _ family: OutcomeFamily, _ kind: OutcomeKind, unit: String? = nil, _ meaning: String,
        title: String, charted: Bool = false, compared: Comparison = .no, interleaved: Bool = false,
        value: @escaping @Sendable (ReplicationOutcome, Int) -> Double
    ) {
        precondition(
            family == .single || column.contains(family.placeholder),
            "the column of a family names its member with \(family.placeholder)")
        guard let unit = unit ?? kind.unit else { preconditionFailure("a quantity states its unit") }
        self.column = column
        self.family = family
        self.kind = kind
        self.unit = unit
        self.meaning = meaning
        self.title = title
        self.charted = charted
        self.compared = compared
        self.interleaved = interleaved
        self.value = value
    }

    /// The column name of `member` (an identifier of the family's list).
    public func column(of member: String) -> String {
        family == .single ? column : column.replacing(family.placeholder, with: member)
    }

    /// The member `name` is the column of, or nil when it is not one of this entry's columns: the
    /// empty string for a single column. Only the name is needed, so a folder's files are enough.
    public func member(ofColumn name: String) -> String? {
        guard family != .single else { return name == column ? "" : nil }
        guard let slot = column.firstRange(of: family.placeholder) else { return nil }
        let prefix = column[..<slot.lowerBound]
        let suffix = column[slot.upperBound...]
        guard name.count > prefix.count + suffix.count, name.hasPrefix(prefix), name.hasSuffix(suffix) else {
            return nil
        }
        let member = String(name.dropFirst(prefix.count).dropLast(suffix.count))
        if family == .endState, !OutcomeFamily.endStates.contains(where: { $0.rawValue == member }) { return nil }
        return member
    }
}
