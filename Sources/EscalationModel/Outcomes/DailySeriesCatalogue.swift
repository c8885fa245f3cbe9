/// Every series escsim measures at the end of each day of a replication, each declared once: the
/// columns of `daily.csv` (`escsim run --daily`), the daily part of a record, and the daily-series
/// table of `docs/outputs.md` (`markdownTable()`) all come from this list. They let a run be set
/// beside what was reported on a given date (a displaced count on day 8, a toll on day 11).
public enum DailySeriesCatalogue {
    /// The entries in column order.
    public static let entries: [DailySeriesEntry] = [
        DailySeriesEntry(
            "controller_<region>", .region, unit: "actor id", "the actor holding <region> at the end of the day",
            isController: true
        ) { snapshot, region in
            Double(snapshot.controllers[region.index])
        },
        DailySeriesEntry(
            "territory_<actor>", .actor, unit: "share",
            "the share of all strategic value <actor> holds (they sum to 1); on the last day, the outcome of the same name"
        ) { snapshot, actor in
            snapshot.territoryShare[actor.index]
        },
        // `camp_` keeps a camp's name from ever meeting an actor id (`territory_opposition`).
        DailySeriesEntry(
            "camp_territory_<camp>", .camp, unit: "share",
            "the share of all strategic value the actors of <camp> hold (the two sum to 1)"
        ) { snapshot, camp in
            camp.actors.reduce(0) { $0 + snapshot.territoryShare[$1] }
        },
        DailySeriesEntry(
            "losses_<actor>", .actor, unit: "fighters",
            "fighters <actor> has lost so far: killed, wounded, captured and deserted; on the last day, the "
                + "outcome of the same name"
        ) { snapshot, actor in
            snapshot.losses[actor.index]
        },
        DailySeriesEntry(
            "killed_<actor>", .actor, unit: "fighters",
            "fighters of <actor> killed so far, in battle and by airstrikes (combat.killed_share of those put out "
                + "of action by fire): what sources' death counts count"
        ) { snapshot, actor in
            snapshot.killed[actor.index]
        },
        DailySeriesEntry(
            "wounded_<actor>", .actor, unit: "fighters",
            "fighters of <actor> wounded so far (put out of action by fire and not killed)"
        ) { snapshot, actor in
            let index = actor.index
            return snapshot.losses[index] - snapshot.killed[index] - snapshot.captured[index]
                - snapshot.deserted[index]
        },
        DailySeriesEntry(
            "captured_<actor>", .actor, unit: "fighters",
            "fighters of <actor> taken prisoner so far: stormed garrisons' survivors, and garrisons cut off when "
                + "they broke"
        ) { snapshot, actor in
            snapshot.captured[actor.index]
        },
        DailySeriesEntry(
            "deserted_<actor>", .actor, unit: "fighters",
            "fighters of <actor> who deserted so far (cascade.desertion_share of each garrison that broke)"
        ) { snapshot, actor in
            snapshot.deserted[actor.index]
        },
        DailySeriesEntry(
            "strikes_<actor>", .actor, unit: "airstrikes",
            "airstrikes <actor> has flown so far (over all actors: the outcome `airstrikes`)"
        ) { snapshot, actor in
            Double(snapshot.strikes[actor.index])
        },
        DailySeriesEntry(
            "reinforcements_<actor>", .actor, unit: "fighters",
            "fighters <actor> has decided to send its client so far, counted when sent (0 for an actor that is no "
                + "patron); on the last day, the outcome `reinforcements_<actor>` of a patron"
        ) { snapshot, actor in
            snapshot.reinforcements[actor.index]
        },
        DailySeriesEntry(
            "civilians_killed", unit: "civilians",
            "civilians killed so far; on the last day, the outcome of the same name"
        ) { snapshot, _ in
            snapshot.civiliansKilled
        },
        DailySeriesEntry(
            "civilians_injured", unit: "civilians",
            "civilians injured so far; on the last day, the outcome of the same name"
        ) { snapshot, _ in
            snapshot.civiliansInjured
        },
        DailySeriesEntry(
            "civilians_displaced", unit: "civilians",
            "civilians away from home at the end of the day (departures less returns, as OCHA counts); on the "
                + "last day, the outcome of the same name"
        ) { snapshot, _ in
            snapshot.civiliansDisplaced
        },
        DailySeriesEntry(
            "ladder_level", unit: "rung index", "the escalation rung at the end of the day (0 = the first rung)"
        ) { snapshot, _ in
            Double(snapshot.ladderLevel)
        },
        DailySeriesEntry(
            "civilians_fled", unit: "civilians",
            "civilians who have left home so far (every departure); on the last day, the outcome of the same name"
        ) { snapshot, _ in
            snapshot.civiliansFled
        },
        DailySeriesEntry(
            "aircraft_lost_<actor>", .actor, unit: "aircraft",
            "aircraft <actor> has lost so far to the enemy camp's air defences (actors' aircraft_loss_per_sortie)"
        ) { snapshot, actor in
            actor.index < snapshot.aircraftLost.count ? Double(snapshot.aircraftLost[actor.index]) : 0
        },
    ]

    /// The series of the scenario `parameters`, in column order: each entry spelled out for its
    /// regions, actors or camps.
    public static func columns(for parameters: ModelParameters) -> [DailySeriesColumn] {
        entries.flatMap { entry in
            entry.family.members(in: parameters).map { DailySeriesColumn(entry: entry, member: $0) }
        }
    }

    /// The state at the end of `day` (1-based) of a replication: its snapshot of that day, or
    /// after a run that stopped early the state it ended in (as the timeline has it); nil for a
    /// day outside 1...`outcome.lastDay`.
    public static func snapshot(of outcome: ReplicationOutcome, day: Int) -> DailySnapshot? {
        guard day >= 1, day <= outcome.lastDay else { return nil }
        // Snapshots are one per day from day 1 until the run stopped: day `day` sits at `day - 1`.
        if day <= outcome.snapshots.count, outcome.snapshots[day - 1].day == day {
            return outcome.snapshots[day - 1]
        }
        if let found = outcome.snapshots.first(where: { $0.day == day }) { return found }
        var ended = outcome.finalState
        ended.day = day
        return ended
    }

    /// The marker lines around the generated table in `docs/outputs.md`.
    public static let tableMarkers = (
        begin: "<!-- BEGIN generated daily series table: DailySeriesCatalogue.markdownTable() -->",
        end: "<!-- END generated daily series table -->"
    )

    /// `document` (the text of `docs/outputs.md`) with the lines between `tableMarkers` replaced by
    /// `markdownTable()`; nil when it lacks the markers.
    public static func updating(_ document: String) -> String? {
        GeneratedSection(begin: tableMarkers.begin, end: tableMarkers.end).replacing(
            in: document, with: markdownTable())
    }

    /// The series as a Markdown table (column, unit, meaning), as `docs/outputs.md` shows it
    /// between `tableMarkers`.
    public static func markdownTable() -> String {
        var lines = ["| column | unit | meaning |", "|---|---|---|"]
        for entry in entries {
            let placeholder = entry.family.placeholder
            // A placeholder is code in Markdown, or it would read as an HTML tag.
            let meaning =
                entry.family == .single
                ? entry.meaning
                : entry.family.each + ": " + entry.meaning.replacing(placeholder, with: "`\(placeholder)`")
            lines.append("| `\(entry.name)` | \(entry.unit) | \(meaning) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

}
