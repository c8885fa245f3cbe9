import ArgumentParser
import EscalationModel
import Experiments
import Foundation
import Scenario
import Stochastic

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run Monte Carlo replications of a scenario (and its what-if variants) and write their outcomes.",
        discussion: """
            Writes to the output folder (default results/<scenario name>/, or results/<name>-<variant>/):
              replications.csv  one row per variant and replication: status, end state, outcomes
              draws.csv         one row per variant and replication: the value each uncertain parameter drew
              summary.csv       per variant and outcome: n, mean, sd, min, p05..p95, max, 95% interval
              histograms.csv    per variant and outcome: bins with counts and fractions
              timeline.csv      per variant, day and measure: mean and p05..p95 bands
              comparison.csv    with variants: each against the baseline, paired differences and 95% intervals
              sensitivity.csv   with uncertain or swept parameters: partial rank correlations per outcome
              daily.csv         with --daily: per variant, ok replication and day, each daily series
              manifest.json     versions, scenario SHA-256, seed, command line, wall time, complete or not
            A design (--sweep or --design) runs every policy (the baseline, and the variants of --variants)             at every point with common random numbers, and keeps inputs and outcomes apart:
              experiments.csv   one row per experiment (point x policy): its point, policy and swept values
              replications.csv  the outcomes of each experiment's replications (variant = the experiment)
              summary.csv, histograms.csv, timeline.csv  per policy over all points (--per-point: per experiment)
              comparison.csv    with policies: each against the baseline policy, paired over points and runs
            Rows reach disk as replications finish. Ctrl-C or SIGTERM stops starting new replications, \
            writes what is done and marks the manifest incomplete; --resume DIR carries on (also after \
            a kill) to the same bytes an uninterrupted run gives. The CSV files depend only on the \
            scenario, seed, replications and variants: never on --threads, --shard or resumes.

            Examples:
              escsim run Scenarios/aleppo-2024.yaml -r 2000
              escsim run Scenarios/aleppo-2024.yaml --variants all -r 2000 --seed 7
              escsim run Scenarios/aleppo-2024.yaml --set actors.russia.sorties_per_day=60 -o results/surge
              escsim run Scenarios/aleppo-2024.yaml --precision 0.01 --target regime_collapsed
              escsim run Scenarios/aleppo-2024.yaml -r 500 --daily
              escsim run Scenarios/aleppo-2024.yaml --daily --posterior results/aleppo-2024-calibration/posterior.csv
              escsim run Scenarios/aleppo-2024.yaml --sweep --variants all -r 50
              escsim run --resume results/aleppo-2024
            """
    )

    @Argument(help: "The scenario file (YAML). Not needed with --resume.")
    var scenario: String?

    @OptionGroup var whatIf: WhatIfOptions
    var variant: String? { whatIf.variant }
    var settings: [String] { whatIf.settings }

    @Option(
        help: ArgumentHelp(
            "Run the baseline and these variants with common random numbers: 'all' or a "
                + "comma-separated list. With --sweep or --design: the policies run at every point.",
            valueName: "all|a,b"), completion: .custom(Completions.variantLists))
    var variants: String?

    @Flag(help: "Give each variant its own random numbers instead of common random numbers.")
    var independent = false

    @Flag(help: "Run the scenario's sweep: section (a grid or a Latin hypercube) instead of variants.")
    var sweep = false

    @Option(
        help: ArgumentHelp(
            "Run a design: the points of a CSV file (one row per point, one column per dotted path), or "
                + "sobol:N (Saltelli's N x (k + 2) points for Sobol indices) or morris:R[:L] (R Morris "
                + "trajectories on an L-level grid, default 4) over the ranges of the scenario's sweep: section.",
            valueName: "file.csv|sobol:N|morris:R"))
    var design: String?

    @Flag(
        help: ArgumentHelp(
            "With --sweep or --design: write summary, histograms and timeline per experiment (point x policy) "
                + "instead of per policy over all points, and compare policies point by point."))
    var perPoint = false

    // `.unconditional`: `-r -5` is a bad count, not a missing value followed by an option.
    @Option(
        name: .shortAndLong, parsing: .unconditional,
        help: "Replications per variant (with --precision: the cap). Default \(ExperimentPlan.defaultReplications).")
    var replications: Int?

    @OptionGroup var seedOption: SeedOption
    var seed: UInt64? { seedOption.seed }

    @Option(name: .shortAndLong, help: "Output folder (created if missing; one run at a time).")
    var out: String?

    @Flag(
        help: ArgumentHelp(
            "Write into an output folder escsim did not make, or over files it did not write or "
                + "that changed since: same-named files are replaced, nothing else is removed."))
    var force = false

    @Option(
        name: .shortAndLong, parsing: .unconditional,
        help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Run until the 95% half-width of --target's mean is at most this.", valueName: "x"))
    var precision: Double?

    @Option(
        help: ArgumentHelp("The outcome --precision applies to (a column of replications.csv).", valueName: "outcome"),
        completion: .custom(Completions.outcomeNames))
    var target: String?

    @Flag(help: "Stop at the first failed replication (max-events guard, non-finite value).")
    var failFast = false

    // Optional, so that a resume can restate the batch's choice, contradict it, or leave it out.
    @Flag(
        inversion: .prefixedNo,
        help: ArgumentHelp(
            "Also write daily.csv: for every replication and day, who holds each region, territory, "
                + "losses and strikes per actor, civilian harm and the ladder rung (rows = variants x "
                + "replications x days). A resumed batch keeps its plan's choice."))
    var daily: Bool?

    @Option(
        help: ArgumentHelp(
            "Draw the calibrated unknowns of each replication from this posterior (posterior.csv of "
                + "'escsim calibrate'): one weighted particle per replication, in place of the scenario's "
                + "priors; a variant that changes a calibrated number keeps its own.", valueName: "file"))
    var posterior: String?

    @Option(
        help: ArgumentHelp(
            "Carry on the interrupted or killed batch in this output folder (its plan fixes the "
                + "scenario, seed, replications, variants and settings).", valueName: "dir"))
    var resume: String?

    @Option(
        help: ArgumentHelp(
            "Run only shard K of N (0-based), or 'auto' from SLURM_ARRAY_TASK_ID/COUNT or "
                + "JOB_COMPLETION_INDEX with --shards.", valueName: "K/N|auto"))
    var shard: String?

    @Option(help: "Number of shards for --shard auto with Kubernetes' JOB_COMPLETION_INDEX.")
    var shards: Int?

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Print the summary as JSON on standard output.")
    var json = false

    func validate() throws {
        if let replications, !(1...StreamSeeds.maxReplications).contains(replications) {
            throw ValidationError("--replications must be between 1 and \(StreamSeeds.maxReplications).")
        }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1; got \(threads).") }
        if let out, out.isEmpty { throw ValidationError("--out is empty; give a folder.") }
        if resume == nil, scenario == nil { throw ValidationError("Give a scenario file, or --resume DIR.") }
        if let resume {
            if resume.isEmpty { throw ValidationError("--resume is empty; give the folder of the batch.") }
            if scenario != nil { throw ValidationError("--resume takes its scenario from the folder; drop the file.") }
            let fixed = [
                ("--variant", variant != nil), ("--variants", variants != nil), ("--sweep", sweep),
                ("--design", design != nil), ("--independent", independent), ("--force", force),
                ("--per-point", perPoint),
                ("--shards", shards != nil),
            ]
            for (option, given) in fixed where given {
                throw ValidationError(
                    "\(option) cannot change a batch being resumed: its plan in \(resume) fixes it; drop \(option).")
            }
        }
        if (precision == nil) != (target == nil) { throw ValidationError("--precision and --target go together.") }
        if let precision, !(precision > 0 && precision.isFinite) {
            throw ValidationError("--precision must be positive.")
        }
        if sweep, design != nil { throw ValidationError("Use one of --sweep and --design.") }
        if variant != nil, variants != nil || sweep || design != nil {
            throw ValidationError(
                "--variant runs one what-if; use --variants NAME to run it beside the baseline, also at every "
                    + "point of --sweep or --design.")
        }
        if perPoint, !sweep, design == nil { throw ValidationError("--per-point goes with --sweep or --design.") }
        if let variants {
            let names = variants.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if variants.isEmpty || names.contains(where: \.isEmpty) {
                throw ValidationError("--variants takes 'all' or names separated by commas; got '\(variants)'.")
            }
            if let twice = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
                throw ValidationError("--variants names '\(twice)' twice.")
            }
        }
        if independent, variants == nil, !sweep, design == nil {
            throw ValidationError(
                "--independent gives each variant its own random numbers: it needs --variants, "
                    + "--sweep or --design.")
        }
        if shards != nil, shard != "auto" { throw ValidationError("--shards goes with --shard auto.") }
        if let shard, shard != "auto" { _ = try Self.parseShard(shard) }
        if precision != nil, shard != nil {
            throw ValidationError(
                "--precision decides when to stop from all replications, so shards could not be "
                    + "merged; run --precision without --shard.")
        }
    }

    func run() throws {
        let started = Date()
        let stop = StopFlag()
        // Signals keep their default action (the process ends at once) while the scenario is
        // read and its variants set up, which writes nothing; the trap goes in before the folder
        // is touched, from where a stop is orderly.
        SignalTrap.deliverDefaultSignals()
        var trap: SignalTrap?
        defer { withExtendedLifetime(trap) {} }
        let progressBar = ProgressBar(quiet: quiet || json)

        let session: BatchSession
        do {
            if let resume {
                trap = SignalTrap(stop: stop)
                session = try BatchSession.resume(directory: resume, compile: PlanCompiler.compile)
                try checkAgainstPlan(session.plan, folder: resume)
            } else {
                let (plan, experiment) = try makePlan()
                trap = SignalTrap(stop: stop)
                let directory = out ?? defaultDirectory(plan: plan, name: experiment.scenarios[0].name)
                let need = StorageEstimate(
                    experiment: experiment,
                    replications: plan.shard.replications(of: plan.replications).count)
                if need.peakBytes > 1 << 30, !quiet {
                    printError(
                        "escsim: note: this batch will use about \(StorageEstimate.text(need.peakBytes)) of disk in "
                            + "\(directory) while it runs (\(StorageEstimate.text(need.bytesPerReplication)) per replication)"
                    )
                }
                session = try BatchSession.start(plan: plan, experiment: experiment, directory: directory, force: force)
            }
        } catch let error as ScenarioErrors {
            printError(error.description)
            printError("escsim: \(error.countDescription); nothing was run")
            throw ExitCode(2)
        } catch let error as UsageFailure {
            printError("escsim: \(error.message)")
            throw ExitCode(64)
        } catch let error as ExperimentError {
            printError("escsim: \(error)")
            throw ExitCode(2)
        } catch let error as BatchFolderError {
            for problem in error.problems { printError("escsim: \(problem)") }
            throw ExitCode(1)
        } catch let error as FileWriteError {
            printError("escsim: \(error)")
            throw ExitCode(1)
        }
        if stop.isRequested {
            printError(
                "escsim: interrupted before any replication ran; continue with: escsim run --resume "
                    + ShellWord.quoted(session.directory))
            throw ExitCode(130)
        }

        let completion: BatchSession.Completion
        do {
            completion = try session.run(
                threads: threads, stop: stop, commandLine: CommandLine.arguments,
                started: started
            ) { done, total in progressBar.update(done: done, total: total) }
        } catch {
            progressBar.finish()
            printError("escsim: \(error)")
            // The record log keeps every replication that reached it (a torn last record is
            // dropped on resume), so a full disk or a lost mount costs no finished work.
            printError(
                "escsim: the replications written so far are kept; once the cause is fixed, continue with: "
                    + "escsim run --resume \(ShellWord.quoted(session.directory))")
            throw ExitCode(1)
        }
        progressBar.finish()
        let manifest = completion.manifest
        if json {
            print(SummaryJSON.render(manifest: manifest, result: completion.result), terminator: "")
        } else if !quiet {
            print(TerminalText.escaped(session.experiment.scenarios[0].title))
            let design = session.plan.perPoint ? nil : session.plan.design
            print(
                SummaryTable.render(
                    completion.result.statistics[0], replications: manifest.replicationsDone,
                    scope: design.map {
                        "the baseline policy over \($0.points) points x \(manifest.replicationsDone) replications"
                    },
                    colour: TerminalStyle.wanted(on: STDOUT_FILENO)))
            if !completion.result.comparisons.isEmpty {
                print(SummaryTable.renderComparisons(completion.result.comparisons))
            }
            print(
                "wrote \(TerminalText.escaped(session.directory))/ (\(completion.result.files.joined(separator: ", ")), "
                    + "manifest.json) in \(SummaryTable.fixed(manifest.wallTimeSeconds, digits: 2)) s")
        }
        if !quiet {
            for note in completion.result.notes { printError("escsim: note: \(note)") }
        }
        if manifest.failedRecords > 0, manifest.failedRecords < manifest.replicationsDone * manifest.variants.count {
            printError("escsim: \(manifest.failedRecords) replication(s) failed; see the status and error columns")
        }
        let records = manifest.replicationsDone * manifest.variants.count
        if manifest.complete, records > 0, manifest.failedRecords == records {
            printError(
                "escsim: every replication failed (\(records) of \(records)); the summary holds no outcomes: "
                    + "see the status and error columns of replications.csv")
            throw ExitCode(1)
        }
        guard manifest.complete else {
            if manifest.stopReason.hasPrefix("fail-fast") {
                printError(
                    "escsim: \(manifest.stopReason); the \(manifest.replicationsDone) replications before it "
                        + "are in \(TerminalText.escaped(session.directory))")
                throw ExitCode(1)
            }
            printError(
                "escsim: \(manifest.stopReason); \(manifest.replicationsDone) replications written to "
                    + "\(TerminalText.escaped(session.directory)) (continue with: escsim run --resume "
                    + "\(ShellWord.quoted(session.directory)))")
            throw ExitCode(130)
        }
    }

    /// With --resume, options that restate the plan are welcome; options that contradict it are refused.
    private func checkAgainstPlan(_ plan: ExperimentPlan, folder: String) throws {
        var conflicts: [String] = []
        if let replications, replications != plan.replications {
            conflicts.append("-r \(replications) (the batch has \(plan.replications))")
        }
        if let seed, seed != plan.seed { conflicts.append("--seed \(seed) (the batch has \(plan.seed))") }
        if !settings.isEmpty, settings != plan.settings {
            conflicts.append(
                "--set \(settings.joined(separator: " --set ")) (the batch has "
                    + (plan.settings.isEmpty ? "none" : plan.settings.joined(separator: ", ")) + ")")
        }
        if let precision, precision != plan.precision || target != plan.target {
            conflicts.append(
                "--precision \(precision) --target \(target ?? "") (the batch has "
                    + (plan.precision.map { "--precision \($0) --target \(plan.target ?? "")" } ?? "none") + ")")
        }
        if failFast, !plan.failFast { conflicts.append("--fail-fast (the batch was started without it)") }
        if let posterior {
            let text = try? ScenarioSource(contentsOf: posterior).text
            if text != plan.posteriorText {
                conflicts.append(
                    "--posterior \(posterior) (the batch "
                        + (plan.posteriorFile.map { "draws from \($0) as it was then" } ?? "draws from the priors")
                        + ")")
            }
        }
        if let daily, daily != plan.daily {
            conflicts.append(
                daily ? "--daily (the batch was started without it)" : "--no-daily (the batch was started with --daily)"
            )
        }
        if let shard, try resolveShard(shard) != plan.shard || !plan.isShardRun {
            conflicts.append(
                "--shard \(shard) (the batch is \(plan.isShardRun ? "shard \(plan.shard)" : "not a shard"))")
        }
        if let out, BatchMerge.canonical(out) != BatchMerge.canonical(folder) {
            conflicts.append("-o \(out) (a resumed batch stays in \(folder))")
        }
        if !conflicts.isEmpty {
            throw UsageFailure(
                "--resume \(folder): " + conflicts.joined(separator: "; ")
                    + " conflict with the batch's plan; drop them (the plan fixes them)")
        }
    }

    private func defaultDirectory(plan: ExperimentPlan, name: String) -> String {
        var directory = "results/\(name)"
        if let variant { directory += "-\(variant)" }
        if sweep { directory += "-sweep" }
        if plan.shard.count > 1 { directory += "/shard-\(plan.shard.index)" }
        return directory
    }

    /// The plan of a new batch from the options.
    private func makePlan() throws -> (ExperimentPlan, Experiment) {
        guard let scenario else { throw ExperimentError("no scenario") }
        let source = try ScenarioSource(contentsOf: scenario)
        let baseline = try Scenario.parse(source.text, file: scenario, variant: variant, settings: settings)
        var names = [variant ?? Scenario.baselineName]
        var points: [[SweptValue]] = [[]]
        if let variants {
            let available = baseline.variants.map(\.name)
            let chosen = variants == "all" ? available : variants.split(separator: ",").map(String.init)
            if variants == "all", available.isEmpty, !quiet {
                printError("escsim: note: --variants all: \(scenario) defines no variants; running the baseline only")
            }
            for name in chosen where !available.contains(name) {
                let known = available.isEmpty ? "it defines none" : "it has \(available.joined(separator: ", "))"
                throw ExperimentError("--variants: the scenario has no variant '\(name)'; \(known)")
            }
            names += chosen
            points += chosen.map { _ in [] }
        }
        var design: DesignDescription?
        if sweep || self.design != nil {
            let made = try makeDesign(sweep: baseline.sweep, policies: names)
            design = made.description
            names = made.description.experimentNames
            points = made.points.flatMap { point in made.description.policies.map { _ in point } }
        }
        let plan = ExperimentPlan(
            scenarioFile: scenario, scenarioText: source.text, seed: seed ?? ExperimentPlan.defaultSeed,
            replications: replications ?? ExperimentPlan.defaultReplications,
            shard: try shard.map(resolveShard) ?? .whole, isShardRun: shard != nil, commonRandomNumbers: !independent,
            variantNames: names,
            namedVariants: design == nil, pointValues: points, settings: settings, failFast: failFast,
            precision: precision, target: target, daily: daily ?? false)
        var planned = plan
        planned.design = design
        planned.perPoint = perPoint
        planned.engineFile = baseline.engine?.file
        planned.engineText = baseline.engine?.text
        if let posterior {
            planned.posteriorFile = posterior
            planned.posteriorText = try ScenarioSource(contentsOf: posterior).text
        }
        let experiment = try planned.experiment()
        // Found before anything is written: a usage error, not a folder to resume.
        if let target, !experiment.layout.outcomes.contains(where: { $0.name == target }) {
            let names = experiment.layout.outcomes.map(\.name)
            let close = names.filter { $0.contains(target) || target.contains($0) }.prefix(3)
            throw UsageFailure(
                "--target: no outcome named '\(target)'; it must be a column of replications.csv, e.g. "
                    + (close.isEmpty ? names.prefix(3) : close).joined(separator: ", "))
        }
        return (planned, experiment)
    }

    /// The points of `--sweep` or `--design` and how they were made, with `policies` run at each.
    private func makeDesign(sweep section: SweepSpecification?, policies: [String]) throws
        -> (points: [[SweptValue]], description: DesignDescription)
    {
        let points: [[SweptValue]]
        let description: DesignDescription
        // The ranges of the sweep section's parameters (a grid's listed values span theirs).
        func ranged(_ section: SweepSpecification?) -> [DesignDescription.Parameter] {
            (section?.parameters ?? []).map {
                DesignDescription.Parameter(
                    path: $0.path, low: $0.values?.min() ?? $0.low, high: $0.values?.max() ?? $0.high)
            }
        }
        if sweep {
            points = try SweepDesign.points(of: section, seed: seed ?? ExperimentPlan.defaultSeed)
            description = DesignDescription(
                method: section?.method.rawValue ?? "grid", points: points.count, policies: policies,
                parameters: ranged(section))
        } else {
            let method = try DesignMethod(argument: design ?? "")
            points = try SweepDesign.points(of: method, sweep: section, seed: seed ?? ExperimentPlan.defaultSeed)
            switch method {
            case .file(let file):
                description = DesignDescription(
                    method: method.name, points: points.count, policies: policies,
                    parameters: (points.first ?? []).map { DesignDescription.Parameter(path: $0.path) }, file: file)
            case .sobol(let baseSamples):
                description = DesignDescription(
                    method: method.name, points: points.count, policies: policies,
                    parameters: ranged(section), baseSamples: baseSamples)
            case .morris(let trajectories, let levels):
                description = DesignDescription(
                    method: method.name, points: points.count, policies: policies,
                    parameters: ranged(section), trajectories: trajectories, levels: levels)
            }
        }
        let experiments = points.count * policies.count
        guard experiments <= SweepDesign.maximumPoints else {
            throw ExperimentError(
                "the design has \(points.count) points x \(policies.count) policies = \(experiments) experiments; "
                    + "at most \(SweepDesign.maximumPoints)")
        }
        return (points, description)
    }

    /// The shard of `--shard`: K/N, or `auto` from the environment of a Slurm array task or a
    /// Kubernetes indexed job.
    private func resolveShard(_ shard: String) throws -> Shard {
        do {
            return shard == "auto"
                ? try Shard.fromEnvironment(ProcessInfo.processInfo.environment, shards: shards)
                : try Shard.parse(shard)
        } catch {
            throw UsageFailure(error.description)
        }
    }

    static func parseShard(_ text: String) throws -> Shard {
        do {
            return try Shard.parse(text)
        } catch {
            throw ValidationError(error.description)
        }
    }
}

/// A command line that cannot be carried out as written, found after parsing (it needs the
/// scenario or the environment): one line and exit status 64.
struct UsageFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
