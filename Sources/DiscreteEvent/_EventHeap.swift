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
    /// Entries (key and payload) in heap order, pending and cancelled, so that no key precedes
    /// its parent's; and the slot table: for each slot, the sequence of its pending event,
    /// `cancelledMark`, or `freeTag` with the free-stack link. Keeping the payload in the entry
    /// spares a separate payload table and its writes.
    @usableFromInline
    internal var storage: _EventStorage<Event>

    /// The most recently freed slot, or -1: free slots form a stack threaded through the slot
    /// table (a free slot holds `freeTag | next free slot + 1`), which saves a separate array.
    @usableFromInline
    internal var freeHead: Int

    /// The sequence number the next inserted key receives.
    @usableFromInline
    internal var nextSequence: UInt64

    /// Keys in the heap that are cancelled tombstones.
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
        storage = .make(entryCapacity: minimumCapacity, slotCapacity: minimumCapacity)
        freeHead = -1
        nextSequence = 0
        cancelledCount = 0
    }
}

// Unchecked because the storage is a ManagedBuffer (never Sendable itself); sound because a
// shared storage is never written: every mutation first makes it unique (copy on write).
extension _EventHeap: @unchecked Sendable where Event: Sendable {}

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
    /// Pointers to the storage's header and entries. Valid until `storage` is replaced (by
    /// `_makeUnique` or `_reserveOne`), which the callers below never do while using them.
    @inlinable @inline(__always)
    internal var _pointers:
        (
            header: UnsafeMutablePointer<_EventStorageHeader>,
            entries: UnsafeMutablePointer<_EventEntry<Event>>
        )
    {
        storage.withUnsafeMutablePointers { ($0, $1) }
    }

    /// Copies the storage if another queue shares it (value semantics): one runtime check.
    @inlinable @inline(__always)
    internal mutating func _makeUnique() {
        if !isKnownUniquelyReferenced(&storage) {
            storage = storage.copy(entryCapacity: 0, slotCapacity: 0)
        }
    }

    /// Makes the storage unshared, with room for one more entry and one more slot.
    @inlinable @inline(__always)
    internal mutating func _reserveOne() {
        let header = _pointers.header.pointee
        let entriesFull = header.entryCount == header.entryCapacity
        let slotsFull = freeHead < 0 && header.slotCount == header.slotCapacity
        // One copy serves both needs: a shared storage that is also full is copied once, larger.
        if !isKnownUniquelyReferenced(&storage) || entriesFull || slotsFull {
            // Doubling keeps insertion amortized O(1); a bounded queue stops growing.
            storage = storage.copy(
                entryCapacity: entriesFull ? 2 &* header.entryCapacity : header.entryCapacity,
                slotCapacity: slotsFull ? 2 &* header.slotCapacity : header.slotCapacity)
        }
    }

    /// The number of pending (not cancelled) keys.
    ///
    /// - Complexity: O(1)
    @inlinable @inline(__always)
    internal var count: Int { _pointers.header.pointee.entryCount &- cancelledCount }

    /// The time of the root key (always pending), if any.
    @inlinable @inline(__always)
    internal var firstTime: Double? {
        let (header, entries) = _pointers
        return header.pointee.entryCount > 0 ? entries[0].key.time : nil
    }

    /// The number of slots ever handed out (pending, cancelled and free).
    ///
    /// - Complexity: O(1)
    @inlinable @inline(__always)
    internal var slotCount: Int { _pointers.header.pointee.slotCount }

    /// Room for entries and slots before the storage grows.
    @usableFromInline
    internal var entryCapacity: Int { _pointers.header.pointee.entryCapacity }
    @usableFromInline
    internal var slotCapacity: Int { _pointers.header.pointee.slotCapacity }

    /// Copies of the entries in heap order and of the slot table (for invariant checks and tests).
    @usableFromInline
    internal var keys: [_EventEntry<Event>] {
        let (header, entries) = _pointers
        return Array(UnsafeBufferPointer(start: entries, count: header.pointee.entryCount))
    }
    @usableFromInline
    internal var slotSequences: [UInt64] {
        let header = _pointers.header
        return Array(UnsafeBufferPointer(start: header.pointee.slots, count: header.pointee.slotCount))
    }

    /// Whether `handle` names a pending event.
    ///
    /// - Complexity: O(1)
    @inlinable
    internal func isPending(_ handle: EventHandle) -> Bool {
        let slot = handle._slot
        let header = _pointers.header
        return slot >= 0 && slot < header.pointee.slotCount && header.pointee.slots[slot] == handle._sequence
    }

    /// Adds an entry and returns the handle naming it.
    ///
    /// - Complexity: O(log `count`) comparisons; amortized O(1) allocations, none once the
    ///   storage has grown to the largest number of simultaneously held keys.
    @inlinable @inline(__always)
    internal mutating func insert(_ event: Event, time: Double, priority: Int) -> EventHandle {
        _reserveOne()
        let (header, entries) = _pointers
        let sequence = nextSequence & _EventKey.sequenceMask
        nextSequence &+= 1
        let slot: Int
        if freeHead >= 0 {
            slot = freeHead
            freeHead = Int(header.pointee.slots[slot] & ~Self.freeTag) &- 1
            header.pointee.slots[slot] = sequence
        } else {
            slot = header.pointee.slotCount
            (header.pointee.slots + slot).initialize(to: sequence)
            header.pointee.slotCount = slot &+ 1
        }
        let index = header.pointee.entryCount
        (entries + index).initialize(
            to: _EventEntry(
                key: _EventKey(
                    time: time, priority: priority,
                    sequence: sequence, slot: slot), event: event))
        header.pointee.entryCount = index &+ 1
        Self._siftUp(entries, from: index)
        return EventHandle(_slot: slot, sequence: sequence)
    }

    /// Removes and returns the first pending entry in order; its slot becomes free.
    /// The heap must hold a pending entry.
    ///
    /// - Complexity: O(log `count`) comparisons amortized, no allocations.
    @inlinable @inline(__always)
    internal mutating func removeMin() -> _EventEntry<Event> {
        _makeUnique()
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
        _makeUnique()
        _pointers.header.pointee.slots[handle._slot] = Self.cancelledMark
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
        _makeUnique()
        let (header, entries) = _pointers
        entries.deinitialize(count: header.pointee.entryCount)
        header.pointee.entryCount = 0
        header.pointee.slotCount = 0
        freeHead = -1
        cancelledCount = 0
    }

    /// Pushes `slot` on the free stack. The storage must be unshared.
    @inlinable @inline(__always)
    internal mutating func _free(_ slot: Int) {
        _pointers.header.pointee.slots[slot] = Self.freeTag | UInt64(freeHead &+ 1)
        freeHead = slot
    }

    /// The free slots, most recently freed first (for invariant checks).
    @usableFromInline
    internal var freeSlots: [Int] {
        let sequences = slotSequences
        var slots: [Int] = []
        var slot = freeHead
        while slot >= 0, slots.count <= sequences.count {
            slots.append(slot)
            slot = Int(sequences[slot] & ~Self.freeTag) &- 1
        }
        return slots
    }

    /// Removes the root entry (the last entry takes its place and sifts down). The storage
    /// must be unshared and hold an entry.
    @inlinable @inline(__always)
    internal mutating func _popRoot() -> _EventEntry<Event> {
        let (header, entries) = _pointers
        let lastIndex = header.pointee.entryCount &- 1
        let root = lastIndex == 0 ? entries.move() : entries[0]
        if lastIndex > 0 {
            Self._siftDown(
                UnsafeMutableBufferPointer(start: entries, count: lastIndex),
                moving: (entries + lastIndex).move(), from: 0, count: lastIndex)
        }
        header.pointee.entryCount = lastIndex
        return root
    }

    /// Pops cancelled keys off the root, freeing their slots, so the root is always pending.
    /// The storage must be unshared.
    @inlinable @inline(__always)
    internal mutating func _dropCancelledRoots() {
        while cancelledCount > 0 {
            let (header, entries) = _pointers
            guard header.pointee.entryCount > 0 else { return }
            let slot = entries[0].key.slot
            guard header.pointee.slots[slot] == Self.cancelledMark else { return }
            _ = _popRoot()
            _free(slot)
            cancelledCount &-= 1
        }
    }
}
