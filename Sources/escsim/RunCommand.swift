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
              replications.csv  one row per variant and replication: status, end, outcomes, parameter draws
              summary.csv       per variant and outcome: n, mean, sd, min, p05..p95, max, 95% interval
              histograms.csv    per variant and outcome: bins with counts and fractions
              timeline.csv      per variant, day and measure: mean and p05..p95 bands
              comparison.csv    with variants: each against the baseline, paired differences and 95% intervals
              sensitivity.csv   with uncertain or swept parameters: partial rank correlations per outcome
              manifest.json     versions, scenario SHA-256, seed, command line, wall time, complete or not
            Rows reach disk as replications finish. Ctrl-C or SIGTERM stops starting new replications, \
            writes what is done and marks the manifest incomplete; --resume DIR carries on (also after \
            a kill) to the same bytes an uninterrupted run gives. The CSV files depend only on the \
            scenario, seed, replications and variants: never on --threads, --shard or resumes.

            Examples:
              escsim run Scenarios/aleppo-2024.yaml -r 2000
              escsim run Scenarios/aleppo-2024.yaml --variants all -r 2000 --seed 7
              escsim run Scenarios/aleppo-2024.yaml --set actors.russia.sorties_per_day=60 -o results/surge
              escsim run Scenarios/aleppo-2024.yaml --precision 0.01 --target regime_collapsed
              escsim run --resume results/aleppo-2024
            """
    )

    @Argument(help: "The scenario file (YAML). Not needed with --resume.")
    var scenario: String?

    @Option(help: ArgumentHelp("Run one what-if from the scenario's variants: section instead of the baseline.",
                               valueName: "name"))
    var variant: String?

    @Option(help: ArgumentHelp("Run the baseline and these variants with common random numbers: 'all' or a "
                               + "comma-separated list.", valueName: "all|a,b"))
    var variants: String?

    @Flag(help: "Give each variant its own random numbers instead of common random numbers.")
    var independent = false

    @Flag(help: "Run the scenario's sweep: section (a grid or a Latin hypercube) instead of variants.")
    var sweep = false

    @Option(help: ArgumentHelp("Run the design points in this CSV file: one row per point, one column per dotted path.",
                               valueName: "file.csv"))
    var design: String?

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Override one value for every variant: a dotted path and a YAML value. Repeatable.", valueName: "path=value"))
    var settings: [String] = []

    @Option(name: .shortAndLong, help: "Replications per variant (with --precision: the cap).")
    var replications: Int = 1000

    @Option(name: .shortAndLong, help: "Master seed; every random stream derives from it.")
    var seed: UInt64 = 20_241_127

    @Option(name: .shortAndLong, help: "Output folder.")
    var out: String?

    @Option(name: .shortAndLong, help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Run until the 95% half-width of --target's mean is at most this.", valueName: "x"))
    var precision: Double?

    @Option(help: ArgumentHelp("The outcome --precision applies to (a column of replications.csv).", valueName: "outcome"))
    var target: String?

    @Flag(help: "Stop at the first failed replication (max-events guard, non-finite value).")
    var failFast = false

    @Option(help: ArgumentHelp("Carry on the interrupted or killed batch in this output folder.", valueName: "dir"))
    var resume: String?

    @Option(help: ArgumentHelp("Run only shard K of N (0-based), or 'auto' from SLURM_ARRAY_TASK_ID/COUNT or "
                               + "JOB_COMPLETION_INDEX with --shards.", valueName: "K/N|auto"))
    var shard: String?

    @Option(help: "Number of shards for --shard auto with Kubernetes' JOB_COMPLETION_INDEX.")
    var shards: Int?

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    @Flag(help: "Print the summary as JSON on standard output.")
    var json = false

    func validate() throws {
        guard replications >= 1, replications <= StreamSeeds.maxReplications else {
            throw ValidationError("--replications must be between 1 and \(StreamSeeds.maxReplications).")
        }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1.") }
        if resume == nil, scenario == nil { throw ValidationError("Give a scenario file, or --resume DIR.") }
        if resume != nil, scenario != nil { throw ValidationError("--resume takes its scenario from the folder; drop the file.") }
        if (precision == nil) != (target == nil) { throw ValidationError("--precision and --target go together.") }
        if let precision, !(precision > 0) { throw ValidationError("--precision must be positive.") }
        let modes = [variant != nil, variants != nil, sweep, design != nil].filter { $0 }.count
        if modes > 1 { throw ValidationError("Use one of --variant, --variants, --sweep and --design.") }
    }

    func run() throws {
        let started = Date()
        let stop = StopFlag()
        let trap = SignalTrap(stop: stop)
        defer { withExtendedLifetime(trap) {} }
        let progressBar = ProgressBar(quiet: quiet || json)

        let session: BatchSession
        do {
            if let resume {
                session = try BatchSession.resume(directory: resume)
            } else {
                let (plan, experiment) = try makePlan()
                let directory = out ?? defaultDirectory(plan: plan, name: experiment.scenarios[0].name)
                session = try BatchSession.start(plan: plan, experiment: experiment, directory: directory)
            }
        } catch let error as ScenarioErrors {
            printError(error.description)
            printError("escsim: \(error.countDescription); nothing was run")
            throw ExitCode(2)
        } catch let error as ExperimentError {
            printError("escsim: \(error)")
            throw ExitCode(2)
        } catch let error as FileWriteError {
            printError("escsim: \(error)")
            throw ExitCode(1)
        }

        let completion: BatchSession.Completion
        do {
            completion = try session.run(threads: threads, stop: stop, commandLine: CommandLine.arguments,
                                         started: started) { done, total in progressBar.update(done: done, total: total) }
        } catch {
            progressBar.finish()
            printError("escsim: \(error)")
            // The record log keeps every replication that reached it (a torn last record is
            // dropped on resume), so a full disk or a lost mount costs no finished work.
            printError("escsim: the replications written so far are kept; once the cause is fixed, continue with: "
                       + "escsim run --resume \(session.directory)")
            throw ExitCode(1)
        }
        progressBar.finish()
        let manifest = completion.manifest
        if json {
            print(SummaryJSON.render(manifest: manifest, result: completion.result), terminator: "")
        } else if !quiet {
            print(session.experiment.scenarios[0].title)
            print(SummaryTable.render(completion.result.statistics[0], replications: manifest.replicationsDone,
                                     colour: TerminalStyle.wanted(on: STDOUT_FILENO)))
            if !completion.result.comparisons.isEmpty {
                print(SummaryTable.renderComparisons(completion.result.comparisons))
            }
            print("wrote \(session.directory)/ (\(completion.result.files.joined(separator: ", ")), manifest.json)"
                  + " in \(SummaryTable.fixed(manifest.wallTimeSeconds, digits: 2)) s")
        }
        if manifest.failedRecords > 0 {
            printError("escsim: \(manifest.failedRecords) replication(s) failed; see the status and error columns")
        }
        guard manifest.complete else {
            printError("escsim: \(manifest.stopReason); \(manifest.replicationsDone) replications written to "
                       + "\(session.directory) (continue with: escsim run --resume \(session.directory))")
            throw ExitCode(manifest.stopReason.hasPrefix("fail-fast") ? 1 : 130)
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
        var named = true
        var points: [[String]] = [[]]
        if let variants {
            let available = baseline.variants.map(\.name)
            let chosen = variants == "all" ? available : variants.split(separator: ",").map(String.init)
            for name in chosen where !available.contains(name) {
                throw ExperimentError("--variants: the scenario has no variant '\(name)'; it has \(available.joined(separator: ", "))")
            }
            names += chosen
            points += chosen.map { _ in [] }
        } else if sweep || design != nil {
            named = false
            let settingsPerPoint = sweep ? try SweepDesign.points(of: baseline, seed: seed)
                : try SweepDesign.points(fromCSV: design!)
            names = settingsPerPoint.indices.map { String(format: "point_%04d", $0 + 1) }
            points = settingsPerPoint
        }
        let plan = ExperimentPlan(
            scenarioFile: scenario, scenarioText: source.text, seed: seed, replications: replications,
            shard: try resolveShard(), isShardRun: shard != nil, commonRandomNumbers: !independent, variantNames: names,
            namedVariants: named, pointSettings: points, settings: settings, failFast: failFast,
            precision: precision, target: target)
        return (plan, try plan.experiment())
    }

    private func resolveShard() throws -> Shard {
        guard let shard else { return .whole }
        if shard == "auto" {
            let environment = ProcessInfo.processInfo.environment
            if let id = environment["SLURM_ARRAY_TASK_ID"].flatMap(Int.init),
               let count = environment["SLURM_ARRAY_TASK_COUNT"].flatMap(Int.init) {
                let minimum = environment["SLURM_ARRAY_TASK_MIN"].flatMap(Int.init) ?? 0
                guard (0..<count).contains(id - minimum) else {
                    throw ExperimentError("--shard auto: SLURM_ARRAY_TASK_ID \(id) is outside the array")
                }
                return Shard(index: id - minimum, count: count)
            }
            if let index = environment["JOB_COMPLETION_INDEX"].flatMap(Int.init) {
                guard let shards, shards >= 1, (0..<shards).contains(index) else {
                    throw ExperimentError("--shard auto with JOB_COMPLETION_INDEX needs --shards N (N > index)")
                }
                return Shard(index: index, count: shards)
            }
            throw ExperimentError("--shard auto: neither SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT nor "
                                  + "JOB_COMPLETION_INDEX is set")
        }
        let parts = shard.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2, parts[1] >= 1, (0..<parts[1]).contains(parts[0]) else {
            throw ExperimentError("--shard must be K/N with 0 <= K < N, or 'auto'; got '\(shard)'")
        }
        return Shard(index: parts[0], count: parts[1])
    }
}
