import ArgumentParser
import Experiments

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
            64 bad command-line arguments, 130 interrupted (resume with 'escsim run --resume DIR').

            Example, from a scenario to a what-if comparison:
              escsim validate Scenarios/aleppo-2024.yaml
              escsim run Scenarios/aleppo-2024.yaml --variants all -r 2000
              escsim trace Scenarios/aleppo-2024.yaml --replication 7

            Shell completion: escsim --generate-completion-script bash|zsh|fish (see README.md).
            """,
        version: EscsimVersion.current,
        subcommands: [
            RunCommand.self, MergeCommand.self, TraceCommand.self, ValidateCommand.self, ReportCommand.self,
            ScoreCommand.self, CalibrateCommand.self, BacktestCommand.self, SchemaCommand.self, SensitivityCommand.self,
        ]
    )
}
