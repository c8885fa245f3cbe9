import ArgumentParser
import DiscreteEvent
import EscalationModel
import Experiments
import Scenario
import Stochastic

struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Run one replication and tell its story day by day; write every event to events.csv.",
        discussion: """
            The replication is the same one 'escsim run' computes with the same seed and index, so \
            a surprising row of replications.csv can be traced here. events.csv has one row per \
            event: day, event, actors (';'-separated ids, acting one first), region, details.

            Examples:
              escsim trace Scenarios/aleppo-2024.yaml --replication 7
              escsim trace Scenarios/aleppo-2024.yaml --variant ceasefire_push --replication 7 --seed 7
            """
    )

    @OptionGroup var options: ScenarioOptions

    @Option(name: .long, help: "Replication index (0-based), as in replications.csv.")
    var replication: Int = 0

    @OptionGroup var seedOption: SeedOption
    var seed: UInt64 { seedOption.value }

    @Option(
        name: .shortAndLong,
        help: "Folder for events.csv (default: results/<scenario name>[-<variant>]/trace-<replication>).")
    var out: String?

    func validate() throws {
        guard replication >= 0, replication < StreamSeeds.maxReplications else {
            throw ValidationError("--replication must be between 0 and \(StreamSeeds.maxReplications - 1).")
        }
    }

    func run() throws {
        let loaded = try options.load()
        let traced = TracedReplication(scenario: loaded, replication: replication, seed: seed)
        let (parameters, draws, outcome, entries) = (traced.parameters, traced.draws, traced.outcome, traced.entries)

        let variantSuffix = loaded.variant == Scenario.baselineName ? "" : "-\(loaded.variant)"
        let directory = out ?? "results/\(loaded.name)\(variantSuffix)/trace-\(replication)"
        var table = CSVTable(header: ["day", "event", "actors", "region", "details"])
        for entry in entries {
            // Sentences hold the scenario's display names: no cell may become a spreadsheet formula.
            table.append([
                .number(entry.day), .untrustedText(entry.event),
                .untrustedText(entry.actors.joined(separator: ";")),
                entry.region.map(CSVField.untrustedText) ?? .missing, .untrustedText(entry.sentence),
            ])
        }
        do {
            try AtomicFile.createDirectory(directory)
            try AtomicFile.write(table.text, to: directory + "/events.csv")
        } catch {
            printError("escsim: \(error)")
            throw ExitCode(1)
        }

        // Everything the scenario supplied (title, names, and sentences built from them) is
        // shown on the terminal, never obeyed: see TerminalText.
        let safe = TerminalText.escaped
        print(safe("\(loaded.title) - \(loaded.variant), replication \(replication), seed \(seed)"))
        for (uncertain, draw) in zip(loaded.uncertainParameters, draws) {
            print(safe("  drawn: \(uncertain.path) = \(NumberFormat.csv(draw))"))
        }
        for entry in entries where entry.event != "airstrike" && entry.event != "mediation" {
            print("day \(SummaryTable.fixed(entry.day, digits: 1)): \(safe(entry.sentence))")
        }
        // A run the max-events guard stopped has no outcomes in replications.csv; say so where the
        // story stops and again as the last line, so that nobody reads it as a finished run.
        let guarded = outcome.stopReason == .maxEventsReached
        let guardNotice =
            "stopped by the max-events guard after \(outcome.eventsProcessed) events "
            + "(max_events: \(parameters.maxEvents)): this replication is marked 'guard' in replications.csv"
        if guarded {
            print(
                "day \(SummaryTable.fixed(outcome.endDay, digits: 1)): \(guardNotice); the story ends here, unfinished")
        }
        let strikes = entries.filter { $0.event == "airstrike" }.count
        print(
            "(\(strikes) airstrikes and \(entries.filter { $0.event == "mediation" }.count) failed mediation attempts "
                + "are in events.csv only)")
        // NumberFormat.csv, not Int(_:): a count beyond Int's range must not trap.
        print(
            safe(
                "\(guarded ? "end (so far)" : "end"): \(outcome.endState.rawValue) on day "
                    + "\(SummaryTable.fixed(outcome.endDay, digits: 1)); "
                    + "peak rung '\(parameters.ladder[outcome.peakLadderLevel].id)'; "
                    + "civilians killed \(NumberFormat.csv(outcome.civiliansKilled)), "
                    + "injured \(NumberFormat.csv(outcome.civiliansInjured)), "
                    + "displaced \(NumberFormat.csv(outcome.civiliansDisplaced))"))
        let wrote = safe("wrote \(directory)/events.csv (\(entries.count) events)")
        print(guarded ? "\(wrote); \(guardNotice)" : wrote)
    }
}
