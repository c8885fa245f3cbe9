import EscalationModel

/// Which outcomes the report charts, and what to call them. The output files name outcomes by
/// identifier only (`aleppo_city_fall_day`), so the report asks `OutcomeCatalogue` which entry
/// a name belongs to and takes the entry's title, unit and role, with the member's name made
/// from its identifier. A name the catalogue does not know (a folder from another version of
/// escsim) is shown as its words.
enum OutcomeLabels {
    /// Outcomes with a histogram, in the folder's order: those whose entry is charted (each key
    /// city's fall day, the regime's collapse, the peak ladder rung, civilians killed and displaced).
    static func histogramOutcomes(among outcomes: [String]) -> [String] {
        outcomes.filter { OutcomeCatalogue.entry(ofColumn: $0)?.entry.charted == true }
    }

    /// Outcomes with a forest plot of variant minus baseline, in the folder's order: the first
    /// key city falling, the regime collapsing, a ceasefire, chemical weapons, the peak rung and
    /// civilian harm.
    static func comparedOutcomes(among outcomes: [String]) -> [String] {
        var firstOfFamily: Set<String> = []
        return outcomes.filter { outcome in
            guard let (entry, _) = OutcomeCatalogue.entry(ofColumn: outcome) else { return false }
            switch entry.compared {
            case .no: return false
            case .yes: return true
            case .firstMember: return firstOfFamily.insert(entry.column).inserted
            }
        }
    }

    /// A title for `outcome`, e.g. "Day Aleppo city fell", "Peak ladder rung".
    static func title(_ outcome: String) -> String {
        guard let (entry, member) = OutcomeCatalogue.entry(ofColumn: outcome) else { return sentence(words(outcome)) }
        if entry.family == .single { return entry.title }
        return sentence(entry.title.replacing(entry.family.placeholder, with: memberName(member, of: entry.family)))
    }

    /// The unit of an axis that shows values of `outcome` of `kind`.
    static func unit(_ outcome: String, kind: OutcomeKind) -> String {
        switch kind {
        case .day: "day"
        case .level: "ladder rung"
        case .share: "% of territory"
        case .indicator: "% of runs"
        case .quantity: OutcomeCatalogue.entry(ofColumn: outcome)?.entry.unit ?? words(outcome)
        }
    }

    /// The rungs after the first, by identifier, in the order of `outcomes` (one `rung_<rung>_day`
    /// column each).
    static func rungs(among outcomes: [String]) -> [String] {
        outcomes.compactMap { outcome in
            OutcomeCatalogue.entry(ofColumn: outcome).flatMap { $0.entry.family == .rung ? $0.member : nil }
        }
    }

    /// The actor a timeline measure `territory_<actor>` is about, by identifier.
    static func territoryActor(_ measure: String) -> String? {
        OutcomeCatalogue.territory.member(ofColumn: measure)
    }

    /// A member's identifier as a name. The output files do not carry the scenario's names.
    static func memberName(_ id: String, of family: OutcomeFamily) -> String {
        switch family {
        case .actor, .patron, .postureHolder: actorName(id)
        case .keyCity: sentence(words(id))
        case .single, .endState, .rung: words(id)
        }
    }

    /// An actor's identifier as a name: short ones are acronyms ("hts" -> "HTS"), others are
    /// capitalised ("regime" -> "Regime").
    static func actorName(_ id: String) -> String {
        if id.count <= 3 { return id.uppercased() }
        return sentence(words(id))
    }

    /// `a_b_c` as "a b c".
    static func words(_ identifier: String) -> String {
        identifier.split(separator: "_").joined(separator: " ")
    }

    /// The first letter in upper case.
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
