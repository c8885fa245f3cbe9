/// Every outcome escsim writes per replication, each declared once: the columns of
/// `replications.csv` and the rows of `summary.csv` (`OutcomeSchema`), the kinds the summaries
/// and the report use, the report's titles and charts, and the outcome table of
/// `docs/outputs.md` (`markdownTable()`) all come from this list. Adding an outcome is one
/// entry here plus the field of `ReplicationOutcome` it reads.
public enum OutcomeCatalogue {
    /// The entries in column order.
    public static let entries: [OutcomeEntry] = [
        OutcomeEntry(
            "<city>_fell", .keyCity, .indicator, "<city> changed hands at least once",
            title: "<city> fell", compared: .firstMember
        ) { outcome, city in
            outcome.cityFallDay[city] == nil ? 0 : 1
        },
        OutcomeEntry(
            "<city>_fall_day", .keyCity, .day, "the day <city> first changed hands; empty if it never did",
            title: "Day <city> fell", charted: true, interleaved: true
        ) { outcome, city in
            outcome.cityFallDay[city] ?? .nan
        },
        OutcomeEntry(
            "regime_collapsed", .indicator, "the regime (`collapse.actor`) collapsed",
            title: "Regime collapsed", compared: .yes
        ) { outcome, _ in
            outcome.collapseDay == nil ? 0 : 1
        },
        OutcomeEntry(
            "regime_collapse_day", .day, "the day the regime collapsed; empty if it did not",
            title: "Day of regime collapse", charted: true
        ) { outcome, _ in
            outcome.collapseDay ?? .nan
        },
        OutcomeEntry(
            "ceasefire", .indicator, "a ceasefire was in force at the end", title: "Ceasefire",
            compared: .yes
        ) { outcome, _ in
            outcome.ceasefireDay == nil ? 0 : 1
        },
        OutcomeEntry(
            "ceasefire_day", .day,
            "the day the ceasefire in force at the end began (earlier ones broke down); empty if none held",
            title: "Day of the ceasefire"
        ) { outcome, _ in
            outcome.ceasefireDay ?? .nan
        },
        OutcomeEntry(
            "ceasefires", .quantity, unit: "ceasefires", "ceasefires brokered, including any that broke down",
            title: "Ceasefires brokered"
        ) { outcome, _ in
            Double(outcome.ceasefires)
        },
        OutcomeEntry(
            "chemical_weapons_used", .indicator, "the regime used chemical weapons",
            title: "Chemical weapons used", compared: .yes
        ) { outcome, _ in
            outcome.chemicalWeaponsDay == nil ? 0 : 1
        },
        OutcomeEntry(
            "chemical_weapons_day", .day, "the day chemical weapons were first used; empty if never",
            title: "Day chemical weapons were first used"
        ) { outcome, _ in
            outcome.chemicalWeaponsDay ?? .nan
        },
        OutcomeEntry(
            "deal_day", .day, "the day the first deal made two camps allies; empty if none did",
            title: "Day of the first deal between camps"
        ) { outcome, _ in
            outcome.dealDay ?? .nan
        },
        OutcomeEntry(
            "end_<state>", .endState, .indicator,
            "the run ended as <state> (exactly one is 1 for an `ok` row)",
            title: "Run ended as <state>"
        ) { outcome, end in
            outcome.endState == EndState.allCases[end] ? 1 : 0
        },
        OutcomeEntry(
            "ladder_peak", .level, "the highest escalation rung reached (0 = the first rung)",
            title: "Peak ladder rung", charted: true, compared: .yes
        ) { outcome, _ in
            Double(outcome.peakLadderLevel)
        },
        OutcomeEntry("ladder_final", .level, "the escalation rung at the end", title: "Final ladder rung") {
            outcome, _ in
            Double(outcome.finalLadderLevel)
        },
        OutcomeEntry(
            "rung_<rung>_day", .rung, .day, "the day the rung <rung> was first reached; empty if never",
            title: "Day rung <rung> was first reached"
        ) { outcome, rung in
            outcome.rungFirstDay[rung] ?? .nan
        },
        OutcomeEntry(
            "civilians_killed", .quantity, unit: "civilians",
            "civilians killed by airstrikes, ground fighting and a chemical attack", title: "Civilians killed",
            charted: true, compared: .yes
        ) { outcome, _ in
            outcome.civiliansKilled
        },
        OutcomeEntry(
            "civilians_injured", .quantity, unit: "civilians", "civilians injured by airstrikes and ground fighting",
            title: "Civilians injured"
        ) { outcome, _ in
            outcome.civiliansInjured
        },
        OutcomeEntry(
            "civilians_displaced", .quantity, unit: "civilians",
            "civilians away from home at the end (fled strikes and fighting, not yet returned), as OCHA counts",
            title: "Civilians displaced", charted: true, compared: .yes
        ) { outcome, _ in
            outcome.civiliansDisplaced
        },
        OutcomeEntry("airstrikes", .quantity, unit: "airstrikes", "airstrikes flown", title: "Airstrikes") {
            outcome, _ in
            Double(outcome.airstrikes)
        },
        OutcomeEntry(
            "reinforcements_<patron>", .patron, .quantity, unit: "fighters",
            "fighters <patron> decided to send (counted when sent)",
            title: "Fighters <patron> sent"
        ) { outcome, patron in
            outcome.reinforcementsSent[patron]
        },
        OutcomeEntry(
            "posture_changes_<actor>", .postureHolder, .quantity, unit: "changes",
            "how often <actor> changed its posture", title: "Posture changes of <actor>"
        ) { outcome, holder in
            Double(outcome.postureChanges[holder])
        },
        territory,
        OutcomeEntry(
            "losses_<actor>", .actor, .quantity, unit: "fighters",
            "fighters <actor> lost: killed, wounded, captured and deserted", title: "Fighters <actor> lost"
        ) { outcome, actor in
            outcome.combatantLosses[actor]
        },
        OutcomeEntry(
            "killed_<actor>", .actor, .quantity, unit: "fighters",
            "fighters of <actor> killed in battle and by airstrikes", title: "Fighters of <actor> killed"
        ) { outcome, actor in
            outcome.combatantsKilled[actor]
        },
        OutcomeEntry(
            "end_day", .quantity, unit: "day",
            "the day the run ended: the horizon (collapse and ceasefire do not end it), or the guard",
            title: "Day the run ended"
        ) { outcome, _ in
            outcome.endDay
        },
        OutcomeEntry(
            "events", .quantity, unit: "events", "events the kernel processed",
            title: "Events processed"
        ) { outcome, _ in
            Double(outcome.eventsProcessed)
        },
        OutcomeEntry(
            "civilians_fled", .quantity, unit: "civilians",
            "civilians who left home during the run (every departure; returns not subtracted)",
            title: "Civilians who fled"
        ) { outcome, _ in
            outcome.civiliansFled
        },
    ]

    /// Each actor's share of territory at the end; `timeline.csv` names its daily territory
    /// measures by the same columns.
    public static let territory = OutcomeEntry(
        "territory_<actor>", .actor, .share,
        "the share of all strategic value <actor> holds at the end (they sum to 1)",
        title: "Territory of <actor>"
    ) { outcome, actor in
        outcome.territoryShare[actor]
    }

    /// The entry `column` (a column of `replications.csv`, an outcome of `summary.csv`) belongs
    /// to, and the member it names (empty for a single column); nil for a name escsim does not
    /// write. Single columns are matched first, then families in catalogue order: `end_day` is
    /// the day the run ended, not an end state.
    public static func entry(ofColumn column: String) -> (entry: OutcomeEntry, member: String)? {
        for entry in entries where entry.family == .single && entry.column == column {
            return (entry, "")
        }
        for entry in entries where entry.family != .single {
            if let member = entry.member(ofColumn: column) { return (entry, member) }
        }
        return nil
    }

    /// The marker lines around the generated table in `docs/outputs.md`.
    public static let tableMarkers = (
        begin: "<!-- BEGIN generated outcome table: OutcomeCatalogue.markdownTable() -->",
        end: "<!-- END generated outcome table -->"
    )

    /// `document` (the text of `docs/outputs.md`) with the lines between `tableMarkers` replaced by
    /// `markdownTable()`; nil when it lacks the markers. A generator writes the result back; a
    /// test checks that the committed file already equals it.
    public static func updating(_ document: String) -> String? {
        GeneratedSection(begin: tableMarkers.begin, end: tableMarkers.end).replacing(
            in: document, with: markdownTable())
    }

    /// The outcome columns as a Markdown table (column, kind, unit, meaning), as
    /// `docs/outputs.md` shows it between `tableMarkers`.
    public static func markdownTable() -> String {
        var lines = ["| column | kind | unit | meaning |", "|---|---|---|---|"]
        for entry in entries {
            let placeholder = entry.family.placeholder
            // A placeholder is code in Markdown, or it would read as an HTML tag.
            let meaning =
                entry.family == .single
                ? entry.meaning
                : entry.family.each + ": " + entry.meaning.replacing(placeholder, with: "`\(placeholder)`")
            lines.append("| `\(entry.column)` | \(entry.kind.rawValue) | \(entry.unit) | \(meaning) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
