import ArgumentParser
import Backtest
import EscalationModel
import Experiments
import Foundation
import Scenario
import Stochastic

struct BacktestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Score every case against what happened, in-sample and leave-one-case-out, in one table.",
        discussion: """
            Example (what `make backtest` runs):
              escsim backtest Scenarios/aleppo-2024.yaml Scenarios/aleppo-2016.yaml \\
                Scenarios/idlib-2020.yaml Scenarios/peace-spring-2019.yaml --leave-one-out

            Each case (a scenario beside its .observations.yaml) runs --replications replications, \
            exactly as 'escsim run --daily' would under --seed, and is scored as 'escsim score' \
            scores: the mean CRPS of its dated events in days, the mean Brier score of its binary \
            facts, the share of its events and quantities inside the model's 90% interval, and its \
            qualitative checks (facts marked 'check: true'), each passing when the model gives what \
            happened the larger share of runs.

            With --leave-one-out, the unknowns of the engine the cases share are calibrated (ABC-SMC, \
            --particles and --generations) on every case but one, and the left-out case is run again \
            drawing them from that posterior and scored: how well the engine learnt elsewhere \
            predicts a war it has not seen. With --joint, the engine's unknowns are also calibrated \
            once on every case, and each case is scored drawing them from that posterior: the \
            in-sample yardstick for the leave-one-out figures (only the engine's numbers are \
            calibrated in both; each case's own unknowns keep their priors). Each calibration runs \
            --particle-replications simulations per particle and, after generation 0, calibrates only \
            the unknowns the screening keeps (--screen, --max-calibrated); its generations, \
            acceptance rates and kept unknowns are printed on standard error.

            Exit status: 0 the table was made (whatever the scores); 2 a bad scenario or observation file.
            """
    )

    @Argument(help: "The cases: scenario files, each with its observations beside it (x.observations.yaml).")
    var cases: [String]

    @Option(name: .shortAndLong, help: "Replications per case.")
    var replications = 1000

    @Option(name: .shortAndLong, help: "The master seed (the runs and the measurement models' draws).")
    var seed: UInt64 = ExperimentPlan.defaultSeed

    @Option(name: .shortAndLong, help: "Threads (default: every core); never changes the table.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Also calibrate the shared engine on the other cases and score each left-out case.")
    var leaveOneOut = false

    @Flag(name: .long, help: "Also calibrate the shared engine on every case and score each case with it.")
    var joint = false

    @Option(name: .long, help: "Particles of each leave-one-out or joint calibration.")
    var particles = 200

    @Option(name: .long, help: "Generations of each leave-one-out or joint calibration.")
    var generations = 5

    @OptionGroup var method: CalibrationMethodOptions

    @Flag(name: .long, help: "Print the table as Markdown (for the README).")
    var markdown = false

    func validate() throws {
        if cases.isEmpty { throw ValidationError("Name at least one case (a scenario file).") }
        if replications < 1 { throw ValidationError("--replications must be at least 1, got \(replications).") }
        if threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads).") }
        if particles < 2 { throw ValidationError("--particles must be at least 2, got \(particles).") }
        if !(1...255).contains(generations) {
            throw ValidationError("--generations must be between 1 and 255, got \(generations).")
        }
    }

    func run() throws {
        let started = Date()
        let loaded = try cases.map(Self.load)
        var rows: [[String]] = [
            ["case", "observations", "events CRPS (days)", "facts Brier", "in 90%", "checks passed"]
                + (joint ? ["joint events CRPS", "joint Brier", "joint in 90%", "joint checks"] : [])
                + (leaveOneOut ? ["LOCO events CRPS", "LOCO Brier", "LOCO in 90%", "LOCO checks"] : [])
        ]
        var checkLines: [String] = []
        // One calibration on every case, shared by every case's joint figures.
        let jointPosterior = joint ? try calibrateEngine(on: loaded) : nil
        for (index, item) in loaded.enumerated() {
            let card = CaseRuns.score(item, replications: replications, seed: seed, threads: threads)
            var row = [item.name, "\(item.observations.count)"] + Self.figures(card)
            for check in card.checks {
                checkLines.append(
                    "\(item.name): \(check.covered ? "pass" : "FAIL") - \(check.observation.what) "
                        + "(model: \(SummaryTable.format(check.probability, percent: true)) of \(check.runs) runs)")
            }
            if let jointPosterior {
                let card = score(item, engine: jointPosterior)
                row += card.map(Self.figures) ?? ["-", "-", "-", "-"]
                for check in card?.checks ?? [] {
                    checkLines.append(
                        "\(item.name) (joint): \(check.covered ? "pass" : "FAIL") - \(check.observation.what) "
                            + "(model: \(SummaryTable.format(check.probability, percent: true)) of \(check.runs) runs)")
                }
            }
            if leaveOneOut {
                row += try leftOut(index, of: loaded).map(Self.figures) ?? ["-", "-", "-", "-"]
            }
            rows.append(row)
        }
        if markdown {
            print("| " + rows[0].joined(separator: " | ") + " |")
            print("|" + String(repeating: "---|", count: rows[0].count))
            for row in rows.dropFirst() { print("| " + row.joined(separator: " | ") + " |") }
        } else {
            print(
                SummaryTable.aligned(rows, leftColumns: [0], style: TerminalStyle(enabled: false)) { _, cell in cell }
                    .joined(separator: "\n"))
        }
        print("")
        for line in checkLines { print(markdown ? "- " + line : line) }
        print(
            "\n(\(replications) replications per case, seed \(seed)"
                + (leaveOneOut || joint
                    ? "; calibrations: \(particles) particles x \(method.particleReplications) replications, up to "
                        + "\(generations) generations, screening at \(method.screen) (at most \(method.maxCalibrated))"
                    : "")
                + "; \(SummaryTable.fixed(Date().timeIntervalSince(started), digits: 0)) s)")
    }

    /// Events CRPS, facts Brier, share of events and quantities inside 90%, checks passed.
    static func figures(_ card: ScoreCard) -> [String] {
        let scored = card.scores.filter { $0.runs > 0 }
        let events = scored.filter { $0.observation.kind == .event }
        let facts = scored.filter { $0.observation.kind == .fact }
        let intervals = scored.filter { $0.observation.kind != .fact }
        func mean(_ values: [Double]) -> String {
            values.isEmpty ? "-" : SummaryTable.format(values.reduce(0, +) / Double(values.count), percent: false)
        }
        let inside =
            intervals.isEmpty
            ? "-"
            : SummaryTable.format(Double(intervals.filter(\.covered).count) / Double(intervals.count), percent: true)
        let checks = card.checks
        return [
            mean(events.map(\.crps)), mean(facts.map(\.brier)), inside,
            checks.isEmpty ? "-" : "\(checks.filter(\.covered).count)/\(checks.count)",
        ]
    }

    /// Case `index` scored with the engine's unknowns drawn from a calibration on the other cases;
    /// nil when it shares no calibrated unknown with them.
    func leftOut(_ index: Int, of cases: [CalibrationCase]) throws -> ScoreCard? {
        let others = cases.enumerated().filter { $0.offset != index }.map(\.element)
        guard !others.isEmpty, !cases[index].enginePaths.isEmpty else { return nil }
        return try calibrateEngine(on: others).flatMap { score(cases[index], engine: $0) }
    }

    /// The engine's unknowns calibrated on `cases` (ABC-SMC, every unknown of every case in the
    /// fit), as a posterior over the engine's paths only; nil when the calibration has none.
    func calibrateEngine(on cases: [CalibrationCase]) throws -> PosteriorSample? {
        let calibration = try ScenarioCalibration(cases: cases)
        let settings = method.applied(
            to: ABCSettings(seed: seed, populationSize: particles, maxGenerations: generations))
        let state = try ABCSMC(
            parameters: calibration.parameters, settings: settings, simulator: calibration.simulator(seed: seed)
        ).run(threads: threads)
        guard let posterior = state.posterior else { return nil }
        printError(
            "escsim backtest: calibration on \(cases.map(\.name).joined(separator: ", ")): "
                + "\(state.generations.count) generation(s), stop: \(state.stopReason?.rawValue ?? "none"), acceptance "
                + state.generations.dropFirst().map { SummaryTable.format($0.acceptanceRate, percent: true) }
                .joined(separator: " ") + "; calibrated \(state.calibrated.count) of \(calibration.parameters.count) "
                + "unknowns: " + state.calibrated.map { calibration.parameters[$0].name }.joined(separator: ", "))
        let enginePaths = Set(cases.flatMap(\.enginePaths))
        let columns = calibration.parameters.indices.filter { enginePaths.contains(calibration.parameters[$0].name) }
        guard !columns.isEmpty else { return nil }
        return PosteriorSample(
            paths: columns.map { calibration.parameters[$0].name },
            particles: posterior.particles.map { particle in columns.map { particle[$0] } }, weights: posterior.weights)
    }

    /// `target` scored drawing the engine's unknowns it shares with `engine` from it; nil when it
    /// shares none.
    func score(_ target: CalibrationCase, engine: PosteriorSample) -> ScoreCard? {
        let columns = engine.paths.indices.filter { target.enginePaths.contains(engine.paths[$0]) }
        guard !columns.isEmpty else { return nil }
        let sample = PosteriorSample(
            paths: columns.map { engine.paths[$0] },
            particles: engine.particles.map { particle in columns.map { particle[$0] } }, weights: engine.weights)
        let informed = CalibrationCase(
            name: target.name, draw: target.draw.with(posterior: sample), observations: target.observations,
            enginePaths: target.enginePaths)
        return CaseRuns.score(informed, replications: replications, seed: seed, threads: threads)
    }

    /// A case: its scenario's baseline and the observations beside it; exits 2 on a bad file.
    static func load(_ path: String) throws -> CalibrationCase {
        let observations = ScoreCommand.defaultObservations(for: path)
        do {
            let scenario = try Scenario.load(path: path)
            let set = try ObservationFile.load(
                path: observations, vocabulary: ObservationVocabulary(scenario: scenario))
            return CalibrationCase(
                name: scenario.name, draw: scenario.draw, observations: set.observations,
                enginePaths: scenario.enginePaths)
        } catch {
            printError(error.description)
            printError("escsim backtest: \(error.countDescription) in \(path) or \(observations); nothing was run")
            throw ExitCode(2)
        }
    }
}
