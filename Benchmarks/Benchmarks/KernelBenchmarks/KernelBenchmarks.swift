import Benchmark
import DiscreteEvent

/// The kernel suite: `DiscreteEvent.Simulation` driving PHOLD (see `Phold.swift`).
///
/// One iteration builds a fresh PHOLD simulation of 1,000 logical processes with their 1,000
/// initial events (outside the measurement, so the queue's growth is not counted), then runs
/// exactly 1,000,000 events. With `scalingFactor: .mega` the text output reads per event:
/// wall clock in ns per event, mallocs per event, throughput in events per second (in M; the
/// tool counts whole runs per second, so this column moves in steps of 1M events/s and the
/// wall clock is the precise figure). `--scale` shows per-run figures (mallocs per 1M events).
let benchmarks: @Sendable () -> Void = {
    let processCount = 1_000

    /// One measured PHOLD run of `benchmark.scaledIterations.count` events.
    func runPhold(_ benchmark: Benchmark) {
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

    Benchmark(
        "PHOLD-1000LP-1M-events",
        configuration: .init(
            metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
            warmupIterations: 1,
            scalingFactor: .mega,
            maxDuration: .seconds(10),
            maxIterations: 25
        ),
        closure: runPhold
    )

    // The same run counting mallocs alone. Sampling `peakMemoryResident` makes the framework's
    // sampler thread allocate (about 100 mallocs per 0.2 s run, counted process-wide); without
    // it the count is the kernel's and the model's alone, and should stay exactly 0.
    Benchmark(
        "PHOLD-1000LP-1M-events-mallocs",
        configuration: .init(
            metrics: [.mallocCountTotal, .mallocBytesCount],
            warmupIterations: 1,
            scalingFactor: .mega,
            maxDuration: .seconds(2),
            maxIterations: 5
        ),
        closure: runPhold
    )
}
