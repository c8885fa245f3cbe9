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
        precondition(
            !front.isEmpty || _events.occupied.isEmpty, "the front heap is empty while a bucket holds entries")
        for (index, entry) in front.enumerated() {
            precondition(_EventKey.radix(entry.key.time) <= boundary, "front entry \(index) is after the boundary")
            if index > 0 {
                let parent = (index - 1) / _RadixQueue<Event>.arity
                precondition(!entry.key.precedes(front[parent].key), "front heap order broken at \(index)")
            }
        }
        // Only the marked buckets are read (a debug build pays a call per list); a non-empty
        // bucket left unmarked shows as a shortfall in the count of entries held.
        var lists = [0]
        var mask = _events.occupied
        while !mask.isEmpty { lists.append(mask.removeFirst()) }
        var held = 0
        var cancelled = 0
        var behind = 0
        for list in lists {
            let entries = _events.list(list)
            precondition(list == 0 || !entries.isEmpty, "bucket \(list) is marked but empty")
            held += entries.count
            for entry in entries {
                let radix = _EventKey.radix(entry.key.time)
                precondition(
                    list == 0
                        || (radix > boundary && _RadixQueue<Event>._bucket(of: radix, boundary: boundary) == list),
                    "an entry at t=\(entry.key.time) is in bucket \(list)")
                _verify(entry)
                if _ledger.cancelled.contains(entry.key.sequence) { cancelled += 1 }
                if _ledger.behind.contains(entry.key.sequence) { behind += 1 }
            }
        }
        precondition(held == _events.count, "\(_events.count) entries counted, \(held) in marked lists")
        // Every mark names a held entry when there are as many marked entries as marks.
        precondition(cancelled == _ledger.cancelled.count, "a cancellation mark names no held entry")
        precondition(behind == _ledger.behind.count, "a behind mark names no held entry")
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
