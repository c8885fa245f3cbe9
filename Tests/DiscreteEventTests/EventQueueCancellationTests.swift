import DiscreteEvent
import Testing

@Suite("EventQueue cancellation")
struct EventQueueCancellationTests {
    /// Five events at times 1...5 carrying their own time as payload.
    private func fiveEvents() -> (EventQueue<Int>, [EventHandle]) {
        var queue = EventQueue<Int>()
        let handles = (1...5).map { queue.schedule($0, at: Double($0)) }
        return (queue, handles)
    }

    @Test func cancelMiddle() {
        var (queue, handles) = fiveEvents()
        #expect(queue.cancel(handles[2]) == true)
        #expect(queue.count == 4)
        #expect(queue.isPending(handles[2]) == false)
        #expect(queue.drain().map(\.event) == [1, 2, 4, 5])
    }

    @Test func cancelFirst() {
        var (queue, handles) = fiveEvents()
        #expect(queue.nextTime == 1)
        #expect(queue.cancel(handles[0]) == true)
        #expect(queue.count == 4)
        #expect(queue.nextTime == 2)
        #expect(queue.drain().map(\.event) == [2, 3, 4, 5])
    }

    @Test func cancelLast() {
        var (queue, handles) = fiveEvents()
        #expect(queue.cancel(handles[4]) == true)
        #expect(queue.count == 4)
        #expect(queue.drain().map(\.event) == [1, 2, 3, 4])
    }

    @Test func cancelTwiceReturnsFalseTheSecondTime() {
        var (queue, handles) = fiveEvents()
        #expect(queue.cancel(handles[1]) == true)
        #expect(queue.cancel(handles[1]) == false)
        #expect(queue.count == 4)
    }

    @Test func cancelAfterRunReturnsFalse() {
        var (queue, handles) = fiveEvents()
        #expect(queue.isPending(handles[0]) == true)
        let popped = queue.popNext()
        #expect(popped?.event == 1)
        #expect(queue.isPending(handles[0]) == false)
        #expect(queue.cancel(handles[0]) == false)
        #expect(queue.count == 4)
        #expect(queue.drain().map(\.event) == [2, 3, 4, 5])
    }

    @Test func cancelEverything() {
        var (queue, handles) = fiveEvents()
        for (cancelled, handle) in handles.reversed().enumerated() {
            #expect(queue.cancel(handle) == true)
            #expect(queue.count == 4 - cancelled)
        }
        #expect(queue.isEmpty)
        #expect(queue.nextTime == nil)
        #expect(queue.popNext() == nil)
    }

    @Test func staleHandleDoesNotCancelTheEventThatReusedItsStorage() {
        var queue = EventQueue<String>()
        let old = queue.schedule("old", at: 1)
        #expect(queue.popNext()?.event == "old")
        let new = queue.schedule("new", at: 2)  // reuses the freed storage
        #expect(old != new)
        #expect(queue.cancel(old) == false)
        #expect(queue.isPending(new) == true)
        #expect(queue.popNext()?.event == "new")
    }

    @Test func handlesAreDistinctAndHashable() {
        var queue = EventQueue<Int>()
        let handles = (0..<1_000).map { queue.schedule($0, at: 0) }
        #expect(Set(handles).count == 1_000)
    }

    @Test func cancelledEventNeverExecutes() {
        var simulation = Simulation(model: LoggingModel())
        var handles: [EventHandle] = []
        for i in 0..<50 {
            handles.append(simulation.queue.schedule(i, at: Double(i % 10), priority: i % 3))
        }
        let cancelled = Set(stride(from: 0, to: 50, by: 7))
        for i in cancelled {
            #expect(simulation.queue.cancel(handles[i]) == true)
        }
        #expect(simulation.queue.count == 50 - cancelled.count)
        let summary = simulation.run(until: .infinity, maxEvents: 1_000)
        #expect(summary.reason == .queueExhausted)
        #expect(summary.eventsProcessed == 50 - cancelled.count)
        let executed = Set(simulation.model.handled.map(\.event))
        #expect(executed.isDisjoint(with: cancelled))
        #expect(executed.count == 50 - cancelled.count)
    }

    /// A model that cancels a pending event from inside `handle`: the usual timeout pattern.
    @Test func cancellingFromInsideAModel() {
        struct Timeout: DiscreteEventModel {
            enum Event { case start, finish, timeout }
            var timeoutHandle: EventHandle?
            var log: [Event] = []
            mutating func handle(_ event: Event, at time: Double, queue: inout EventQueue<Event>) {
                log.append(event)
                switch event {
                case .start:
                    timeoutHandle = queue.schedule(.timeout, at: time + 10)
                    queue.schedule(.finish, at: time + 3)
                case .finish:
                    if let handle = timeoutHandle { queue.cancel(handle) }
                case .timeout:
                    break
                }
            }
            var shouldStop: Bool { false }
        }
        var simulation = Simulation(model: Timeout())
        simulation.queue.schedule(.start, at: 0)
        let summary = simulation.run(until: 100, maxEvents: 10)
        #expect(simulation.model.log == [.start, .finish])
        #expect(summary.reason == .queueExhausted)
        #expect(summary.endTime == 3)
    }
}
