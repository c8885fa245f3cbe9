/// The memory behind ``_EventHeap``: its entries (tail-allocated) and its slot table, in one
/// object, so a mutation checks that the storage is unshared once instead of once for each of
/// two arrays it touches. Growing allocates a new object; `_EventHeap` copies on write.
///
/// Two `ContiguousArray`s cost six uniqueness checks (runtime calls) per PHOLD event, about a
/// tenth of the kernel's instructions (callgrind).
@usableFromInline
internal final class _EventStorage<Event>: ManagedBuffer<_EventStorageHeader, _EventEntry<Event>> {
    /// New storage with room for `entryCapacity` entries and `slotCapacity` slots, both empty.
    @inlinable
    internal static func make(entryCapacity: Int, slotCapacity: Int) -> _EventStorage {
        let buffer = create(minimumCapacity: Swift.max(entryCapacity, 1)) { buffer in
            _EventStorageHeader(
                entryCount: 0, entryCapacity: buffer.capacity,
                slots: .allocate(capacity: Swift.max(slotCapacity, 1)),
                slotCount: 0, slotCapacity: Swift.max(slotCapacity, 1))
        }
        // `create` returns the dynamic type it was called on: this class.
        return unsafeDowncast(buffer, to: _EventStorage.self)
    }

    /// A copy with room for at least the given numbers of entries and slots.
    @inlinable
    internal func copy(entryCapacity: Int, slotCapacity: Int) -> _EventStorage {
        withUnsafeMutablePointers { header, entries in
            let copy = Self.make(
                entryCapacity: Swift.max(entryCapacity, header.pointee.entryCount),
                slotCapacity: Swift.max(slotCapacity, header.pointee.slotCount))
            copy.withUnsafeMutablePointers { copyHeader, copyEntries in
                copyEntries.initialize(from: entries, count: header.pointee.entryCount)
                copyHeader.pointee.entryCount = header.pointee.entryCount
                copyHeader.pointee.slots.initialize(from: header.pointee.slots, count: header.pointee.slotCount)
                copyHeader.pointee.slotCount = header.pointee.slotCount
            }
            return copy
        }
    }

    deinit {
        withUnsafeMutablePointers { header, entries in
            _ = entries.deinitialize(count: header.pointee.entryCount)
            header.pointee.slots.deallocate()
        }
    }
}

/// Counts and the slot table of an ``_EventStorage``.
@usableFromInline
internal struct _EventStorageHeader {
    @usableFromInline internal var entryCount: Int
    @usableFromInline internal var entryCapacity: Int
    /// For each slot, the sequence of its pending event, `cancelledMark`, or `freeTag` with
    /// the free-stack link (see `_EventHeap`).
    @usableFromInline internal var slots: UnsafeMutablePointer<UInt64>
    @usableFromInline internal var slotCount: Int
    @usableFromInline internal var slotCapacity: Int

    @inlinable
    internal init(
        entryCount: Int, entryCapacity: Int, slots: UnsafeMutablePointer<UInt64>, slotCount: Int,
        slotCapacity: Int
    ) {
        self.entryCount = entryCount
        self.entryCapacity = entryCapacity
        self.slots = slots
        self.slotCount = slotCount
        self.slotCapacity = slotCapacity
    }
}
