import ArgumentParser
import Backtest
import Experiments
import Foundation
import Scenario
import Stochastic

struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Learn a scenario's uncertain numbers from what happened (ABC-SMC).",
        discussion: """
            Example:
              escsim calibrate Scenarios/aleppo-2024.yaml \\
                --observations Scenarios/aleppo-2024.observations.yaml
              escsim run Scenarios/aleppo-2024.yaml --daily \\
                --posterior results/aleppo-2024-calibration/posterior.csv -o results/posterior
              escsim score results/posterior

            Every number the scenario gives as a distribution is a parameter, its distribution the \
            prior. Approximate Bayesian computation by sequential Monte Carlo (Toni et al. 2009, with \
            the weights and kernel of Beaumont et al. 2009) runs generations of --particles \
            simulations, one replication each: generation 0 draws from the priors; each next \
            generation perturbs the last one's particles and keeps those whose runs come closer to \
            the observations than the median of the last generation (a distance over all \
            observations, each scaled by its typical miss under the prior). It stops after \
            --generations, or when fewer than --min-acceptance of the attempts are kept.

            Many unknowns: each particle runs --particle-replications simulations and averages their \
            misses (less noise); after generation 0 the unknowns are screened (--screen, --max-calibrated): \
            only those whose draws correlate with the distance are calibrated, the others keep drawing \
            from their priors. --write-engine FILE writes the shared engine with its calibrated \
            constants' posteriors, a file cases can include instead of engine.yaml.

            Writes into the folder: posterior.csv (weighted particles, one column per parameter; \
            'escsim run --posterior' draws from it), particles.csv (every generation), \
            generations.csv (tolerance, acceptance rate, effective sample size), parameters.csv \
            (prior against posterior) and calibration.json. The result depends only on the \
            scenario, the observations, the settings and --seed, never on --threads. Ctrl-C keeps \
            every finished generation; continue with --resume DIR.

            Exit status: 0 done; 1 output not writable; 2 a bad scenario or observation file; 64 bad \
            arguments; 130 interrupted.
            """
    )

    @Argument(
        help: ArgumentHelp(
            "The scenario file (YAML), or several cases to calibrate jointly (the unknowns of the engine "
                + "they include are shared, each case's own stay its own); not needed with --resume."))
    var scenarios: [String] = []

    @Option(
        name: .long,
        help:
            "The observation file of a single scenario (default: each scenario file with .observations.yaml for .yaml)."
    )
    var observations: String?

    @OptionGroup var whatIf: WhatIfOptions

    @Option(name: .shortAndLong, help: "The output folder (default: results/<scenario name>-calibration).")
    var out: String?

    @Option(name: .long, help: "Particles per generation.")
    var particles = 500

    @Option(name: .long, help: "Generations at most, the draws from the prior included (1-255).")
    var generations = 8

    @Option(name: .long, help: "Each generation keeps runs closer than this quantile of the last one's distances.")
    var quantile = 0.5

    @Option(name: .long, help: "Stop when a generation keeps fewer than this share of its attempts.")
    var minAcceptance = 0.02

    @Option(name: .shortAndLong, help: "The master seed.")
    var seed: UInt64 = ExperimentPlan.defaultSeed

    @OptionGroup var method: CalibrationMethodOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also write the engine the cases include with its calibrated constants' posteriors (moment-matched, "
                + "same family where possible) to this file, for cases to include instead of engine.yaml.",
            valueName: "path"))
    var writeEngine: String?

    @Option(name: .shortAndLong, help: "Simulations run at once (default: every core); never changes the result.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Check the calibrator instead (simulation-based calibration, Talts et al. 2018): this many trials "
                + "each draw the unknowns from the priors, simulate the observations' history from them, "
                + "calibrate, and rank the truth in the posterior. Prints, per parameter, the rank "
                + "histogram's chi-square p-value, the KS distance, the 90% intervals' coverage and the "
                + "posterior/prior sd; exits 1 when ranks are not uniform (p < 0.01) or coverage is off "
                + "by more than 3 binomial sds. Writes nothing.", valueName: "trials"))
    var check: Int?

    @Option(name: .long, help: "Continue the interrupted calibration in this folder.")
    var resume: String?

    @Flag(name: .long, help: "Write into a folder escsim did not make (same-named files are replaced).")
    var force = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if resume == nil, scenarios.isEmpty { throw ValidationError("Name the scenario file, or --resume a folder.") }
        if scenarios.count > 1, observations != nil {
            throw ValidationError("--observations names one scenario's; with several, each uses its own file.")
        }
        if scenarios.count > 1, whatIf.variant != nil {
            throw ValidationError("--variant names one scenario's what-if; calibrate several cases without it.")
        }
        if resume != nil, !scenarios.isEmpty || observations != nil || out != nil {
            throw ValidationError("--resume takes its scenario, observations and folder from the folder.")
        }
        if threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads).") }
        if particles < 2 { throw ValidationError("--particles must be at least 2, got \(particles).") }
        if !(1...255).contains(generations) {
            throw ValidationError("--generations must be between 1 and 255, got \(generations).")
        }
        if !(quantile > 0 && quantile < 1) {
            throw ValidationError("--quantile must lie between 0 and 1, got \(quantile).")
        }
        if !(minAcceptance > 0 && minAcceptance <= 1) {
            throw ValidationError("--min-acceptance must be above 0 and at most 1, got \(minAcceptance).")
        }
    }

    func run() throws {
        let started = Date()
        let stop = StopFlag()
        SignalTrap.deliverDefaultSignals()
        var trap: SignalTrap?
        defer { withExtendedLifetime(trap) {} }

        let stored: CalibrationPlan
        let directory: String
        var state: ABCState?
        if let resume {
            directory = resume
            do {
                stored = try CalibrationPlan.read(from: resume + "/.escsim/" + CalibrationPlan.file)
            } catch {
                printError("escsim calibrate: \(resume) holds no calibration to resume (\(error))")
                throw ExitCode(1)
            }
            let statePath = resume + "/.escsim/" + CalibrationPlan.stateFile
            if FileManager.default.fileExists(atPath: statePath) {
                do {
                    state = try JSONDecoder().decode(
                        ABCState.self, from: Data(contentsOf: URL(fileURLWithPath: statePath)))
                } catch {
                    printError("escsim calibrate: \(statePath) is damaged (\(error)); start the calibration again")
                    throw ExitCode(1)
                }
            }
        } else {
            var cases: [CalibrationPlan.Case] = []
            for scenarioFile in scenarios {
                let observationsFile = observations ?? ScoreCommand.defaultObservations(for: scenarioFile)
                cases.append(
                    CalibrationPlan.Case(
                        scenarioFile: scenarioFile, scenarioText: try Self.read(scenarioFile),
                        observationsFile: observationsFile, observationsText: try Self.read(observationsFile),
                        engineFile: nil, engineText: nil))
            }
            stored = CalibrationPlan(
                escsimVersion: EscsimVersion.current, cases: cases, variant: whatIf.variant,
                settings: whatIf.settings,
                abc: method.applied(
                    to: ABCSettings(
                        seed: seed, populationSize: particles, maxGenerations: generations, quantile: quantile,
                        minimumAcceptanceRate: minAcceptance)))
            directory = out ?? ""
        }
        let (calibration, name, engines) = try Self.compile(stored)
        // A new calibration keeps the engines it read, so a resume never reads a changed one.
        var plan = stored
        for (index, engine) in engines.enumerated() {
            plan.cases[index].engineFile = engine?.file
            plan.cases[index].engineText = engine?.text
        }
        if let check {
            try Self.checkCalibrator(calibration, settings: plan.abc, trials: check, threads: threads, quiet: quiet)
            return
        }
        let folderPath = directory.isEmpty ? "results/\(name)-calibration" : directory
        let calibrator: ABCSMC
        do {
            calibrator = try ABCSMC(
                parameters: calibration.parameters, settings: plan.abc,
                simulator: calibration.simulator(seed: plan.abc.seed))
        } catch {
            printError("escsim calibrate: \(error)")
            throw ExitCode(2)
        }

        let folder: BatchFolder
        let work = folderPath + "/" + BatchFolder.workFolder
        do throws(any Error) {
            trap = SignalTrap(stop: stop)
            if resume != nil {
                folder = try BatchFolder(folderPath)
                try folder.prepareForResume(outputs: CalibrationFiles.all + [CalibrationFiles.posteriorEngine])
            } else {
                folder = try BatchFolder(folderPath, create: true)
                try folder.prepareForNewBatch(
                    outputs: CalibrationFiles.all + [CalibrationFiles.posteriorEngine], force: force
                ) { _ in }
                unlink(work + "/" + CalibrationPlan.stateFile)
                try AtomicFile.write(try plan.json(), to: work + "/" + CalibrationPlan.file)
            }
        } catch let error as BatchFolderError {
            for problem in error.problems { printError("escsim calibrate: \(problem)") }
            throw ExitCode(1)
        } catch {
            printError("escsim calibrate: \(error)")
            throw ExitCode(1)
        }

        let progressBar = ProgressBar(quiet: quiet)
        let final: ABCState
        do {
            final = try calibrator.run(
                resumingFrom: state, threads: threads, shouldStop: { stop.isRequested },
                checkpoint: { state in
                    let encoder = JSONEncoder()
                    try AtomicFile.write(
                        String(decoding: try encoder.encode(state), as: UTF8.self),
                        to: work + "/" + CalibrationPlan.stateFile)
                },
                progress: { accepted, size, generation in
                    progressBar.update(done: generation * size + accepted, total: plan.abc.maxGenerations * size)
                })
        } catch {
            progressBar.finish()
            printError("escsim calibrate: \(error)")
            printError(
                "escsim calibrate: finished generations are kept; continue with: escsim calibrate --resume "
                    + ShellWord.quoted(folderPath))
            throw ExitCode(1)
        }
        progressBar.finish()
        if final.stopReason == .stopRequested {
            printError(
                "escsim calibrate: interrupted after \(final.generations.count) generation(s); continue with: "
                    + "escsim calibrate --resume \(ShellWord.quoted(folderPath))")
            throw ExitCode(130)
        }

        let summaries = ParameterSummary.summaries(of: final, parameters: calibration.parameters)
        let manifest = CalibrationFiles.Manifest(
            escsimVersion: EscsimVersion.current,
            cases: plan.cases.map { item in
                CalibrationFiles.Manifest.Case(
                    scenario: item.scenarioFile, scenarioSHA256: SHA256.hexDigest(Array(item.scenarioText.utf8)),
                    observations: item.observationsFile,
                    observationsSHA256: SHA256.hexDigest(Array(item.observationsText.utf8)), engine: item.engineFile,
                    engineSHA256: item.engineText.map { SHA256.hexDigest(Array($0.utf8)) })
            },
            observationCount: calibration.observations.count, variant: plan.variant, settings: plan.settings,
            seed: plan.abc.seed, populationSize: plan.abc.populationSize, maxGenerations: plan.abc.maxGenerations,
            quantile: plan.abc.quantile, minimumAcceptanceRate: plan.abc.minimumAcceptanceRate,
            particleReplications: plan.abc.particleReplications, screeningLevel: plan.abc.screeningLevel,
            maxCalibrated: plan.abc.maxCalibrated,
            calibratedParameters: final.calibrated.map { calibration.parameters[$0].name },
            generations: final.generations.count, simulations: final.generations.reduce(0) { $0 + $1.attempts },
            stopReason: final.stopReason?.rawValue ?? "", wallTimeSeconds: Date().timeIntervalSince(started),
            threads: threads, commandLine: CommandLine.arguments, files: CalibrationFiles.all)
        do {
            var written: [String: String] = [:]
            for (name, text) in [
                (CalibrationFiles.posterior, CalibrationFiles.posteriorCSV(final)),
                (CalibrationFiles.particles, CalibrationFiles.particlesCSV(final)),
                (CalibrationFiles.generations, CalibrationFiles.generationsCSV(final)),
                (CalibrationFiles.parameters, CalibrationFiles.parametersCSV(summaries, screening: final.screening)),
                (CalibrationFiles.manifest, try CalibrationFiles.manifestJSON(manifest)),
            ] {
                try AtomicFile.write(text, to: folderPath + "/" + name)
                written[name] = SHA256.hexDigest(Array(text.utf8))
            }
            // The engine's calibrated numbers, written back as an engine the cases can include.
            if let text = Self.calibratedEngine(plan: plan, calibration: calibration, state: final) {
                try AtomicFile.write(text, to: folderPath + "/" + CalibrationFiles.posteriorEngine)
                written[CalibrationFiles.posteriorEngine] = SHA256.hexDigest(Array(text.utf8))
                if let writeEngine { try AtomicFile.write(text, to: writeEngine) }
            } else if let writeEngine {
                printError(
                    "escsim calibrate: the calibration moved no constant of an engine; \(writeEngine) not written")
            }
            try folder.recordWritten(written)
            unlink(work + "/" + CalibrationPlan.stateFile)
            unlink(work + "/" + CalibrationPlan.file)
        } catch {
            printError("escsim calibrate: \(error)")
            throw ExitCode(1)
        }
        if !quiet {
            print(CalibrationTable.render(final, summaries: summaries))
            print(
                "wrote \(TerminalText.escaped(folderPath))/ (\(CalibrationFiles.all.joined(separator: ", "))) in "
                    + "\(SummaryTable.fixed(manifest.wallTimeSeconds, digits: 1)) s")
        }
    }

    /// The first case's engine with the constants `state` moved replaced by their posteriors
    /// (`CalibratedEngineFile`), or nil when the cases include no engine or none of its constants moved.
    static func calibratedEngine(plan: CalibrationPlan, calibration: ScenarioCalibration, state: ABCState) -> String? {
        guard let engine = plan.cases.first?.engineText else { return nil }
        let moved = CalibratedEngineFile.moved(
            state, parameters: calibration.parameters,
            enginePaths: calibration.cases.reduce(into: Set<String>()) { $0.formUnion($1.enginePaths) })
        let abc = plan.abc
        let command =
            ["escsim", "calibrate"] + plan.cases.map(\.scenarioFile)
            + (plan.cases.count == 1 ? ["--observations", plan.cases[0].observationsFile] : [])
            + (plan.variant.map { ["--variant", $0] } ?? []) + plan.settings.flatMap { ["--set", $0] }
            + [
                "--particles", "\(abc.populationSize)", "--generations", "\(abc.maxGenerations)", "--quantile",
                "\(abc.quantile)", "--min-acceptance", "\(abc.minimumAcceptanceRate)", "--seed", "\(abc.seed)",
                "--particle-replications", "\(abc.particleReplications)", "--screen", "\(abc.screeningLevel ?? 0)",
                "--max-calibrated", "\(abc.maxCalibrated)",
            ]
        let last = state.generations.last
        let provenance = [
            command.map(ShellWord.quoted).joined(separator: " "),
            "(\(state.generations.count) generations, stop: \(state.stopReason?.rawValue ?? "none"); last acceptance rate "
                + "\(CalibratedEngineFile.number(last?.acceptanceRate ?? .nan)); calibrated \(state.calibrated.count) "
                + "of \(calibration.parameters.count) unknowns, \(moved.count) of them the engine's)",
        ]
        return CalibratedEngineFile.text(engine: engine, moved: moved, provenance: provenance)
    }

    /// Simulation-based calibration of the calibrator on this scenario and its observations.
    static func checkCalibrator(
        _ calibration: ScenarioCalibration, settings: ABCSettings, trials: Int, threads: Int, quiet: Bool
    ) throws {
        let started = Date()
        let check = SimulationBasedCalibration(
            parameters: calibration.parameters, settings: settings, trials: trials, seed: settings.seed,
            bins: max(2, min(10, trials / 5)))
        let progressBar = ProgressBar(quiet: quiet)
        let report = try check.run(
            threads: threads, makeSimulator: calibration.syntheticSimulator,
            progress: { done in progressBar.update(done: done, total: trials) })
        progressBar.finish()
        func number(_ x: Double) -> String { SummaryTable.format(x, percent: false) }
        var rows: [[String]] = [
            ["parameter", "rank chi-square", "df", "p-value", "KS distance", "90% coverage", "sd ratio"]
        ]
        var failed: [String] = []
        for parameter in report.parameters {
            let chi = parameter.rankHistogram
            rows.append([
                TerminalText.escaped(parameter.name), number(chi.statistic), "\(chi.degreesOfFreedom)",
                number(chi.pValue),
                number(parameter.ksDistance), SummaryTable.format(parameter.coverage, percent: true),
                number(parameter.meanContraction),
            ])
            if chi.pValue < 0.01 || !parameter.coverageIsNominal() { failed.append(parameter.name) }
        }
        print(
            SummaryTable.aligned(rows, leftColumns: [0], style: TerminalStyle(enabled: false)) { _, cell in cell }
                .joined(separator: "\n"))
        let spread: Double = 3 * (0.09 / Double(trials)).squareRoot()
        let band =
            "[" + SummaryTable.format(0.9 - spread, percent: true) + ", "
            + SummaryTable.format(min(1, 0.9 + spread), percent: true) + "]"
        let seconds = SummaryTable.fixed(Date().timeIntervalSince(started), digits: 0)
        print(
            "(\(trials) trials of \(settings.populationSize) particles and up to \(settings.maxGenerations) "
                + "generations, \(report.bins) rank bins; coverage within 3 binomial sds of 90% is \(band); \(seconds) s)"
        )
        if !failed.isEmpty {
            printError("escsim calibrate: the check fails for \(failed.joined(separator: ", "))")
            throw ExitCode(1)
        }
    }

    /// The calibration a plan describes, its name (the scenario's, or the cases' joined by `+`),
    /// and each case's engine as read; exits 2 on a bad file.
    static func compile(_ plan: CalibrationPlan) throws -> (ScenarioCalibration, String, [ScenarioEngine?]) {
        do {
            var cases: [CalibrationCase] = []
            var engines: [ScenarioEngine?] = []
            for item in plan.cases {
                let scenario = try Scenario.parse(
                    item.scenarioText, file: item.scenarioFile, variant: plan.variant, settings: plan.settings,
                    engine: ScenarioEngine(file: item.engineFile, text: item.engineText))
                let set = try ObservationFile.parse(
                    item.observationsText, file: item.observationsFile,
                    vocabulary: ObservationVocabulary(scenario: scenario))
                cases.append(
                    CalibrationCase(
                        name: scenario.name, draw: scenario.draw, observations: set.observations,
                        enginePaths: scenario.enginePaths))
                engines.append(scenario.engine)
            }
            let calibration: ScenarioCalibration
            do {
                calibration = try ScenarioCalibration(cases: cases)
            } catch {
                printError("escsim calibrate: \(error)")
                throw ExitCode(2)
            }
            return (calibration, cases.map(\.name).joined(separator: "+"), engines)
        } catch let error as ScenarioErrors {
            printError(error.description)
            printError("escsim calibrate: \(error.countDescription); nothing was calibrated")
            throw ExitCode(2)
        }
    }

    static func read(_ path: String) throws -> String {
        do {
            return try ScenarioSource(contentsOf: path).text
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
    }
}
