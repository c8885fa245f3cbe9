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
    /// first violation. Always compiled so tests can call it directly; O(number of entries).
    @usableFromInline
    internal func _verifyInvariants() {
        let lists = _events.lists
        let boundary = _events.boundary
        let front = lists[0].map(\.key)
        precondition(lists.map(\.count).reduce(0, +) == _events.count, "the entry count is off")
        precondition(
            !front.isEmpty || _events.occupied.isEmpty, "the front heap is empty while a bucket holds entries")
        for (index, key) in front.enumerated() {
            precondition(_EventKey.radix(key.time) <= boundary, "front entry \(index) is after the boundary")
            if index > 0 {
                let parent = (index - 1) / _RadixQueue<Event>.arity
                precondition(!key.precedes(front[parent]), "front heap order broken at \(index)")
            }
        }
        for bucket in 1..<lists.count {
            let held = _events.occupied.contains(bucket)
            precondition(held == !lists[bucket].isEmpty, "bucket \(bucket)'s occupied bit is wrong")
            for entry in lists[bucket] {
                let radix = _EventKey.radix(entry.key.time)
                precondition(
                    radix > boundary && _RadixQueue<Event>._bucket(of: radix, boundary: boundary) == bucket,
                    "an entry at t=\(entry.key.time) is in bucket \(bucket)")
            }
        }
        var sequences = Set<UInt64>()
        for entry in lists.joined() {
            precondition(entry.key.time.isFinite, "an entry has non-finite time \(entry.key.time)")
            precondition(entry.key.time >= _clock, "an entry at t=\(entry.key.time) is before the clock \(_clock)")
            precondition(entry.key.sequence < _nextSequence, "an entry has a sequence not yet issued")
            precondition(sequences.insert(entry.key.sequence).inserted, "sequence \(entry.key.sequence) is held twice")
            precondition(
                entry.key.sequence >= _ledger.watermark, "an entry from before removeAll is still held")
            let isBehind = entry.key.precedes(_ledger.lastRemoved)
            let isCancelled = _ledger.cancelled.contains(entry.key.sequence)
            precondition(
                isBehind == _ledger.behind.contains(entry.key.sequence) || isCancelled,
                "entry \(entry.key.sequence) precedes the last removed key but is not recorded behind it")
        }
        precondition(_ledger.cancelled.isSubset(of: sequences), "a cancellation mark names no held entry")
        precondition(_ledger.behind.isSubset(of: sequences), "a behind mark names no held entry")
        if let first = front.first {
            precondition(!_ledger.cancelled.contains(first.sequence), "a cancelled entry is first")
        }
    }
}
