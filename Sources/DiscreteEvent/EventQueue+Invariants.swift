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
        let boundary = _events.boundary
        let front = _events.list(0)
        var held = front.count
        precondition(
            !front.isEmpty || _events.occupied.isEmpty, "the front heap is empty while a bucket holds entries")
        for (index, entry) in front.enumerated() {
            precondition(_EventKey.radix(entry.key.time) <= boundary, "front entry \(index) is after the boundary")
            if index > 0 {
                let parent = (index - 1) / _RadixQueue<Event>.arity
                precondition(!entry.key.precedes(front[parent].key), "front heap order broken at \(index)")
            }
            _verify(entry)
        }
        for bucket in 1..<_EventStorage<Event>.listCount {
            let entries = _events.list(bucket)
            precondition(
                _events.occupied.contains(bucket) == !entries.isEmpty, "bucket \(bucket)'s occupied bit is wrong")
            held += entries.count
            for entry in entries {
                let radix = _EventKey.radix(entry.key.time)
                precondition(
                    radix > boundary && _RadixQueue<Event>._bucket(of: radix, boundary: boundary) == bucket,
                    "an entry at t=\(entry.key.time) is in bucket \(bucket)")
                _verify(entry)
            }
        }
        precondition(held == _events.count, "the entry count is off")
        // Every mark names a held entry: each held entry was checked against the marks above, so
        // it is enough that there are no more marks than entries carrying them.
        let cancelledHeld = (0..<_EventStorage<Event>.listCount).reduce(0) { total, list in
            total + _events.list(list).count { _ledger.cancelled.contains($0.key.sequence) }
        }
        precondition(cancelledHeld == _ledger.cancelled.count, "a cancellation mark names no held entry")
        let behindHeld = (0..<_EventStorage<Event>.listCount).reduce(0) { total, list in
            total + _events.list(list).count { _ledger.behind.contains($0.key.sequence) }
        }
        precondition(behindHeld == _ledger.behind.count, "a behind mark names no held entry")
        if let first = front.first {
            precondition(!_ledger.cancelled.contains(first.key.sequence), "a cancelled entry is first")
        }
    }

    /// Checks one held entry against the clock, the sequence counter and the ledger.
    private func _verify(_ entry: _EventEntry<Event>) {
        let key = entry.key
        precondition(key.time.isFinite, "an entry has non-finite time \(key.time)")
        precondition(key.time >= _clock, "an entry at t=\(key.time) is before the clock \(_clock)")
        precondition(key.sequence < _nextSequence, "an entry has a sequence not yet issued")
        precondition(key.sequence >= _ledger.watermark, "an entry from before removeAll is still held")
        let isBehind = key.precedes(_ledger.lastRemoved)
        precondition(
            isBehind == _ledger.behind.contains(key.sequence) || _ledger.cancelled.contains(key.sequence),
            "entry \(key.sequence) precedes the last removed key but is not recorded behind it")
    }
}
