import DiscreteEvent
import Testing

@Suite("EventQueue ordering")
struct EventQueueOrderingTests {
    @Test func emptyQueue() {
        var queue = EventQueue<String>()
        #expect(queue.isEmpty)
        #expect(queue.count == 0)
        #expect(queue.nextTime == nil)
        #expect(queue.popNext() == nil)
    }

    @Test func popsInTimeOrder() {
        var queue = EventQueue<String>(minimumCapacity: 0)
        queue.schedule("c", at: 3.5)
        queue.schedule("a", at: -1.0)
        queue.schedule("d", at: 10)
        queue.schedule("b", at: 0)
        #expect(queue.count == 4)
        #expect(queue.nextTime == -1.0)
        let popped = queue.drain()
        #expect(popped.map(\.event) == ["a", "b", "c", "d"])
        #expect(popped.map(\.time) == [-1.0, 0, 3.5, 10])
        #expect(queue.isEmpty)
    }

    @Test func lowerPriorityRunsFirstAtEqualTimes() {
        var queue = EventQueue<String>()
        queue.schedule("late-default", at: 2)
        queue.schedule("urgent", at: 2, priority: -5)
        queue.schedule("deferred", at: 2, priority: 3)
        queue.schedule("earlier-time-but-low-priority", at: 1, priority: 100)
        #expect(
            queue.drain().map(\.event)
                == ["earlier-time-but-low-priority", "urgent", "late-default", "deferred"])
    }

    @Test func insertionOrderBreaksRemainingTies() {
        var queue = EventQueue<Int>()
        for i in 0..<100 {
            queue.schedule(i, at: 7, priority: 1)
        }
        #expect(queue.drain().map(\.event) == Array(0..<100))
    }

    /// Thousands of events over three times and three priorities: nearly everything ties.
    @Test func manyTiesResolveByTimeThenPriorityThenSequence() {
        var generator = SplitMix64(seed: 42)
        var queue = EventQueue<Int>(minimumCapacity: 4)
        var reference: [(time: Double, priority: Int, sequence: Int)] = []
        for sequence in 0..<3_000 {
            let time = Double(Int.random(in: 0...2, using: &generator))
            let priority = Int.random(in: -1...1, using: &generator)
            queue.schedule(sequence, at: time, priority: priority)
            reference.append((time, priority, sequence))
        }
        reference.sort { ($0.time, $0.priority, $0.sequence) < ($1.time, $1.priority, $1.sequence) }
        let popped = queue.drain()
        #expect(popped.map(\.event) == reference.map(\.sequence))
        #expect(popped.map(\.time) == reference.map(\.time))
    }

    @Test func tenThousandRandomEventsPopSorted() {
        var generator = SplitMix64(seed: 2024)
        var queue = EventQueue<Int>()
        var reference: [(time: Double, priority: Int, sequence: Int)] = []
        reference.reserveCapacity(10_000)
        for sequence in 0..<10_000 {
            // Coarse times so that a good share of events tie on time, and some on priority.
            let time = Double(Int.random(in: 0..<2_000, using: &generator)) / 4
            let priority = Int.random(in: -3...3, using: &generator)
            queue.schedule(sequence, at: time, priority: priority)
            reference.append((time, priority, sequence))
        }
        #expect(queue.count == 10_000)
        reference.sort { ($0.time, $0.priority, $0.sequence) < ($1.time, $1.priority, $1.sequence) }
        let popped = queue.drain()
        #expect(popped.count == 10_000)
        #expect(popped.map(\.event) == reference.map(\.sequence))
        #expect(popped.map(\.time) == reference.map(\.time))
    }

    @Test func eventsScheduledWhileDrainingKeepTheOrder() {
        var queue = EventQueue<String>()
        queue.schedule("first", at: 1)
        queue.schedule("third", at: 2)
        let first = queue.popNext()
        #expect(first?.event == "first")
        // At the current time, behind nothing else due now: runs next.
        queue.schedule("second", at: 1)
        queue.schedule("fourth", at: 2)
        #expect(queue.drain().map(\.event) == ["second", "third", "fourth"])
    }

    @Test func signedZeroTimesTieAndFallBackToSequence() {
        var queue = EventQueue<String>()
        queue.schedule("positive-zero", at: 0.0)
        queue.schedule("negative-zero", at: -0.0)
        #expect(queue.drain().map(\.event) == ["positive-zero", "negative-zero"])
    }

    @Test func removeAllEmptiesButKeepsWorking() {
        var queue = EventQueue<Int>()
        let handles = (0..<10).map { queue.schedule($0, at: Double($0)) }
        queue.removeAll()
        #expect(queue.isEmpty)
        #expect(queue.nextTime == nil)
        #expect(handles.allSatisfy { !queue.isPending($0) })
        #expect(handles.allSatisfy { !queue.cancel($0) })
        queue.schedule(42, at: 3)
        queue.schedule(41, at: 2)
        // Old handles must not alias the new events that reuse their storage.
        #expect(handles.allSatisfy { !queue.isPending($0) })
        #expect(queue.drain().map(\.event) == [41, 42])
    }
}
