import DiscreteEvent
import Testing

@Suite("Simulation tracing")
struct SimulationTracerTests {
    @Test func tracerSeesEveryExecutedEventInOrder() {
        var model = LoggingModel()
        model.rescheduleDelay = 2.5
        var simulation = Simulation(model: model)
        var generator = SplitMix64(seed: 7)
        for i in 0..<40 {
            simulation.queue.schedule(i, at: Double(Int.random(in: 0..<10, using: &generator)), priority: i % 4)
        }
        let cancelled = simulation.queue.schedule(-1, at: 3)
        simulation.queue.cancel(cancelled)

        var tracer = RecordingTracer<Int>()
        let summary = simulation.run(until: 20, maxEvents: 10_000, tracer: &tracer)

        #expect(summary.reason == .horizonReached)
        #expect(tracer.records.count == summary.eventsProcessed)
        #expect(tracer.records.map(\.time) == simulation.model.handled.map(\.time))
        #expect(tracer.records.map(\.event) == simulation.model.handled.map(\.event))
        #expect(!tracer.records.contains { $0.event == -1 })
        let times = tracer.records.map(\.time)
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(times.last.map { $0 <= 20 } ?? false)
    }

    @Test func tracerAccumulatesAcrossRuns() {
        var model = LoggingModel()
        model.rescheduleDelay = 1
        var simulation = Simulation(model: model)
        simulation.queue.schedule(0, at: 0)
        var tracer = RecordingTracer<Int>()
        _ = simulation.run(until: 4, maxEvents: 100, tracer: &tracer)
        _ = simulation.run(until: 9, maxEvents: 100, tracer: &tracer)
        #expect(tracer.records.map(\.time) == (0...9).map(Double.init))
    }

    @Test func noTracerRunMatchesTracedRun() {
        func makeSimulation() -> Simulation<LoggingModel> {
            var model = LoggingModel()
            model.rescheduleDelay = 0.75
            var simulation = Simulation(model: model)
            for i in 0..<5 {
                simulation.queue.schedule(i, at: Double(i) / 3)
            }
            return simulation
        }
        var plain = makeSimulation()
        var traced = makeSimulation()
        var tracer = RecordingTracer<Int>()
        let plainSummary = plain.run(until: 50, maxEvents: 10_000)
        let tracedSummary = traced.run(until: 50, maxEvents: 10_000, tracer: &tracer)
        #expect(plainSummary == tracedSummary)
        #expect(plain.model.handled.map(\.event) == tracer.records.map(\.event))
    }
}
