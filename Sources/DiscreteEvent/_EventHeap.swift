/// The payload-free core of ``EventQueue``: an indexed 4-ary min-heap of ``_EventKey``s.
///
/// Every pending event owns a *slot*, a stable small integer that indexes both
/// `positions` (here) and the payload table (in `EventQueue`). `positions[slot]` is the
/// key's current index in `keys`, kept up to date on every move, so an event can be found
/// and removed from the middle of the heap in O(log n). Freed slots go on a stack and are
/// handed out again before the table grows, so a queue whose size stays bounded stops
/// allocating once its arrays have reached their high-water mark.
///
/// A 4-ary layout halves the depth of a binary heap; the extra comparisons per level are
/// on adjacent keys in one or two cache lines, which is a good trade for a discrete-event
/// queue where pops (sift-down) dominate.
///
/// The type is not generic, so none of this code needs re-specializing per `Event` type.
@usableFromInline
internal struct _EventHeap: Sendable {
    /// Pending keys in heap order: no key precedes its parent.
    @usableFromInline
    internal var keys: ContiguousArray<_EventKey>

    /// For each slot, the index of its key in `keys`, or `_EventHeap.freeSlot`.
    @usableFromInline
    internal var positions: ContiguousArray<Int>

    /// Slots not currently in use, most recently freed last.
    @usableFromInline
    internal var freeSlots: ContiguousArray<Int>

    /// The sequence number the next inserted key receives.
    @usableFromInline
    internal var nextSequence: UInt64

    /// The `positions` entry of a slot that holds no pending event.
    @inlinable @inline(__always)
    internal static var freeSlot: Int { -1 }

    /// Number of children per node.
    @inlinable @inline(__always)
    internal static var arity: Int { 4 }

    /// - Complexity: O(`minimumCapacity`) for the allocation.
    @inlinable
    internal init(minimumCapacity: Int) {
        keys = []
        positions = []
        freeSlots = []
        nextSequence = 0
        keys.reserveCapacity(minimumCapacity)
        positions.reserveCapacity(minimumCapacity)
        freeSlots.reserveCapacity(minimumCapacity)
    }
}

extension _EventHeap {
    /// The number of pending keys.
    ///
    /// - Complexity: O(1)
    @inlinable @inline(__always)
    internal var count: Int { keys.count }

    /// The number of slots ever handed out (pending plus free).
    ///
    /// - Complexity: O(1)
    @inlinable @inline(__always)
    internal var slotCount: Int { positions.count }

    /// The index in `keys` of the event named by `handle`, or `nil` if it is not pending.
    ///
    /// - Complexity: O(1)
    @inlinable
    internal func index(of handle: EventHandle) -> Int? {
        let slot = handle._slot
        guard slot >= 0, slot < positions.count else { return nil }
        let index = positions[slot]
        guard index != Self.freeSlot, keys[index].sequence == handle._sequence else {
            return nil
        }
        return index
    }

    /// Adds a key and returns the handle naming it. The caller must store the payload at
    /// `handle._slot`, which is either a reused slot or exactly `slotCount` before the call.
    ///
    /// - Complexity: O(log `count`) comparisons; amortized O(1) allocations, none once the
    ///   storage has grown to the largest number of simultaneously pending events.
    @inlinable
    internal mutating func insert(time: Double, priority: Int) -> EventHandle {
        let sequence = nextSequence
        nextSequence &+= 1
        let index = keys.count
        let slot: Int
        if let reused = freeSlots.popLast() {
            slot = reused
            positions[slot] = index
        } else {
            slot = positions.count
            positions.append(index)
        }
        keys.append(_EventKey(time: time, priority: priority, sequence: sequence, slot: slot))
        _siftUp(from: index)
        return EventHandle(_slot: slot, sequence: sequence)
    }

    /// Removes and returns the first key in order; its slot becomes free.
    /// The heap must not be empty.
    ///
    /// - Complexity: O(log `count`) comparisons, no allocations.
    @inlinable
    internal mutating func removeMin() -> _EventKey {
        remove(at: 0)
    }

    /// Removes and returns the key at `index` in `keys`; its slot becomes free.
    ///
    /// - Complexity: O(log `count`) comparisons, no allocations.
    @inlinable
    internal mutating func remove(at index: Int) -> _EventKey {
        let removed = keys[index]
        let last = keys.removeLast()
        if index < keys.count {
            keys[index] = last
            positions[last.slot] = index
            if last.precedes(removed) {
                _siftUp(from: index)
            } else {
                _siftDown(from: index)
            }
        }
        positions[removed.slot] = Self.freeSlot
        freeSlots.append(removed.slot)
        return removed
    }

    /// Forgets every key and slot but keeps the storage. Sequence numbers keep counting,
    /// so handles issued before the call can never match an event scheduled after it.
    ///
    /// - Complexity: O(`slotCount`)
    @inlinable
    internal mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
        freeSlots.removeAll(keepingCapacity: true)
    }
}
