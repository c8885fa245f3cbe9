import ArgumentParser
import EscalationModel
import Experiments
import Foundation
import Scenario
import Stochastic

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run Monte Carlo replications of a scenario and write their outcomes.",
        discussion: """
            Writes to the output folder (default results/<scenario name>/):
              replications.csv  one row per replication: its outcomes and its parameter draws
              summary.csv       one row per outcome: n, mean, sd, min, p05..p95, max, 95% interval
            With --variant NAME the default folder is results/<scenario name>-<NAME>.
              manifest.json     escsim and GSL versions, scenario SHA-256, seed, command line, wall time
            The CSV files depend only on the scenario, the seed and the number of replications, \
            never on --threads. A bad scenario writes nothing and exits with status 2.
            """
    )

    @OptionGroup var options: ScenarioOptions

    @Option(name: .shortAndLong, help: "Number of replications.")
    var replications: Int = 1000

    @Option(name: .shortAndLong, help: "Master seed; every random stream derives from it.")
    var seed: UInt64 = 20_241_127

    @Option(name: .shortAndLong, help: "Output folder (default: results/<scenario name>).")
    var out: String?

    @Option(name: .shortAndLong, help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        guard replications >= 1, replications <= StreamSeeds.maxReplications else {
            throw ValidationError("--replications must be between 1 and \(StreamSeeds.maxReplications).")
        }
        guard threads >= 1 else {
            throw ValidationError("--threads must be at least 1.")
        }
    }

    func run() throws {
        let loaded = try options.load()
        let directory = out ?? (loaded.variant == Scenario.baselineName
            ? "results/\(loaded.name)" : "results/\(loaded.name)-\(loaded.variant)")
        let started = Date()
        let clock = ContinuousClock()
        let start = clock.now

        let configuration = BatchConfiguration(scenario: loaded, seed: seed, replications: replications, threads: threads)
        let records = BatchRunner.run(configuration)
        let schema = OutcomeSchema(parameters: loaded.baseParameters)
        let statistics = OutcomeStatistic.summarise(records, schema: schema)
        let replicationsText = BatchOutput.replicationsCSV(records, scenario: loaded, schema: schema)
        let summaryText = BatchOutput.summaryCSV(statistics, variant: loaded.variant)
        let elapsed = start.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18

        let manifest = Manifest(
            escsimVersion: EscsimVersion.current,
            scenario: .init(name: loaded.name, file: options.scenario, sha256: SHA256.hexDigest(loaded.source.bytes),
                            variant: loaded.variant, settings: loaded.settings),
            seed: seed, replications: replications, threads: threads,
            random: .init(library: "GSL", version: GSLRuntime.version, generator: GSLRuntime.generatorName,
                          seedDerivation: StreamSeeds.derivation),
            commandLine: CommandLine.arguments,
            startedAt: ISO8601DateFormatter().string(from: started),
            wallTimeSeconds: (seconds * 1000).rounded() / 1000,
            complete: true,
            files: [BatchOutput.replicationsFile, BatchOutput.summaryFile]
        )
        do {
            try BatchOutput.write(replications: replicationsText, summary: summaryText, manifest: manifest, to: directory)
        } catch {
            printError("escsim: \(error)")
            throw ExitCode(1)
        }
        guard !quiet else { return }
        print(loaded.variant == Scenario.baselineName ? loaded.title : "\(loaded.title) - variant \(loaded.variant)")
        print(SummaryTable.render(statistics, replications: replications))
        print("wrote \(directory)/{\(BatchOutput.replicationsFile),\(BatchOutput.summaryFile),\(BatchOutput.manifestFile)}"
              + " in \(SummaryTable.fixed(seconds, digits: 2)) s")
    }
}
