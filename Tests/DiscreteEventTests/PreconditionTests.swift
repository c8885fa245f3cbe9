import DiscreteEvent
import Testing

/// Misuse must stop the process rather than corrupt time; checked with exit tests.
@Suite("Preconditions")
struct PreconditionTests {
    @Test func schedulingAtANonFiniteTimeTraps() async {
        await #expect(processExitsWith: .failure) {
            var queue = EventQueue<Int>()
            queue.schedule(1, at: .nan)
        }
        await #expect(processExitsWith: .failure) {
            var queue = EventQueue<Int>()
            queue.schedule(1, at: .infinity)
        }
    }

    @Test func schedulingBeforeTheLastPoppedEventTraps() async {
        await #expect(processExitsWith: .failure) {
            var queue = EventQueue<Int>()
            queue.schedule(1, at: 5)
            _ = queue.popNext()
            queue.schedule(2, at: 4.999)
        }
    }

    @Test func schedulingBeforeTheSimulationStartTraps() async {
        await #expect(processExitsWith: .failure) {
            var simulation = Simulation(model: LoggingModel(), startTime: 10)
            simulation.queue.schedule(1, at: 9)
        }
    }

    @Test func modelSchedulingInThePastTraps() async {
        struct TimeTraveller: DiscreteEventModel {
            mutating func handle(_ event: Int, at time: Double, queue: inout EventQueue<Int>) {
                queue.schedule(event, at: time - 1)
            }
            var shouldStop: Bool { false }
        }
        await #expect(processExitsWith: .failure) {
            var simulation = Simulation(model: TimeTraveller())
            simulation.queue.schedule(0, at: 3)
            _ = simulation.run(until: 10, maxEvents: 10)
        }
    }

    @Test func schedulingBeforeAReachedHorizonTraps() async {
        await #expect(processExitsWith: .failure) {
            var simulation = Simulation(model: LoggingModel())
            simulation.queue.schedule(9, at: 9)
            _ = simulation.run(until: 8, maxEvents: 10)  // clock moves to the horizon, 8
            simulation.queue.schedule(1, at: 7)
        }
    }

    @Test func horizonBeforeNowTraps() async {
        await #expect(processExitsWith: .failure) {
            var simulation = Simulation(model: LoggingModel(), startTime: 4)
            _ = simulation.run(until: 3, maxEvents: 10)
        }
    }

    @Test func replacedQueueWithPastEventsTraps() async {
        await #expect(processExitsWith: .failure) {
            var simulation = Simulation(model: LoggingModel(), startTime: 4)
            var stale = EventQueue<Int>()
            stale.schedule(0, at: 1)
            simulation.queue = stale
            _ = simulation.run(until: 10, maxEvents: 10)
        }
    }
}
