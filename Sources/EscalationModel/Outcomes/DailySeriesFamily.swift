/// Which series an entry of the daily-series catalogue stands for: one, or one per member of a
/// list the scenario defines (regions, actors, camps), in that list's order.
public enum DailySeriesFamily: Sendable, Hashable, CaseIterable {
    /// One series.
    case single
    /// One series per region.
    case region
    /// One series per actor.
    case actor
    /// One series per camp, in the scenario's order (`opposition`, `loyalist` when it declares none).
    case camp

    /// What stands for the member in a series name or meaning: `controller_<region>`.
    public var placeholder: String {
        switch self {
        case .single: ""
        case .region: "<region>"
        case .actor: "<actor>"
        case .camp: "<camp>"
        }
    }

    /// "for each region", for the docs; empty for a single series.
    var each: String {
        switch self {
        case .single: ""
        case .region: "for each region"
        case .actor: "for each actor"
        case .camp: "for each camp (`opposition`, `loyalist` unless the scenario declares `camps`)"
        }
    }

    /// One member in a scenario: its identifier (in series names), its name (in meanings), its
    /// position in the snapshot's list for it, and for a camp the actors (indices) that make it up.
    struct Member {
        var id: String
        var name: String
        var index: Int
        var actors: [Int] = []
    }

    /// The members of this family in the scenario `parameters`, in series order.
    func members(in parameters: ModelParameters) -> [Member] {
        switch self {
        case .single:
            return [Member(id: "", name: "", index: 0)]
        case .region:
            return parameters.regions.enumerated().map { position, region in
                Member(id: region.id, name: region.name, index: position)
            }
        case .actor:
            return parameters.actors.enumerated().map { position, actor in
                Member(id: actor.id, name: actor.name, index: position)
            }
        case .camp:
            return parameters.camps.enumerated().map { position, camp in
                Member(
                    id: camp.id, name: camp.name, index: position,
                    actors: parameters.actors.indices.filter { parameters.actors[$0].camp.index == position })
            }
        }
    }
}
