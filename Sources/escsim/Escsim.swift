import ArgumentParser

/// The command-line tool: parses, calls the library, prints. No model logic lives here.
@main
struct Escsim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escsim",
        abstract: "A discrete-event simulator of conflict escalation.",
        discussion: """
            Write a scenario in YAML (see Scenarios/aleppo-2024.yaml and docs/scenario-format.md), \
            check it with 'escsim validate', and run thousands of Monte Carlo replications with \
            'escsim run'. Results go to CSV files that pandas and R read as they are.

            Exit status: 0 success, 1 runtime failure (e.g. output not writable), 2 bad scenario, \
            64 bad command-line arguments.
            """,
        version: "0.1.0",
        subcommands: [RunCommand.self, MergeCommand.self, TraceCommand.self, ValidateCommand.self, ReportCommand.self]
    )
}
