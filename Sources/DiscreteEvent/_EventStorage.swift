/// The memory behind ``_RadixQueue``: the front heap and the 256 radix buckets, 257
/// ``_EntryList``s tail-allocated in one object, and the numbers that go with them. One object
/// means one copy-on-write check per operation however many lists it touches.
@usableFromInline
internal final class _EventStorage<Event>: ManagedBuffer<_EventStorageHeader, _EntryList<Event>> {
    /// The front heap and the buckets 1...256.
    @inlinable @inline(__always)
    internal static var listCount: Int { 257 }

    /// New, empty storage whose front heap has room for `frontCapacity` entries.
    @inlinable
    internal static func make(frontCapacity: Int) -> _EventStorage {
        let buffer = create(minimumCapacity: listCount) { _ in
            _EventStorageHeader(count: 0, occupied: _BucketMask(), boundary: 0)
        }
        // `create` returns the dynamic type it was called on: this class.
        let storage = unsafeDowncast(buffer, to: _EventStorage.self)
        storage.withUnsafeMutablePointers { _, lists in
            lists.initialize(repeating: _EntryList(), count: listCount)
            if frontCapacity > 0 { lists[0].grow(to: frontCapacity) }
        }
        return storage
    }

    /// A copy with lists of its own holding the same entries.
    @inlinable
    internal func copy() -> _EventStorage {
        withUnsafeMutablePointers { header, lists in
            let copy = Self.make(frontCapacity: 0)
            copy.withUnsafeMutablePointers { copyHeader, copyLists in
                copyHeader.pointee = header.pointee
                for index in 0..<Self.listCount { copyLists[index] = lists[index].copy() }
            }
            return copy
        }
    }

    deinit {
        withUnsafeMutablePointers { _, lists in
            for index in 0..<Self.listCount { lists[index].destroy() }
            lists.deinitialize(count: Self.listCount)
        }
    }
}

/// The counts and the radix boundary of an ``_EventStorage``.
@usableFromInline
internal struct _EventStorageHeader {
    /// Entries in all lists, cancelled ones included.
    @usableFromInline internal var count: Int
    /// The buckets that hold entries.
    @usableFromInline internal var occupied: _BucketMask
    /// The radix of the time that splits the front heap (at or before it) from the buckets
    /// (after it).
    @usableFromInline internal var boundary: UInt64

    @inlinable
    internal init(count: Int, occupied: _BucketMask, boundary: UInt64) {
        self.count = count
        self.occupied = occupied
        self.boundary = boundary
    }
}
