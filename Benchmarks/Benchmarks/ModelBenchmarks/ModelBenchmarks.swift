import Benchmark
import Experiments
import Scenario

/// The model suite: whole batches of the baseline scenario through `BatchRunner`, as
/// `escsim run` does them minus the CSV and JSON output.
///
/// One iteration runs 1,000 replications (fixed seed, so every iteration does the same work),
/// on one thread and on two. With `scalingFactor: .kilo` the text output reads per replication:
/// wall clock per replication (replications per second = 10^6 / microseconds), mallocs per
/// replication, and throughput in replications per second (in K, in steps of 1,000, since the
/// tool counts whole batches per second). `--scale` shows the per-batch figures instead.
let benchmarks: @Sendable () -> Void = {
    let scenario = BaselineScenario.load()

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
            let configuration = BatchConfiguration(
                scenario: scenario, seed: 20_241_127, replications: replications, threads: threads)
            let records = BatchRunner.run(configuration)
            if records.count != replications {
                benchmark.error("BatchRunner returned \(records.count) records for \(replications) replications")
            }
            blackHole(records)
        }
    }
}

/// `Scenarios/aleppo-2024.yaml` of the main package, found from this file's location:
/// <repository>/Benchmarks/Benchmarks/ModelBenchmarks/ModelBenchmarks.swift.
enum BaselineScenario {
    static let path: String = {
        var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(4)  // ModelBenchmarks.swift, ModelBenchmarks, Benchmarks, Benchmarks
        return (components + ["Scenarios", "aleppo-2024.yaml"]).joined(separator: "/")
    }()

    static func load() -> Scenario {
        do {
            return try Scenario.load(path: path)
        } catch {
            fatalError("cannot load the baseline scenario \(path):\n\(error)")
        }
    }
}
