import DiscreteEvent
import Testing

@Suite("Simulation stop rules")
struct SimulationStopTests {
    @Test func maxEventsGuardStopsARunawayModel() {
        var simulation = Simulation(model: RunawayModel(), startTime: 5)
        simulation.queue.schedule((), at: 5)
        let summary = simulation.run(until: .infinity, maxEvents: 1_000)
        #expect(summary.reason == .maxEventsReached)
        #expect(summary.eventsProcessed == 1_000)
        #expect(summary.endTime == 5)
        #expect(simulation.eventsProcessed == 1_000)
        #expect(simulation.model.handledCount == 1_000)
        #expect(simulation.now == 5)
        #expect(simulation.queue.count == 1)  // the next runaway event stays queued
    }

    @Test func maxEventsIsABudgetPerCall() {
        var simulation = Simulation(model: RunawayModel())
        simulation.queue.schedule((), at: 0)
        _ = simulation.run(until: 1, maxEvents: 10)
        let second = simulation.run(until: 1, maxEvents: 15)
        #expect(second.reason == .maxEventsReached)
        #expect(second.eventsProcessed == 15)
        #expect(simulation.eventsProcessed == 25)
    }

    @Test func zeroBudgetExecutesNothing() {
        var simulation = Simulation(model: LoggingModel())
        simulation.queue.schedule(1, at: 0)
        let summary = simulation.run(until: 10, maxEvents: 0)
        #expect(summary.reason == .maxEventsReached)
        #expect(summary.eventsProcessed == 0)
        #expect(simulation.queue.count == 1)
    }

    @Test func budgetSpentExactlyAsTheQueueRunsDryIsExhaustion() {
        var simulation = Simulation(model: LoggingModel())
        for i in 0..<3 {
            simulation.queue.schedule(i, at: Double(i))
        }
        let summary = simulation.run(until: 10, maxEvents: 3)
        #expect(summary.reason == .queueExhausted)
        #expect(summary.eventsProcessed == 3)
    }

    @Test func horizonRunsEventsAtTheHorizonAndKeepsLaterOnes() {
        var simulation = Simulation(model: LoggingModel())
        for time in [1.0, 2.0, 3.0, 3.0, 3.000_000_1, 4.0] {
            simulation.queue.schedule(Int(time * 10), at: time)
        }
        let summary = simulation.run(until: 3, maxEvents: 100)
        #expect(summary.reason == .horizonReached)
        #expect(summary.endTime == 3)
        #expect(summary.eventsProcessed == 4)
        #expect(simulation.now == 3)
        #expect(simulation.model.handled.map(\.time) == [1, 2, 3, 3])
        #expect(simulation.queue.count == 2)
        #expect(simulation.queue.nextTime == 3.000_000_1)
    }

    @Test func horizonBetweenEventsAdvancesTheClockToIt() {
        var simulation = Simulation(model: LoggingModel())
        simulation.queue.schedule(1, at: 1)
        simulation.queue.schedule(9, at: 9)
        let summary = simulation.run(until: 5, maxEvents: 100)
        #expect(summary.reason == .horizonReached)
        #expect(summary.endTime == 5)
        #expect(simulation.now == 5)
        // Events can be added at the horizon but not before it.
        simulation.queue.schedule(5, at: 5)
        let rest = simulation.run(until: .infinity, maxEvents: 100)
        #expect(rest.reason == .queueExhausted)
        #expect(rest.endTime == 9)
        #expect(simulation.model.handled.map(\.event) == [1, 5, 9])
    }

    @Test func resumingContinuesWhereTheLastRunStopped() {
        var model = LoggingModel()
        model.rescheduleDelay = 1
        var simulation = Simulation(model: model)
        simulation.queue.schedule(0, at: 0)
        var summaries: [RunSummary] = []
        for horizon in stride(from: 10.0, through: 30, by: 10) {
            summaries.append(simulation.run(until: horizon, maxEvents: 1_000))
        }
        #expect(summaries.map(\.reason) == [.horizonReached, .horizonReached, .horizonReached])
        #expect(summaries.map(\.eventsProcessed) == [11, 10, 10])
        #expect(summaries.map(\.endTime) == [10, 20, 30])
        #expect(simulation.eventsProcessed == 31)
        #expect(simulation.model.handled.map(\.time) == (0...30).map(Double.init))
    }

    @Test func stopConditionIsCheckedAfterEveryEvent() {
        var model = LoggingModel()
        model.rescheduleDelay = 0.5
        model.stopAfter = 7
        var simulation = Simulation(model: model)
        simulation.queue.schedule(1, at: 0)
        simulation.queue.schedule(2, at: 0)
        let summary = simulation.run(until: .infinity, maxEvents: 1_000)
        #expect(summary.reason == .stopCondition)
        #expect(summary.eventsProcessed == 7)
        #expect(summary.endTime == 1.5)
        #expect(simulation.now == 1.5)
        #expect(simulation.model.handled.count == 7)
    }

    @Test func stoppedModelIsNotAdvancedByAnotherRun() {
        var model = LoggingModel()
        model.rescheduleDelay = 1
        model.stopAfter = 2
        var simulation = Simulation(model: model)
        simulation.queue.schedule(0, at: 0)
        #expect(simulation.run(until: 100, maxEvents: 100).reason == .stopCondition)
        let again = simulation.run(until: 100, maxEvents: 100)
        #expect(again.reason == .stopCondition)
        #expect(again.eventsProcessed == 0)
        #expect(simulation.model.handled.count == 2)
    }

    @Test func queueExhausted() {
        var simulation = Simulation(model: LoggingModel(), startTime: 2)
        simulation.queue.schedule(7, at: 2.5)
        simulation.queue.schedule(8, at: 4)
        let summary = simulation.run(until: 100, maxEvents: 100)
        #expect(summary.reason == .queueExhausted)
        #expect(summary.eventsProcessed == 2)
        #expect(summary.endTime == 4)
        #expect(simulation.now == 4)
    }

    @Test func emptyQueueAtTheStartIsExhaustion() {
        var simulation = Simulation(model: LoggingModel(), startTime: -3)
        let summary = simulation.run(until: 10, maxEvents: 100)
        #expect(summary.reason == .queueExhausted)
        #expect(summary.eventsProcessed == 0)
        #expect(summary.endTime == -3)
    }

    @Test func stopReasonRawValues() {
        #expect(StopReason.horizonReached.rawValue == "horizon")
        #expect(StopReason.stopCondition.rawValue == "stop-condition")
        #expect(StopReason.queueExhausted.rawValue == "queue-exhausted")
        #expect(StopReason.maxEventsReached.rawValue == "max-events")
        #expect(StopReason(rawValue: "max-events") == .maxEventsReached)
    }

    /// A restarted simulation runs a new model exactly as a fresh one does, from an earlier
    /// start time, with the old run's events and handles gone.
    @Test func restartRunsLikeAFreshSimulation() {
        var reused = Simulation(model: LoggingModel(rescheduleDelay: 1.5), startTime: 10)
        reused.queue.schedule(7, at: 10)
        let old = reused.queue.schedule(8, at: 30)
        _ = reused.run(until: 20, maxEvents: 100)
        reused.restart(with: LoggingModel(rescheduleDelay: 0.5), at: 2)

        var fresh = Simulation(model: LoggingModel(rescheduleDelay: 0.5), startTime: 2)
        for events in [[1, 2], [3]] {
            for event in events {
                reused.queue.schedule(event, at: 2 + Double(event))
                fresh.queue.schedule(event, at: 2 + Double(event))
            }
        }
        #expect(reused.now == 2 && reused.eventsProcessed == 0 && reused.queue.count == 3)
        #expect(!reused.queue.isPending(old))
        let reusedSummary = reused.run(until: 8, maxEvents: 100)
        let freshSummary = fresh.run(until: 8, maxEvents: 100)
        #expect(reusedSummary.eventsProcessed == freshSummary.eventsProcessed)
        #expect(reused.model.handled.map(\.time) == fresh.model.handled.map(\.time))
        #expect(reused.model.handled.map(\.event) == fresh.model.handled.map(\.event))
    }

    /// A simulation handed an earlier simulation's queue runs exactly as one with a new queue.
    @Test func aReusedQueueRunsLikeANewOne() {
        var first = Simulation(model: LoggingModel(rescheduleDelay: 2), startTime: 4)
        first.queue.schedule(1, at: 5)
        _ = first.run(until: 50, maxEvents: 100)
        var reused = Simulation(model: LoggingModel(rescheduleDelay: 0.25), queue: first.queue, startTime: 1)
        var fresh = Simulation(model: LoggingModel(rescheduleDelay: 0.25), startTime: 1)
        #expect(reused.queue.isEmpty && reused.now == 1)
        for event in 0..<3 {
            reused.queue.schedule(event, at: 1 + Double(event) / 3)
            fresh.queue.schedule(event, at: 1 + Double(event) / 3)
        }
        _ = reused.run(until: 6, maxEvents: 1_000)
        _ = fresh.run(until: 6, maxEvents: 1_000)
        #expect(reused.model.handled.map(\.time) == fresh.model.handled.map(\.time))
        #expect(reused.model.handled.map(\.event) == fresh.model.handled.map(\.event))
        #expect(reused.eventsProcessed == fresh.eventsProcessed)
    }
}
