import Benchmark
import Experiments
import Scenario

/// The model suite: whole batches of the baseline scenario through `BatchRunner`, as
/// `escsim run` does them minus the CSV and JSON output.
///
/// One iteration runs 200 replications (seed fixed, so every iteration does the same work).
/// Throughput is batches per second: multiply by 200 for replications per second. Wall clock
/// per batch divided by 200 is the time per replication.
let benchmarks: @Sendable () -> Void = {
    let scenario = BaselineScenario.load()
    let replications = 200

    for threads in [1, 2] {
        Benchmark(
            "BatchRunner-aleppo-2024-\(replications)reps-\(threads)thread\(threads == 1 ? "" : "s")",
            configuration: .init(
                metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
                warmupIterations: 1,
                maxDuration: .seconds(10),
                maxIterations: 30
            )
        ) { benchmark in
            let records = BatchRunner.run(
                BatchConfiguration(scenario: scenario, seed: 20_241_127, replications: replications, threads: threads))
            if records.count != replications {
                benchmark.error("BatchRunner returned \(records.count) records for \(replications) replications")
            }
            blackHole(records)
        }
    }
}

/// `Scenarios/aleppo-2024.yaml` of the main package, found from this file's location:
/// Benchmarks/Benchmarks/ModelBenchmarks/ -> three levels up is the repository root.
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
