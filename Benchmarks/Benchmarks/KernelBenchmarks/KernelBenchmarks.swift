import Benchmark
import DiscreteEvent

/// The kernel suite: `DiscreteEvent.Simulation` driving PHOLD.
///
/// One iteration builds a fresh PHOLD simulation of 1,000 logical processes (outside the
/// measurement), then runs exactly 1,000,000 events. With `scalingFactor: .mega` the text
/// output divides by 10^6, so throughput reads as events per second and wall clock and
/// mallocs read per event; `--scale` shows the per-run figures instead.
let benchmarks: @Sendable () -> Void = {
    let processCount = 1_000

    Benchmark(
        "PHOLD-1000LP-1M-events",
        configuration: .init(
            metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
            warmupIterations: 1,
            scalingFactor: .mega,
            maxDuration: .seconds(10),
            maxIterations: 25
        )
    ) { benchmark in
        let events = benchmark.scaledIterations.count
        var simulation = Simulation<Phold>.phold(processCount: processCount, seed: 20_241_127)

        benchmark.startMeasurement()
        let summary = simulation.run(until: .infinity, maxEvents: events)
        benchmark.stopMeasurement()

        if summary.eventsProcessed != events || simulation.queue.count != processCount {
            benchmark.error(
                "PHOLD ran \(summary.eventsProcessed) of \(events) events (\(summary.reason.rawValue)), "
                    + "\(simulation.queue.count) pending instead of \(processCount)")
        }
        blackHole(simulation.model.received)
    }
}
