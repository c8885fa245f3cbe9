import Benchmark
import DiscreteEvent

/// The kernel suite: `DiscreteEvent.Simulation` driving PHOLD (see `Phold.swift`).
///
/// One iteration builds a fresh PHOLD simulation of 1,000 logical processes with their 1,000
/// initial events (outside the measurement, so the queue's growth is not counted), then runs
/// exactly 1,000,000 events. The same runs with 10^5 and 10^6 processes keep that many events
/// pending, where the queue's structure matters most; they first run as many events as there
/// are processes outside the measurement, so that the queue's lists have grown to their working
/// sizes. With `scalingFactor: .mega` the text output reads per event:
/// wall clock in ns per event, mallocs per event, throughput in events per second (in M; the
/// tool counts whole runs per second, so this column moves in steps of 1M events/s and the
/// wall clock is the precise figure). `--scale` shows per-run figures (mallocs per 1M events).
let benchmarks: @Sendable () -> Void = {
    /// One measured PHOLD run of `benchmark.scaledIterations.count` events on `processCount`
    /// processes, after `warmUp` unmeasured events.
    func runPhold(_ benchmark: Benchmark, processCount: Int, warmUp: Int) {
        let events = benchmark.scaledIterations.count
        var simulation = Simulation<Phold>.phold(processCount: processCount, seed: 20_241_127)
        _ = simulation.run(until: .infinity, maxEvents: warmUp)

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

    for (name, processCount, warmUp) in [
        ("1000LP", 1_000, 0), ("100000LP", 100_000, 100_000), ("1000000LP", 1_000_000, 1_000_000),
    ] {
        Benchmark(
            "PHOLD-\(name)-1M-events",
            configuration: .init(
                metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
                warmupIterations: 1,
                scalingFactor: .mega,
                maxDuration: .seconds(10),
                maxIterations: 25
            )
        ) { benchmark in
            runPhold(benchmark, processCount: processCount, warmUp: warmUp)
        }
    }

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
        )
    ) { benchmark in
        runPhold(benchmark, processCount: 1_000, warmUp: 0)
    }
}
