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
/// Storage is a radix heap on event times with a small heap in front (``_RadixQueue``), in one
/// copy-on-write buffer; cancelled events stay in it until they reach the front
/// (``_CancellationLedger``), so a model that never cancels pays nothing for the possibility.
/// Once the queue has reached its largest size, scheduling and popping allocate nothing.
public struct EventQueue<Event> {
    /// Entries (ordering keys and payloads), cancelled ones included.
    @usableFromInline
    internal var _events: _RadixQueue<Event>

    /// Which entries are cancelled, and what `isPending` needs besides.
    @usableFromInline
    internal var _ledger: _CancellationLedger

    /// The sequence number the next scheduled event receives.
    @usableFromInline
    internal var _nextSequence: UInt64

    /// The time of the most recently popped event (or a start time set by `Simulation`);
    /// no event may be scheduled before it. Starts at minus infinity.
    @usableFromInline
    internal var _clock: Double

    /// Creates an empty queue with room for `minimumCapacity` events due at the same time
    /// before its storage has to grow; later events are filed in lists that grow as needed.
    ///
    /// - Complexity: O(`minimumCapacity`) for the allocation.
    @inlinable
    public init(minimumCapacity: Int = 64) {
        precondition(
            minimumCapacity >= 0,
            "EventQueue minimumCapacity must not be negative (got \(minimumCapacity))")
        _events = _RadixQueue(frontCapacity: minimumCapacity)
        _ledger = _CancellationLedger()
        _nextSequence = 0
        _clock = -.infinity
    }
}

extension EventQueue: Sendable where Event: Sendable {}

extension EventQueue {
    /// The number of pending (scheduled, not yet popped, not cancelled) events.
    ///
    /// - Complexity: O(1)
    @inlinable
    public var count: Int { _events.count &- _ledger.cancelled.count }

    /// True if no event is pending.
    ///
    /// - Complexity: O(1)
    @inlinable
    public var isEmpty: Bool { _events.count == 0 }

    /// The time of the event `popNext()` would return, or `nil` if the queue is empty.
    ///
    /// - Complexity: O(1)
    @inlinable
    public var nextTime: Double? { _events.firstKey?.time }

    /// Schedules `event` to happen at `time`.
    ///
    /// - Parameters:
    ///   - event: The payload handed back by `popNext()`.
    ///   - time: When the event happens. Must be finite and not earlier than the last
    ///     popped event.
    ///   - priority: Orders events due at the same time; lower values run first.
    /// - Returns: A handle for `cancel(_:)` and `isPending(_:)`; ignore it if you don't
    ///   need either.
    /// - Complexity: O(1), or O(log n) for the n events due before the next one popped;
    ///   amortized O(1) allocations, none once the queue has held this many events before.
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
        let key = _EventKey(time: time, priority: priority, sequence: _nextSequence)
        _nextSequence &+= 1
        _ledger.scheduled(key)
        _events.insert(_EventEntry(key: key, event: event))
        _checkInvariants()
        return EventHandle(key)
    }

    /// Removes the event named by `handle` so that it never runs.
    ///
    /// - Returns: `true` if the event was pending and is now cancelled; `false` if it had
    ///   already run, had already been cancelled, or was discarded by `removeAll()`.
    /// - Complexity: O(1) to mark the event (a set insertion); its entry is dropped when it
    ///   reaches the front. Allocates only while the set of marks grows.
    @inlinable
    @discardableResult
    public mutating func cancel(_ handle: EventHandle) -> Bool {
        let key = handle._key
        guard _ledger.isPending(key) else { return false }
        // The entry (and its payload) stays in the queue until it reaches the front.
        _ledger.cancel(key)
        _dropCancelledFirsts()
        _checkInvariants()
        return true
    }

    /// True if the event named by `handle` is scheduled and has neither run nor been
    /// cancelled.
    ///
    /// - Complexity: O(1). Does not modify the queue.
    @inlinable
    public func isPending(_ handle: EventHandle) -> Bool {
        _ledger.isPending(handle._key)
    }

    /// Removes and returns the first event in order (see ``EventQueue``), advancing the
    /// queue's clock to its time.
    ///
    /// - Returns: The event and its time, or `nil` if the queue is empty.
    /// - Complexity: amortized O(1) moves per event over its life in the radix buckets, plus
    ///   O(log n) for n events due at the same time; no allocations once the queue has held this
    ///   many events before.
    @inlinable
    public mutating func popNext() -> (time: Double, event: Event)? {
        guard _events.count > 0 else { return nil }
        let entry = _events.removeFirst()
        _ledger.removed(entry.key)
        _clock = entry.key.time
        _dropCancelledFirsts()
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
        _events.removeAll()
        _ledger.removeAll(nextSequence: _nextSequence)
        _checkInvariants()
    }

    /// Empties the queue and sets its clock to `time`, earlier or later: the start of a new
    /// run that reuses this queue's memory (``Simulation/restart(with:at:)``).
    @inlinable
    internal mutating func _restart(at time: Double) {
        removeAll()
        _clock = time
    }

    /// Drops cancelled entries from the front, so that the first entry is always pending.
    @inlinable @inline(__always)
    internal mutating func _dropCancelledFirsts() {
        while !_ledger.cancelled.isEmpty, let key = _events.firstKey, _ledger.takeTombstone(key) {
            _ = _events.removeFirst()
            _ledger.removed(key)
        }
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
