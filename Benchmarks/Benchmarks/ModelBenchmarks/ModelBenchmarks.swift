import Benchmark
import EscalationModel
import Experiments
import Foundation
import Scenario

/// The model suite: whole batches of the baseline scenario through `BatchRunner`, as
/// `escsim run` runs them: replications on worker threads, each appended to the batch's record
/// log in replication order, the log synced at the end. Not measured: the CSV and JSON files
/// computed from the log afterwards.
///
/// One iteration runs 1,000 replications of the baseline alone (fixed seed, so every iteration
/// does the same work) into a fresh record log in the temporary directory, on one thread and on
/// two. With `scalingFactor: .kilo` the text output reads per replication: wall clock per
/// replication (replications per second = 10^6 / microseconds), mallocs per replication, and
/// throughput in replications per second (in K, in steps of 1,000, since the tool counts whole
/// batches per second). `--scale` shows the per-batch figures instead.
let benchmarks: @Sendable () -> Void = {
    let experiment = BaselineScenario.experiment()

    for threads in [1, 2] {
        Benchmark(
            "BatchRunner-aleppo-2024-\(threads)thread\(threads == 1 ? "" : "s")",
            configuration: .init(
                metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
                warmupIterations: 1,
                scalingFactor: .kilo,
                maxDuration: .seconds(5),
                maxIterations: 20
            )
        ) { benchmark in
            let replications = benchmark.scaledIterations.count
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("escsim-benchmark-\(getpid())-\(threads).records").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try? FileManager.default.removeItem(atPath: path)
            let log: RecordLog
            do {
                log = try RecordLog(path: path, groupWidth: experiment.layout.width * experiment.variantCount)
            } catch {
                benchmark.error("cannot open a record log: \(error)")
                return
            }
            let stop = StopFlag()

            benchmark.startMeasurement()
            let outcome = Result { () throws(FileWriteError) in
                try BatchRunner.run(experiment, range: 0..<replications, log: log, threads: threads, stop: stop)
            }
            benchmark.stopMeasurement()

            switch outcome {
            case .success(let report) where report.ending == .finished && report.completed == replications:
                break
            case .success(let report):
                benchmark.error("BatchRunner stopped (\(report.ending)) after \(report.completed) of \(replications)")
            case .failure(let error):
                benchmark.error("BatchRunner failed: \(error)")
            }
        }
    }

    replicationBenchmarks()
}

/// `Scenarios/aleppo-2024.yaml` of the main package, found from this file's location:
/// <repository>/Benchmarks/Benchmarks/ModelBenchmarks/ModelBenchmarks.swift.
enum BaselineScenario {
    static let path: String = {
        var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(4)  // ModelBenchmarks.swift, ModelBenchmarks, Benchmarks, Benchmarks
        return (components + ["Scenarios", "aleppo-2024.yaml"]).joined(separator: "/")
    }()

    /// The scenario's baseline alone, as an experiment with the default seed of `escsim run`;
    /// with `engine`, the scenario with that engine file of `Scenarios/` in place of its own
    /// (a copy of both in the temporary directory, since the loader reads the engine beside it).
    static func experiment(engine: String? = nil) -> Experiment {
        do {
            let scenario = try Scenario.load(path: try engine.map(copy(withEngine:)) ?? path)
            let variant = Experiment.Variant(name: scenario.name, title: scenario.title, draw: scenario.draw)
            return try Experiment(scenarios: [variant], variantNames: [Scenario.baselineName],
                                  seed: ExperimentPlan.defaultSeed)
        } catch {
            fatalError("cannot set up the baseline scenario \(path):\n\(error)")
        }
    }

    /// A copy of the scenario whose `engine:` line names `engine`, beside a copy of that engine.
    private static func copy(withEngine engine: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("escsim-benchmark-\(getpid())-scenario")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = URL(fileURLWithPath: path)
        let text = try String(contentsOf: source, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("engine:") ? "engine: \(engine)" : String(line)
        }
        guard lines.contains("engine: \(engine)") else {
            fatalError("\(path) has no `engine:` line to replace")
        }
        let copy = folder.appendingPathComponent(source.lastPathComponent)
        try lines.joined(separator: "\n").write(to: copy, atomically: true, encoding: .utf8)
        let engineCopy = folder.appendingPathComponent(engine)
        try? FileManager.default.removeItem(at: engineCopy)
        try FileManager.default.copyItem(
            at: source.deletingLastPathComponent().appendingPathComponent(engine), to: engineCopy)
        return copy.path
    }
}
