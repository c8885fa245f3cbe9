/// A future-event list: a priority queue of timestamped events for discrete-event simulation.
///
/// Events come out in a fully deterministic order:
///
/// 1. earlier `time` first;
/// 2. at equal times, lower `priority` first;
/// 3. at equal time and priority, the event scheduled first runs first.
///
///     var queue = EventQueue<String>()
///     queue.schedule("b", at: 2.0)
///     let late = queue.schedule("c", at: 5.0)
///     queue.schedule("a", at: 2.0, priority: -1)
///     queue.cancel(late)
///     queue.popNext()  // (time: 2.0, event: "a")
///     queue.popNext()  // (time: 2.0, event: "b")
///     queue.popNext()  // nil
///
/// The queue keeps a clock: the time of the last event it handed out. Scheduling an event
/// before that time is a precondition failure, so a simulation driven by the queue can never
/// run backwards.
///
/// Storage is a 4-ary min-heap of entries (ordering key and payload) plus a slot table that
/// makes events cancellable, both in one copy-on-write buffer. Slots are recycled, so once the
/// queue has reached its largest size, scheduling, popping and cancelling allocate nothing.
public struct EventQueue<Event> {
    /// Entries (ordering keys and payloads), slot bookkeeping and sequence numbers.
    @usableFromInline
    internal var _heap: _EventHeap<Event>

    /// The time of the most recently popped event (or a start time set by `Simulation`);
    /// no event may be scheduled before it. Starts at minus infinity.
    @usableFromInline
    internal var _clock: Double

    /// Creates an empty queue with room for `minimumCapacity` pending events before its
    /// storage has to grow.
    ///
    /// - Complexity: O(`minimumCapacity`) for the allocation.
    @inlinable
    public init(minimumCapacity: Int = 64) {
        precondition(
            minimumCapacity >= 0,
            "EventQueue minimumCapacity must not be negative (got \(minimumCapacity))")
        _heap = _EventHeap(minimumCapacity: minimumCapacity)
        _clock = -.infinity
    }
}

extension EventQueue: Sendable where Event: Sendable {}

extension EventQueue {
    /// The number of pending (scheduled, not yet popped, not cancelled) events.
    ///
    /// - Complexity: O(1)
    @inlinable
    public var count: Int { _heap.count }

    /// True if no event is pending.
    ///
    /// - Complexity: O(1)
    @inlinable
    public var isEmpty: Bool { _heap.count == 0 }

    /// The time of the event `popNext()` would return, or `nil` if the queue is empty.
    ///
    /// - Complexity: O(1)
    @inlinable
    public var nextTime: Double? { _heap.firstTime }

    /// Schedules `event` to happen at `time`.
    ///
    /// - Parameters:
    ///   - event: The payload handed back by `popNext()`.
    ///   - time: When the event happens. Must be finite and not earlier than the last
    ///     popped event.
    ///   - priority: Orders events due at the same time; lower values run first.
    /// - Returns: A handle for `cancel(_:)` and `isPending(_:)`; ignore it if you don't
    ///   need either.
    /// - Complexity: O(log `count`) comparisons; amortized O(1) allocations, none once the
    ///   queue has held this many events before.
    @inlinable
    @discardableResult
    public mutating func schedule(_ event: Event, at time: Double, priority: Int = 0) -> EventHandle {
        precondition(time.isFinite, "EventQueue.schedule: event time must be finite (got \(time))")
        precondition(
            _EventKey.priorityRange.contains(priority),
            "EventQueue.schedule: priority must lie in \(_EventKey.priorityRange) (got \(priority))")
        precondition(
            time >= _clock,
            "EventQueue.schedule: cannot schedule an event at t=\(time), before the current time t=\(_clock); time never goes backwards"
        )
        let handle = _heap.insert(event, time: time, priority: priority)
        _checkInvariants()
        return handle
    }

    /// Removes the event named by `handle` so that it never runs.
    ///
    /// - Returns: `true` if the event was pending and is now cancelled; `false` if it had
    ///   already run, had already been cancelled, or was discarded by `removeAll()`.
    /// - Complexity: O(1) to mark the event; its key is dropped when it reaches the front
    ///   (O(log `count`) then). No allocations.
    @inlinable
    @discardableResult
    public mutating func cancel(_ handle: EventHandle) -> Bool {
        // The entry (and its payload) stays in the heap until it reaches the front.
        guard _heap.cancel(handle) else { return false }
        _checkInvariants()
        return true
    }

    /// True if the event named by `handle` is scheduled and has neither run nor been
    /// cancelled.
    ///
    /// - Complexity: O(1). Does not modify the queue.
    @inlinable
    public mutating func isPending(_ handle: EventHandle) -> Bool {
        _heap.isPending(handle)
    }

    /// Removes and returns the first event in order (see ``EventQueue``), advancing the
    /// queue's clock to its time.
    ///
    /// - Returns: The event and its time, or `nil` if the queue is empty.
    /// - Complexity: O(log `count`) comparisons, no allocations.
    @inlinable
    public mutating func popNext() -> (time: Double, event: Event)? {
        guard _heap.count > 0 else { return nil }
        let entry = _heap.removeMin()
        _clock = entry.key.time
        _checkInvariants()
        return (entry.key.time, entry.event)
    }

    /// Discards every pending event, keeping the storage for reuse.
    ///
    /// The clock is kept (time still never goes backwards), and handles issued before
    /// the call stay invalid forever.
    ///
    /// - Complexity: O(number of slots ever in use at once).
    @inlinable
    public mutating func removeAll() {
        _heap.removeAll()
        _checkInvariants()
    }
}

extension EventQueue {
    /// Moves the clock forward to `time`, the earliest time at which events may still be
    /// scheduled. Used by `Simulation` to keep the queue in step with its own clock.
    ///
    /// - Complexity: O(1)
    @inlinable
    internal mutating func _advanceClock(to time: Double) {
        if let next = nextTime {
            precondition(
                next >= time,
                "EventQueue holds an event at t=\(next), before the simulation time t=\(time); time never goes backwards"
            )
        }
        if time > _clock { _clock = time }
    }
}
