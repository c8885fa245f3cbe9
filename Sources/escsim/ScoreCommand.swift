import ArgumentParser
import Backtest
import EscalationModel
import Experiments
import Foundation
import Report
import Scenario

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score a run against what happened: PIT, CRPS, Brier and 90% coverage per observation.",
        discussion: """
            Example:
              escsim run Scenarios/aleppo-2024.yaml --daily -r 1000
              escsim score results/aleppo-2024 --observations Scenarios/aleppo-2024.observations.yaml

            For each observation of the file (a dated event, a quantity on a day, a binary fact; see \
            docs/backtesting.md) the model's runs give a distribution of what the source would have \
            reported; the table shows the observed value, the model's median and the interval holding \
            90% of runs, the PIT (the share of runs below the observation: near 0 or 1, the model \
            missed), the CRPS (in the observation's units; days for an event) or, for a fact, the \
            Brier score, and whether the 90% interval holds the observation. The totals average per \
            kind. Observations of daily series need a run made with --daily.

            Writes scores.csv into the folder (never over a file escsim did not write there). The \
            measurement models' draws come from --seed, so the same folder scores the same every time.

            Exit status: 0 scored; 1 scores.csv could not be written; 2 a bad observation file or a \
            missing, incomplete or damaged folder; 64 bad arguments.
            """
    )

    @Argument(help: "An output folder of 'escsim run' or 'escsim merge'.")
    var directory: String

    @Option(
        name: .long,
        help: "The observation file (default: the run's scenario file with .observations.yaml for .yaml).")
    var observations: String?

    @Option(name: .long, help: "The variant to score (default: the baseline).")
    var variant: String?

    @Option(name: .shortAndLong, help: "Seed of the measurement models' draws.")
    var seed: UInt64 = ExperimentPlan.defaultSeed

    @Flag(name: .long, help: "Print the scores as JSON on stdout instead of the table.")
    var json = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let recorded: RecordedRuns
        do {
            recorded = try RecordedRuns.open(folder: directory, variant: variant)
        } catch {
            printError("escsim score: \(error)")
            throw ExitCode(error.exitStatus)
        }
        let path = observations ?? Self.defaultObservations(for: recorded.scenarioFile)
        let vocabulary = ObservationVocabulary(
            scenarioName: recorded.scenarioName, outcomes: recorded.outcomes,
            series: recorded.hasDaily ? recorded.series : nil,
            horizonDays: Double(recorded.horizonDays))
        let set: ObservationSet
        do {
            set = try ObservationFile.load(path: path, vocabulary: vocabulary)
        } catch {
            printError(error.description)
            printError("escsim score: \(error.countDescription) in \(path); nothing was scored")
            throw ExitCode(2)
        }
        let needs = set.observations.map(\.needs)
        let series = needs.flatMap(\.series)
        if !series.isEmpty, !recorded.hasDaily {
            printError(
                "escsim score: observations of daily series (\(Set(series).sorted().joined(separator: ", "))) need "
                    + "daily.csv; run again with --daily")
            throw ExitCode(2)
        }
        let runs: [RecordedRuns.Run]
        do {
            runs = try recorded.runs(outcomes: needs.flatMap(\.outcomes), series: series)
        } catch {
            printError("escsim score: \(error)")
            throw ExitCode(error.exitStatus)
        }
        let card = ScoreCard.score(set.observations, runs: runs, censor: { runs[$0].endDay }, seed: seed)
        try write(card, variant: recorded.variant)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            let document = ScoresFile.document(
                card, folder: recorded.folder, variant: recorded.variant, observations: path, runs: runs.count)
            print(String(decoding: try encoder.encode(document), as: UTF8.self))
        } else if !quiet {
            print(
                ScoreTable.render(
                    card, variant: recorded.variant, runs: runs.count,
                    colour: TerminalStyle.wanted(on: STDOUT_FILENO)), terminator: "")
            print("wrote \(recorded.folder)/\(ScoresFile.name)")
        }
    }

    /// Writes `scores.csv` whole into the folder, under its lock, and records it in its ledger.
    private func write(_ card: ScoreCard, variant: String) throws {
        do {
            let folder = try BatchFolder(directory, access: .exclusive)
            guard try folder.mayWrite(ScoresFile.name) else {
                printError(
                    "escsim score: \(directory)/\(ScoresFile.name) is not a file escsim wrote there (or it changed "
                        + "since); move it away first")
                throw ExitCode(1)
            }
            try AtomicFile.write(ScoresFile.csv(card, variant: variant), to: directory + "/" + ScoresFile.name)
            try folder.adopt(ScoresFile.name)
        } catch let error as BatchFolderError {
            printError("escsim score: \(error)")
            throw ExitCode(1)
        } catch let error as FileWriteError {
            printError("escsim score: \(error)")
            throw ExitCode(1)
        }
    }

    /// `Scenarios/x.yaml` -> `Scenarios/x.observations.yaml`.
    static func defaultObservations(for scenario: String) -> String {
        let stem = scenario.hasSuffix(".yaml") ? String(scenario.dropLast(5)) : scenario
        return stem + ObservationFile.suffix
    }
}
