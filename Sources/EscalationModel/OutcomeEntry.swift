/// Which columns an entry of the outcome catalogue stands for: one, or one per member of a
/// list the scenario defines (key cities, rungs, actors...), in that list's order.
public enum OutcomeFamily: Sendable, Hashable, CaseIterable {
    /// One column.
    case single
    /// One column per key city (`key_cities`).
    case keyCity
    /// One column per end state but `incomplete`.
    case endState
    /// One column per rung of the ladder but the first.
    case rung
    /// One column per patron (an actor with a `patron_of`).
    case patron
    /// One column per actor with a posture (Turkey toward SNA).
    case postureHolder
    /// One column per actor.
    case actor

    /// What stands for the member in a column name, meaning or title: `<city>_fell`.
    public var placeholder: String {
        switch self {
        case .single: ""
        case .keyCity: "<city>"
        case .endState: "<state>"
        case .rung: "<rung>"
        case .patron: "<patron>"
        case .postureHolder, .actor: "<actor>"
        }
    }

    /// "for each key city", for the docs; empty for a single column.
    var each: String {
        switch self {
        case .single: ""
        case .keyCity: "for each key city (`key_cities`)"
        case .endState: "for each end state but `incomplete` (" + Self.endStates.map { "`\($0.rawValue)`" }
            .joined(separator: ", ") + ")"
        case .rung: "for each rung of the ladder but the first"
        case .patron: "for each patron"
        case .postureHolder: "for each patron with a posture"
        case .actor: "for each actor"
        }
    }

    /// The end states a run reports in the files: `incomplete` never reaches them.
    static let endStates = EndState.allCases.filter { $0 != .incomplete }

    /// One member of a family in a scenario: its identifier (in column names), its name (in
    /// descriptions) and its position in the list `ReplicationOutcome` keeps for it.
    struct Member {
        var id: String
        var name: String
        var index: Int
    }

    /// The members of this family in the scenario `parameters`, in column order.
    func members(in parameters: ModelParameters) -> [Member] {
        switch self {
        case .single:
            return [Member(id: "", name: "", index: 0)]
        case .keyCity:
            return parameters.keyCities.enumerated().map { position, city in
                Member(id: parameters.regions[city].id, name: parameters.regions[city].name, index: position)
            }
        case .endState:
            return Self.endStates.map { end in
                Member(id: end.rawValue, name: end.rawValue.replacingUnderscores,
                       index: EndState.allCases.firstIndex(of: end) ?? 0)
            }
        case .rung:
            return parameters.ladder.enumerated().dropFirst().map { position, rung in
                Member(id: rung.id, name: rung.id.replacingUnderscores, index: position)
            }
        case .patron:
            return parameters.patrons.enumerated().map { position, actor in
                Member(id: parameters.actors[actor].id, name: parameters.actors[actor].name, index: position)
            }
        case .postureHolder:
            return parameters.postureHolders.enumerated().map { position, actor in
                Member(id: parameters.actors[actor].id, name: parameters.actors[actor].name, index: position)
            }
        case .actor:
            return parameters.actors.enumerated().map { position, actor in
                Member(id: actor.id, name: actor.name, index: position)
            }
        }
    }
}

/// One entry of the outcome catalogue: an outcome column, or a family of them, with everything
/// said about it (name, kind, unit, meaning, the report's title and role) and how a
/// `ReplicationOutcome` fills it.
public struct OutcomeEntry: Sendable {
    /// Whether the report compares variants on this outcome in a forest plot.
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
    public let compared: Comparison
    /// Whether its columns alternate member by member with those of the entry before it (of the
    /// same family): `aleppo_city_fell, aleppo_city_fall_day, hama_fell, hama_fall_day`.
    public let interleaved: Bool
    /// The value of the member at `index` (see `OutcomeFamily.Member`); `.nan` when missing.
    let value: @Sendable (ReplicationOutcome, Int) -> Double

    /// An entry for one column.
    init(_ column: String, _ kind: OutcomeKind, unit: String? = nil, _ meaning: String, title: String,
         charted: Bool = false, compared: Comparison = .no,
         value: @escaping @Sendable (ReplicationOutcome, Int) -> Double) {
        self.init(column, .single, kind, unit: unit, meaning, title: title, charted: charted, compared: compared,
                  value: value)
    }

    /// An entry for a family of columns; `column`, `meaning` and `title` name the member with the
    /// family's placeholder.
    init(_ column: String, _ family: OutcomeFamily, _ kind: OutcomeKind, unit: String? = nil, _ meaning: String,
         title: String, charted: Bool = false, compared: Comparison = .no, interleaved: Bool = false,
         value: @escaping @Sendable (ReplicationOutcome, Int) -> Double) {
        precondition(family == .single || column.contains(family.placeholder),
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
        let prefix = column[..<slot.lowerBound], suffix = column[slot.upperBound...]
        guard name.count > prefix.count + suffix.count, name.hasPrefix(prefix), name.hasSuffix(suffix) else {
            return nil
        }
        let member = String(name.dropFirst(prefix.count).dropLast(suffix.count))
        if family == .endState, !OutcomeFamily.endStates.contains(where: { $0.rawValue == member }) { return nil }
        return member
    }
}

extension String {
    /// "ongoing_war" -> "ongoing war", for descriptions.
    var replacingUnderscores: String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
