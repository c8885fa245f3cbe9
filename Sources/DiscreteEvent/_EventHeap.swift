/// The core of ``EventQueue``: a 4-ary min-heap of entries (an ``_EventKey`` and the payload) with lazy
/// cancellation.
///
/// Every pending event owns a *slot*, a stable small integer that indexes
/// `slotSequences`. `slotSequences[slot]` is the
/// sequence number of the event that owns the slot, so a handle (slot, sequence) is pending
/// exactly when they match. Cancelling marks the slot and leaves its key in the heap as a
/// tombstone, skipped and freed when it reaches the root; the root is kept live at all times.
/// Sifting therefore moves keys only, with no index table to update at every level: this
/// made the PHOLD benchmark about 20% faster than an indexed heap with eager removal
/// (Benchmarks/compare/README.md). Freed slots go on a stack and are handed out again before
/// the tables grow, so a queue whose size stays bounded stops allocating.
///
/// A 4-ary layout halves the depth of a binary heap; the extra comparisons per level are on
/// adjacent keys in one cache line.
///
@usableFromInline
internal struct _EventHeap<Event> {
    /// Entries (key and payload) in heap order, pending and cancelled: no key precedes its
    /// parent's. Keeping the payload in the entry spares a separate payload table, and with it
    /// two writes and two copy-on-write checks per event.
    @usableFromInline
    internal var keys: ContiguousArray<_EventEntry<Event>>

    /// For each slot, the sequence of its pending event, `cancelledMark`, or `freeTag` with the free-stack link.
    @usableFromInline
    internal var slotSequences: ContiguousArray<UInt64>

    /// The most recently freed slot, or -1: free slots form a stack threaded through
    /// `slotSequences` (a free slot holds `freeTag | next free slot + 1`), which saves a
    /// separate array and its copy-on-write checks on every event.
    @usableFromInline
    internal var freeHead: Int

    /// The sequence number the next inserted key receives.
    @usableFromInline
    internal var nextSequence: UInt64

    /// Keys in `keys` that are cancelled tombstones.
    @usableFromInline
    internal var cancelledCount: Int

    /// Marks a free slot; the low bits hold the next free slot + 1 (0 = none).
    @inlinable @inline(__always)
    internal static var freeTag: UInt64 { 1 << 63 }

    /// Sequences use 48 bits, so neither mark can collide with one.
    @inlinable @inline(__always)
    internal static var cancelledMark: UInt64 { 1 << 62 }

    /// Number of children per node.
    @inlinable @inline(__always)
    internal static var arity: Int { 4 }

    /// - Complexity: O(`minimumCapacity`) for the allocation.
    @inlinable
    internal init(minimumCapacity: Int) {
        keys = []
        slotSequences = []
        freeHead = -1
        nextSequence = 0
        cancelledCount = 0
        keys.reserveCapacity(minimumCapacity)
        slotSequences.reserveCapacity(minimumCapacity)
    }
}

extension _EventHeap: Sendable where Event: Sendable {}

/// One heap entry: the ordering key and the event's payload.
@usableFromInline
internal struct _EventEntry<Event> {
    @usableFromInline
    internal var key: _EventKey
    @usableFromInline
    internal var event: Event

    @inlinable @inline(__always)
    internal init(key: _EventKey, event: Event) {
        self.key = key
        self.event = event
    }
}

extension _EventEntry: Sendable where Event: Sendable {}

extension _EventHeap {
    /// The number of pending (not cancelled) keys.
    ///
    /// - Complexity: O(1)
    @inlinable @inline(__always)
    internal var count: Int { keys.count &- cancelledCount }

    /// The number of slots ever handed out (pending, cancelled and free).
    ///
    /// - Complexity: O(1)
    @inlinable @inline(__always)
    internal var slotCount: Int { slotSequences.count }

    /// Whether `handle` names a pending event.
    ///
    /// - Complexity: O(1)
    @inlinable
    internal func isPending(_ handle: EventHandle) -> Bool {
        let slot = handle._slot
        return slot >= 0 && slot < slotSequences.count && slotSequences[slot] == handle._sequence
    }

    /// Adds a key and returns the handle naming it. The caller must store the payload at
    /// `handle._slot`, which is either a reused slot or exactly `slotCount` before the call.
    ///
    /// - Complexity: O(log `count`) comparisons; amortized O(1) allocations, none once the
    ///   storage has grown to the largest number of simultaneously held keys.
    @inlinable @inline(__always)
    internal mutating func insert(_ event: Event, time: Double, priority: Int) -> EventHandle {
        let sequence = nextSequence & _EventKey.sequenceMask
        nextSequence &+= 1
        let slot: Int
        if freeHead >= 0 {
            slot = freeHead
            freeHead = Int(slotSequences[slot] & ~Self.freeTag) &- 1
            slotSequences[slot] = sequence
        } else {
            slot = slotSequences.count
            slotSequences.append(sequence)
        }
        keys.append(_EventEntry(key: _EventKey(time: time, priority: priority, sequence: sequence, slot: slot),
                                event: event))
        _siftUp(from: keys.count &- 1)
        return EventHandle(_slot: slot, sequence: sequence)
    }

    /// Removes and returns the first pending entry in order; its slot becomes free.
    /// The heap must hold a pending entry.
    ///
    /// - Complexity: O(log `count`) comparisons amortized, no allocations.
    @inlinable @inline(__always)
    internal mutating func removeMin() -> _EventEntry<Event> {
        let first = _popRoot()
        _free(first.key.slot)
        _dropCancelledRoots()
        return first
    }

    /// Cancels the pending event named by `handle`; false if it is not pending.
    ///
    /// - Complexity: O(1), plus O(log `count`) for each tombstone that reaches the root.
    @inlinable
    internal mutating func cancel(_ handle: EventHandle) -> Bool {
        guard isPending(handle) else { return false }
        slotSequences[handle._slot] = Self.cancelledMark
        cancelledCount &+= 1
        _dropCancelledRoots()
        return true
    }

    /// Forgets every key and slot but keeps the storage. Sequence numbers keep counting,
    /// so handles issued before the call can never match an event scheduled after it.
    ///
    /// - Complexity: O(`slotCount`)
    @inlinable
    internal mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        slotSequences.removeAll(keepingCapacity: true)
        freeHead = -1
        cancelledCount = 0
    }

    /// Pushes `slot` on the free stack.
    @inlinable @inline(__always)
    internal mutating func _free(_ slot: Int) {
        slotSequences[slot] = Self.freeTag | UInt64(freeHead &+ 1)
        freeHead = slot
    }

    /// The free slots, most recently freed first (for invariant checks).
    @usableFromInline
    internal var freeSlots: [Int] {
        var slots: [Int] = []
        var slot = freeHead
        while slot >= 0, slots.count <= slotSequences.count {
            slots.append(slot)
            slot = Int(slotSequences[slot] & ~Self.freeTag) &- 1
        }
        return slots
    }

    /// Removes the root key (the last key takes its place and sifts down), in one pass over
    /// the buffer: one copy-on-write check for the move and the sift instead of three.
    @inlinable @inline(__always)
    internal mutating func _popRoot() -> _EventEntry<Event> {
        let root: _EventEntry<Event> = keys.withUnsafeMutableBufferPointer { keys in
            let root = keys[0]
            let lastIndex = keys.count &- 1
            if lastIndex > 0 {
                Self._siftDown(keys, moving: keys[lastIndex], from: 0, count: lastIndex)
            }
            return root
        }
        keys.removeLast()
        return root
    }

    /// Pops cancelled keys off the root, freeing their slots, so the root is always pending.
    @inlinable @inline(__always)
    internal mutating func _dropCancelledRoots() {
        while cancelledCount > 0, let root = keys.first?.key, slotSequences[root.slot] == Self.cancelledMark {
            _ = _popRoot()
            _free(root.slot)
            cancelledCount &-= 1
        }
    }
}
