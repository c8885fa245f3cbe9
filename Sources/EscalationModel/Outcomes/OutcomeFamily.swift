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
        case .endState:
            "for each end state but `incomplete` ("
                + Self.endStates.map { "`\($0.rawValue)`" }
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
                Member(
                    id: end.rawValue, name: end.rawValue.replacingUnderscores,
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

extension String {
    /// "ongoing_war" -> "ongoing war", for descriptions.
    var replacingUnderscores: String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
