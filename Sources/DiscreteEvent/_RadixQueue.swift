/// The future-event list behind ``EventQueue``: a radix heap on event times whose bucket 0 is a
/// small 4-ary heap ordered by the full key (time, priority, sequence).
///
/// A radix heap (Ahuja, Mehlhorn, Orlin and Tarjan 1990, "Faster algorithms for the shortest
/// path problem", J. ACM 37(2)) needs keys that never fall below the last one removed; a
/// simulation's clock gives exactly that. Times are read as 64-bit integers in the same order
/// (``_EventKey/radix(_:)``), in 16 hexadecimal digits. Every entry whose time is at or before
/// the `boundary` sits in the front heap; any other sits, unordered, in the bucket named by the
/// highest digit in which its time differs from the boundary and by its own value of that
/// digit (higher than the boundary's). So every entry of a bucket is later than every front
/// entry and earlier than every entry of a higher bucket, and the front heap's root is the
/// first event.
///
/// When the front empties, the lowest occupied bucket is scanned for its earliest time, which
/// becomes the boundary; entries at that time go to the front and the rest to buckets of
/// lower digits (they agree with the new boundary on the old digit). Higher buckets keep their
/// place: their entries differ from the new boundary where they differed from the old one. An
/// entry only ever moves to a lower digit, so it is moved at most 16 times, and in practice
/// two or three: the appends and scans are sequential, where a binary heap of 10^5 events takes
/// 17 dependent, unpredictable steps per pop. Digits of one bit (64 buckets) moved each entry
/// about four times as often and made PHOLD with 1,000 pending events 15-20% slower.
/// Measured on PHOLD in Benchmarks/compare/README.md.
///
/// Inserting is O(1) (an append) unless the time is at or before the boundary; then it is a
/// push on the front heap, which holds the events due at the current time and any scheduled
/// between the clock and the boundary. The front is refilled as soon as it empties, so the
/// root is always at hand for `firstKey`.
///
/// The structure knows nothing of cancellation: ``EventQueue`` drops cancelled entries when
/// they reach the root.
@usableFromInline
internal struct _RadixQueue<Event> {
    @usableFromInline
    internal var storage: _EventStorage<Event>

    /// - Complexity: O(`frontCapacity`) for the allocation.
    @inlinable
    internal init(frontCapacity: Int) {
        storage = .make(frontCapacity: frontCapacity)
    }
}

// Unchecked because the storage is a ManagedBuffer (never Sendable itself); sound because a
// shared storage is never written: every mutation first makes it unique (copy on write).
extension _RadixQueue: @unchecked Sendable where Event: Sendable {}

extension _RadixQueue {
    /// Pointers to the storage's header and its 257 lists. Valid until `storage` is replaced
    /// (by `_makeUnique`), which the callers below never do while using them.
    @inlinable @inline(__always)
    internal var _pointers:
        (header: UnsafeMutablePointer<_EventStorageHeader>, lists: UnsafeMutablePointer<_EntryList<Event>>)
    {
        storage.withUnsafeMutablePointers { ($0, $1) }
    }

    /// Copies the storage if another queue shares it (value semantics): one runtime check.
    @inlinable @inline(__always)
    internal mutating func _makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// Entries held, cancelled ones included.
    ///
    /// - Complexity: O(1)
    @inlinable @inline(__always)
    internal var count: Int { _pointers.header.pointee.count }

    /// The key of the first entry in order, if any.
    ///
    /// - Complexity: O(1)
    @inlinable @inline(__always)
    internal var firstKey: _EventKey? {
        let (header, lists) = _pointers
        return header.pointee.count > 0 ? lists[0].elements[0].key : nil
    }

    /// Adds an entry.
    ///
    /// - Complexity: O(1) unless the time is at or before the boundary (then O(log of the
    ///   front's size)); amortized O(1) allocations, none once every list has reached its
    ///   largest size.
    @inlinable @inline(__always)
    internal mutating func insert(_ entry: _EventEntry<Event>) {
        _makeUnique()
        let (header, lists) = _pointers
        let radix = _EventKey.radix(entry.key.time)
        // An empty queue: the new entry is the front, whatever the old boundary was.
        if header.pointee.count == 0 { header.pointee.boundary = radix }
        header.pointee.count &+= 1
        let boundary = header.pointee.boundary
        if radix <= boundary {
            Self._push(entry, onto: &lists[0])
        } else {
            let bucket = Self._bucket(of: radix, boundary: boundary)
            lists[bucket].append(entry)
            header.pointee.occupied.insert(bucket)
        }
    }

    /// Removes and returns the first entry in order. The queue must not be empty.
    ///
    /// - Complexity: amortized O(log of the front's size) plus the refill, O(the bucket's
    ///   size) with each entry moved down at most 16 times in its life; no allocations once
    ///   the lists have reached their largest sizes.
    @inlinable @inline(__always)
    internal mutating func removeFirst() -> _EventEntry<Event> {
        _makeUnique()
        let (header, lists) = _pointers
        let first = Self._pop(&lists[0])
        header.pointee.count &-= 1
        if lists[0].count == 0 && !header.pointee.occupied.isEmpty { Self._refill(header, lists) }
        return first
    }

    /// Forgets every entry but keeps the memory.
    ///
    /// - Complexity: O(number of entries)
    @inlinable
    internal mutating func removeAll() {
        _makeUnique()
        let (header, lists) = _pointers
        for index in 0..<_EventStorage<Event>.listCount { lists[index].removeAll() }
        header.pointee = _EventStorageHeader(count: 0, occupied: _BucketMask(), boundary: 0)
    }

    /// The bucket of a time later than the boundary, 1...256: 16 for each digit above the
    /// lowest in which the two differ, plus the time's value of that digit (1...15, since it
    /// exceeds the boundary's). Buckets so numbered sort like the times in them.
    @inlinable @inline(__always)
    internal static func _bucket(of radix: UInt64, boundary: UInt64) -> Int {
        let digit = (63 &- (radix ^ boundary).leadingZeroBitCount) &>> 2
        return (digit &<< 4 | Int(truncatingIfNeeded: radix &>> UInt64(digit &<< 2)) & 15) &+ 1
    }

    /// Moves the lowest occupied bucket on: its earliest time becomes the boundary, entries at
    /// that time go to the (empty) front heap, the rest to lower buckets.
    @inlinable
    internal static func _refill(
        _ header: UnsafeMutablePointer<_EventStorageHeader>, _ lists: UnsafeMutablePointer<_EntryList<Event>>
    ) {
        let source = header.pointee.occupied.removeFirst()
        let entries = lists[source].elements
        let count = lists[source].count
        var earliest = _EventKey.radix(entries[0].key.time)
        var index = 1
        while index < count {
            earliest = Swift.min(earliest, _EventKey.radix(entries[index].key.time))
            index &+= 1
        }
        header.pointee.boundary = earliest
        var occupied = header.pointee.occupied
        index = 0
        while index < count {
            let entry = (entries + index).move()
            let radix = _EventKey.radix(entry.key.time)
            if radix == earliest {
                _push(entry, onto: &lists[0])
            } else {
                // Below `source`'s digit: the entry agrees with the new boundary down to it.
                let bucket = _bucket(of: radix, boundary: earliest)
                lists[bucket].append(entry)
                occupied.insert(bucket)
            }
            index &+= 1
        }
        lists[source].count = 0
        header.pointee.occupied = occupied
    }

    /// The entries of list `index`: 0 the front heap, 1...256 the buckets (for invariant checks
    /// and tests). Valid only while the queue is not changed.
    @usableFromInline
    internal func list(_ index: Int) -> UnsafeBufferPointer<_EventEntry<Event>> {
        let list = _pointers.lists[index]
        return UnsafeBufferPointer(start: list.base, count: list.count)
    }

    /// The boundary's radix and the occupied-bucket mask (for invariant checks and tests).
    @usableFromInline
    internal var boundary: UInt64 { _pointers.header.pointee.boundary }
    @usableFromInline
    internal var occupied: _BucketMask { _pointers.header.pointee.occupied }

    /// Room in each list before it grows (for tests of steady-state reuse).
    @usableFromInline
    internal var capacities: [Int] {
        let lists = _pointers.lists
        return (0..<_EventStorage<Event>.listCount).map { lists[$0].capacity }
    }
}
