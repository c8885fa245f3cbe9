import DiscreteEvent

/// How an outcome column is summarised.
public enum OutcomeKind: String, Sendable, Hashable {
    /// 0 or 1; summarised as a probability with a Wilson interval.
    case indicator
    /// A day on which something happened; missing when it did not (summarised over the runs where it did).
    case day
    /// A count or amount; summarised with a t interval for the mean.
    case quantity
    /// A rung of the escalation ladder (0 = first rung).
    case level
    /// A share in [0, 1].
    case share
}

extension String {
    /// "ongoing_war" -> "ongoing war", for descriptions.
    var replacingUnderscores: String {
        String(map { $0 == "_" ? " " : $0 })
    }
}

/// One outcome column of `replications.csv` and row group of `summary.csv`.
public struct OutcomeColumn: Sendable, Hashable {
    public var name: String
    public var kind: OutcomeKind
    public var description: String

    public init(name: String, kind: OutcomeKind, description: String) {
        self.name = name
        self.kind = kind
        self.description = description
    }
}

/// The outcome columns of a scenario, and how a `ReplicationOutcome` fills them (in the same
/// order: `values(of:)` and `columns` are kept side by side in this file for that reason).
public struct OutcomeSchema: Sendable, Hashable {
    public let columns: [OutcomeColumn]

    public init(parameters: ModelParameters) {
        var columns: [OutcomeColumn] = []
        func add(_ name: String, _ kind: OutcomeKind, _ description: String) {
            columns.append(OutcomeColumn(name: name, kind: kind, description: description))
        }
        for city in parameters.keyCities {
            let region = parameters.regions[city]
            add("\(region.id)_fell", .indicator, "\(region.name) changed hands")
            add("\(region.id)_fall_day", .day, "day \(region.name) first changed hands")
        }
        let regime = parameters.actors[parameters.collapse.actor].name
        add("regime_collapsed", .indicator, "\(regime) collapsed")
        add("regime_collapse_day", .day, "day \(regime) collapsed")
        add("ceasefire", .indicator, "mediators froze the front")
        add("ceasefire_day", .day, "day of the ceasefire")
        add("chemical_weapons_used", .indicator, "\(regime) used chemical weapons")
        add("chemical_weapons_day", .day, "day chemical weapons were first used")
        for end in EndState.allCases where end != .incomplete {
            add("end_\(end.rawValue)", .indicator, "the run ended as \(end.rawValue.replacingUnderscores)")
        }
        add("ladder_peak", .level, "highest escalation rung reached")
        add("ladder_final", .level, "escalation rung at the end")
        for rung in parameters.ladder.dropFirst() {
            add("rung_\(rung.id)_day", .day, "day the rung '\(rung.id)' was first reached")
        }
        add("civilians_killed", .quantity, "civilians killed by airstrikes")
        add("civilians_injured", .quantity, "civilians injured by airstrikes")
        add("civilians_displaced", .quantity, "civilians displaced by airstrikes")
        add("airstrikes", .quantity, "airstrikes flown")
        for patron in parameters.patrons {
            let actor = parameters.actors[patron]
            add("reinforcements_\(actor.id)", .quantity, "fighters \(actor.name) sent")
        }
        for holder in parameters.postureHolders {
            let actor = parameters.actors[holder]
            add("posture_changes_\(actor.id)", .quantity, "times \(actor.name) changed its posture")
        }
        for actor in parameters.actors {
            add("territory_\(actor.id)", .share, "share of strategic value \(actor.name) holds at the end")
        }
        for actor in parameters.actors {
            add("losses_\(actor.id)", .quantity, "fighters \(actor.name) lost")
        }
        add("end_day", .quantity, "day the run ended")
        add("events", .quantity, "events processed")
        self.columns = columns
    }

    /// The outcome as numbers in column order; `.nan` marks a missing value (an event that did not happen).
    public func values(of outcome: ReplicationOutcome) -> [Double] {
        var values: [Double] = []
        values.reserveCapacity(columns.count)
        for day in outcome.cityFallDay {
            values.append(day == nil ? 0 : 1)
            values.append(day ?? .nan)
        }
        values.append(outcome.collapseDay == nil ? 0 : 1)
        values.append(outcome.collapseDay ?? .nan)
        values.append(outcome.ceasefireDay == nil ? 0 : 1)
        values.append(outcome.ceasefireDay ?? .nan)
        values.append(outcome.chemicalWeaponsDay == nil ? 0 : 1)
        values.append(outcome.chemicalWeaponsDay ?? .nan)
        for end in EndState.allCases where end != .incomplete {
            values.append(outcome.endState == end ? 1 : 0)
        }
        values.append(Double(outcome.peakLadderLevel))
        values.append(Double(outcome.finalLadderLevel))
        for day in outcome.rungFirstDay.dropFirst() { values.append(day ?? .nan) }
        values.append(outcome.civiliansKilled)
        values.append(outcome.civiliansInjured)
        values.append(outcome.civiliansDisplaced)
        values.append(Double(outcome.airstrikes))
        values.append(contentsOf: outcome.reinforcementsSent)
        values.append(contentsOf: outcome.postureChanges.map(Double.init))
        values.append(contentsOf: outcome.territoryShare)
        values.append(contentsOf: outcome.combatantLosses)
        values.append(outcome.endDay)
        values.append(Double(outcome.eventsProcessed))
        precondition(values.count == columns.count, "OutcomeSchema.values(of:) out of step with its columns")
        return values
    }
}
