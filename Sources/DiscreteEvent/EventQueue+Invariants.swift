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
        let keys = _heap.keys.map(\.key)
        let sequences = _heap.slotSequences
        precondition(
            keys.count + _heap.freeSlots.count == sequences.count,
            "\(keys.count) held + \(_heap.freeSlots.count) free slots != \(sequences.count) slots")
        var cancelled = 0
        for (index, key) in keys.enumerated() {
            precondition(key.time.isFinite, "key at \(index) has non-finite time \(key.time)")
            precondition(
                key.time >= _clock, "key at \(index) has time \(key.time) before the clock \(_clock)")
            precondition(
                key.slot >= 0 && key.slot < sequences.count,
                "key at \(index) names slot \(key.slot), out of range")
            if sequences[key.slot] == _EventHeap<Event>.cancelledMark {
                cancelled += 1
                precondition(index > 0, "a cancelled key sits at the root")
            } else {
                precondition(
                    sequences[key.slot] == key.sequence,
                    "slot \(key.slot) records sequence \(sequences[key.slot]), but its key has \(key.sequence)")
            }
            if index > 0 {
                let parent = (index - 1) / _EventHeap<Event>.arity
                precondition(
                    !key.precedes(keys[parent]),
                    "heap order broken: key at \(index) precedes its parent at \(parent)")
            }
        }
        precondition(
            cancelled == _heap.cancelledCount, "\(cancelled) tombstones, but the count says \(_heap.cancelledCount)")
        var seenFree = Set<Int>()
        for slot in _heap.freeSlots {
            precondition(slot >= 0 && slot < sequences.count, "free slot \(slot) out of range")
            precondition(seenFree.insert(slot).inserted, "slot \(slot) is on the free list twice")
            precondition(
                sequences[slot] & _EventHeap<Event>.freeTag != 0,
                "free slot \(slot) still records sequence \(sequences[slot])")
        }
    }
}
