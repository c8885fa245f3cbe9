extension EventQueue {
    #if DISCRETE_EVENT_INTERNAL_CHECKS
    /// Verifies the queue's full internal consistency after every mutation.
    ///
    /// Compiled in only with `-D DISCRETE_EVENT_INTERNAL_CHECKS`
    /// (e.g. `swift test -Xswiftc -DDISCRETE_EVENT_INTERNAL_CHECKS`); it costs O(n) per
    /// operation, so all documented complexities are void while it is on.
    @inlinable
    @inline(never)
    internal func _checkInvariants() {
        _verifyInvariants()
    }
    #else
    /// Does nothing: internal consistency checking is compiled out.
    @inlinable @inline(__always)
    internal func _checkInvariants() {}
    #endif

    /// Checks every structural invariant of the queue, stopping with a description of the
    /// first violation. Always compiled so tests can call it directly; O(number of slots).
    @usableFromInline
    internal func _verifyInvariants() {
        let keys = _heap.keys
        let positions = _heap.positions
        precondition(
            positions.count == _events.count,
            "slot tables disagree: \(positions.count) positions, \(_events.count) payloads")
        precondition(
            keys.count + _heap.freeSlots.count == positions.count,
            "\(keys.count) pending + \(_heap.freeSlots.count) free slots != \(positions.count) slots")
        for (index, key) in keys.enumerated() {
            precondition(key.time.isFinite, "key at \(index) has non-finite time \(key.time)")
            precondition(
                key.time >= _clock, "key at \(index) has time \(key.time) before the clock \(_clock)")
            precondition(
                key.sequence < _heap.nextSequence,
                "key at \(index) has sequence \(key.sequence), not yet issued")
            precondition(
                key.slot >= 0 && key.slot < positions.count,
                "key at \(index) names slot \(key.slot), out of range")
            precondition(
                positions[key.slot] == index,
                "slot \(key.slot) records position \(positions[key.slot]), but its key is at \(index)")
            precondition(_events[key.slot] != nil, "pending slot \(key.slot) has no payload")
            if index > 0 {
                let parent = (index - 1) / _EventHeap.arity
                precondition(
                    !key.precedes(keys[parent]),
                    "heap order broken: key at \(index) precedes its parent at \(parent)")
            }
        }
        var seenFree = Set<Int>()
        for slot in _heap.freeSlots {
            precondition(slot >= 0 && slot < positions.count, "free slot \(slot) out of range")
            precondition(seenFree.insert(slot).inserted, "slot \(slot) is on the free list twice")
            precondition(
                positions[slot] == _EventHeap.freeSlot,
                "free slot \(slot) still records position \(positions[slot])")
            precondition(_events[slot] == nil, "free slot \(slot) still holds a payload")
        }
    }
}
