import Testing

@testable import DiscreteEvent

/// White-box checks of the radix queue and the cancellation ledger (needs `@testable`).
@Suite("EventQueue storage")
struct EventQueueStorageTests {
    private struct Pending {
        var time: Double
        var priority: Int
        var sequence: Int
        var handle: EventHandle
    }

    /// Random interleaving of schedule, cancel (live and stale handles) and pop, compared
    /// step by step with a naive reference list, verifying every invariant after each step.
    @Test(arguments: [1, 2, 3])
    func randomOperationsMatchReference(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        var queue = EventQueue<Int>(minimumCapacity: 1)
        var reference: [Pending] = []
        var retired: [EventHandle] = []
        var sequence = 0
        var clock = 0.0

        for _ in 0..<4_000 {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0..<5:
                let time = clock + Double(Int.random(in: 0..<20, using: &generator))
                let priority = Int.random(in: 0..<3, using: &generator)
                let handle = queue.schedule(sequence, at: time, priority: priority)
                reference.append(Pending(time: time, priority: priority, sequence: sequence, handle: handle))
                sequence += 1
            case 5..<7:
                if !reference.isEmpty, Bool.random(using: &generator) {
                    let victim = reference.remove(at: Int.random(in: 0..<reference.count, using: &generator))
                    #expect(queue.cancel(victim.handle) == true)
                    retired.append(victim.handle)
                } else if let stale = retired.randomElement(using: &generator) {
                    #expect(queue.cancel(stale) == false)
                }
            default:
                let expected = reference.indices.min {
                    (reference[$0].time, reference[$0].priority, reference[$0].sequence)
                        < (reference[$1].time, reference[$1].priority, reference[$1].sequence)
                }
                let popped = queue.popNext()
                if let index = expected {
                    let pending = reference.remove(at: index)
                    #expect(popped?.event == pending.sequence)
                    #expect(popped?.time == pending.time)
                    retired.append(pending.handle)
                    clock = pending.time
                } else {
                    #expect(popped == nil)
                }
            }
            #expect(queue.count == reference.count)
            // Handles of events that left (run or cancelled) never match again; pending ones do,
            // including those scheduled behind the last pop at the clock's time.
            if let stale = retired.randomElement(using: &generator) { #expect(!queue.isPending(stale)) }
            if let live = reference.randomElement(using: &generator) { #expect(queue.isPending(live.handle)) }
            queue._verifyInvariants()
        }
        #expect(reference.allSatisfy { queue.isPending($0.handle) })
        #expect(retired.allSatisfy { !queue.isPending($0) })
    }

    /// A queue restarted for a second run of the same workload finds every list it needs
    /// already large enough, so the second run allocates nothing (lists never shrink; which
    /// buckets a run uses depends on the bits of its times, so a run over the same times uses
    /// the same ones).
    @Test func aRepeatedRunReusesStorage() {
        var queue = EventQueue<Int>(minimumCapacity: 8)
        var capacities: [[Int]] = []
        for _ in 0..<2 {
            queue._restart(at: 0)
            for i in 0..<100 {
                queue.schedule(i, at: Double(i))
            }
            for _ in 0..<10_000 {
                let (time, event) = queue.popNext()!
                queue.schedule(event, at: time + 100)
            }
            #expect(queue.count == 100)
            capacities.append(queue._events.capacities)
        }
        #expect(capacities[0] == capacities[1])
        #expect(queue._ledger.behind.isEmpty && queue._ledger.cancelled.isEmpty)
        queue._verifyInvariants()
    }

    /// Events go to the front heap when due at or before the boundary and to the bucket of
    /// their highest differing digit otherwise; times that are equal as numbers (0 and -0) are
    /// filed alike, and buckets sort like the times in them.
    @Test func bucketsSortLikeTheirTimes() {
        #expect(_EventKey.radix(0.0) == _EventKey.radix(-0.0))
        let times = [-1e300, -2.5, -1e-300, 0, 1e-300, 1, 1.5, 2, 1e300]
        for (earlier, later) in zip(times, times.dropFirst()) {
            #expect(_EventKey.radix(earlier) < _EventKey.radix(later))
        }
        var generator = SplitMix64(seed: 17)
        for _ in 0..<2_000 {
            let boundary = Double.random(in: 0..<1_000, using: &generator)
            let a = boundary + Double.random(in: 0..<100, using: &generator).nextUp
            let b = boundary + Double.random(in: 0..<100, using: &generator).nextUp
            let (bucketA, bucketB) = (
                _RadixQueue<Int>._bucket(of: _EventKey.radix(a), boundary: _EventKey.radix(boundary)),
                _RadixQueue<Int>._bucket(of: _EventKey.radix(b), boundary: _EventKey.radix(boundary))
            )
            #expect((1...256).contains(bucketA))
            #expect(a >= b || bucketA <= bucketB)
        }
        var queue = EventQueue<Int>()
        queue.schedule(0, at: 1)  // the first event sets the boundary
        queue.schedule(1, at: 1)
        queue.schedule(2, at: 3)
        let boundary = _EventKey.radix(1)
        #expect(queue._events.boundary == boundary)
        #expect(queue._events.list(0).count == 2)
        let bucket = _RadixQueue<Int>._bucket(of: _EventKey.radix(3), boundary: boundary)
        #expect(queue._events.list(bucket).map(\.event) == [2])
        #expect(queue._events.occupied.contains(bucket))
        queue._verifyInvariants()
    }

    /// An event scheduled at the clock's time with a lower priority runs before the one just
    /// popped would have; its handle is pending until it runs, and then not.
    @Test func eventsScheduledBehindTheLastPopAreTracked() {
        var queue = EventQueue<String>()
        queue.schedule("review", at: 5, priority: 1)
        queue.schedule("later", at: 9)
        #expect(queue.popNext()?.event == "review")
        let urgent = queue.schedule("urgent", at: 5, priority: 0)
        #expect(queue._ledger.behind.count == 1)
        #expect(queue.isPending(urgent))
        queue._verifyInvariants()
        #expect(queue.popNext()?.event == "urgent")
        #expect(!queue.isPending(urgent))
        #expect(queue._ledger.behind.isEmpty)
        #expect(queue.popNext()?.event == "later")
    }

    /// The storage is shared between copies until one of them changes: each copy then behaves
    /// as an independent queue (value semantics), and payloads with references are released.
    @Test func copiesAreIndependent() {
        var original = EventQueue<String>(minimumCapacity: 2)
        var handles: [EventHandle] = []
        for i in 0..<10 { handles.append(original.schedule("event \(i)", at: Double(10 - i))) }
        var copy = original
        let cancelled = copy.cancel(handles[9])  // the earliest event, at t = 1
        #expect(cancelled)
        copy.schedule("late", at: 100)
        _ = copy.popNext()
        let stillPending = original.isPending(handles[9])
        #expect(original.count == 10 && stillPending)
        #expect(original.popNext()?.event == "event 9")
        var popped: [String] = []
        while let next = copy.popNext() { popped.append(next.event) }
        #expect(popped == (0..<8).reversed().map { "event \($0)" } + ["late"])
        let third = original
        original.removeAll()
        #expect(third.count == 9 && original.isEmpty)
        original._verifyInvariants()
        third._verifyInvariants()
    }

    @Test func removeAllKeepsCapacity() {
        var queue = EventQueue<String>(minimumCapacity: 0)
        for i in 0..<500 {
            queue.schedule("event \(i)", at: 1)
        }
        let capacities = queue._events.capacities
        queue.removeAll()
        queue._verifyInvariants()
        #expect(queue._events.capacities == capacities)
        #expect(queue._events.count == 0)
    }

    @Test func payloadsAreReleasedWhenEventsLeave() {
        final class Token {}
        weak var popped: Token?
        weak var cancelled: Token?
        weak var cleared: Token?
        var queue = EventQueue<Token>()
        do {
            let a = Token()
            let b = Token()
            let c = Token()
            popped = a
            cancelled = b
            cleared = c
            queue.schedule(a, at: 1)
            let handle = queue.schedule(b, at: 2)
            queue.schedule(c, at: 3)
            _ = queue.popNext()
            queue.cancel(handle)
        }
        #expect(popped == nil)
        #expect(cancelled == nil)
        #expect(cleared != nil)
        queue.removeAll()
        #expect(cleared == nil)
    }
}
