import Benchmark
import EscalationModel
import Experiments
import Foundation
import Scenario

/// Replications one after another on one thread in one warmed-up `ReplicationWorkspace`, as a
/// batch worker runs them (`Experiment.runGroup(replication:workspace:into:)`: parameter draws,
/// set-up, the run, the outcome and its record), without the threads and the record log of
/// `BatchRunner`. One replication runs before the measurement, so the figures are those of a
/// worker's steady state, the state issue 17 asks about.
///
/// - `replications-<case>-mallocs`: mallocs per replication (no other metric: the memory
///   sampler allocates on its own thread). Everything the model, the parameter draws and the
///   record take comes from the workspace, so what remains is the event kernel's queue, which
///   `Simulation.init` allocates (its storage, 2 mallocs).
/// - `replications-<case>-events`: wall clock per replication, and `events/s`, the model's event
///   rate: events the kernel executed over all replications of the iteration, divided by the
///   iteration's wall time (everything per replication included). Compare it with
///   `PHOLD-1000LP-1M-events` of the kernel suite.
///
/// Cases: `aleppo-2024`, the baseline of `Scenarios/aleppo-2024.yaml`, and
/// `aleppo-2024-calibrated`, the same scenario with the engine the calibration wrote
/// (`Scenarios/engine.calibrated.yaml`).
func replicationBenchmarks() {
    let cases: [(name: String, experiment: Experiment)] = [
        ("aleppo-2024", BaselineScenario.experiment()),
        ("aleppo-2024-calibrated", BaselineScenario.experiment(engine: "engine.calibrated.yaml")),
    ]
    for (name, experiment) in cases {
        Benchmark(
            "replications-\(name)-mallocs",
            configuration: .init(
                metrics: [.mallocCountTotal], warmupIterations: 1, scalingFactor: .kilo,
                maxDuration: .seconds(5), maxIterations: 10)
        ) { benchmark in
            var run = ReplicationLoop(experiment: experiment)
            benchmark.startMeasurement()
            _ = run.replications(benchmark.scaledIterations.count)
            benchmark.stopMeasurement()
        }

        let eventRate = BenchmarkMetric.custom("events/s", polarity: .prefersLarger, useScalingFactor: false)
        Benchmark(
            "replications-\(name)-events",
            configuration: .init(
                metrics: [.wallClock, eventRate], warmupIterations: 1, scalingFactor: .kilo,
                maxDuration: .seconds(5), maxIterations: 20)
        ) { benchmark in
            var run = ReplicationLoop(experiment: experiment)
            let clock = ContinuousClock()
            let start = clock.now
            benchmark.startMeasurement()
            let events = run.replications(benchmark.scaledIterations.count)
            benchmark.stopMeasurement()
            let seconds = (clock.now - start) / .seconds(1)
            benchmark.measurement(eventRate, Int((Double(events) / seconds).rounded()))
        }
    }
}

/// Replications 1, 2, ... of an experiment's baseline in one workspace, after replication 0 has
/// warmed it up (its arrays, streams and the record buffer have their sizes).
struct ReplicationLoop {
    let experiment: Experiment
    let workspace = ReplicationWorkspace()
    var record: [Double] = []
    /// Where a record holds the number of events the kernel executed.
    let eventsOffset: Int

    init(experiment: Experiment) {
        self.experiment = experiment
        guard let column = experiment.layout.outcomes.firstIndex(where: { $0.name == "events" }) else {
            fatalError("the outcome columns have no 'events'")
        }
        eventsOffset = experiment.layout.outcomeOffset + column
        experiment.runGroup(replication: 0, workspace: workspace, into: &record)
    }

    /// Runs `count` replications; returns the events they executed.
    mutating func replications(_ count: Int) -> Int {
        var events = 0
        for replication in 1...max(1, count) {
            experiment.runGroup(replication: replication, workspace: workspace, into: &record)
            events += Int(record[eventsOffset])
        }
        return events
    }
}
