/// A growable array of entries with no storage object of its own: the radix queue keeps 257 of
/// them in one ``_EventStorage``, which is checked for sharing once per operation instead of
/// once per list touched (a `ContiguousArray` each would cost a uniqueness check, a runtime
/// call, on every append).
///
/// The owner deinitializes and frees the memory (`destroy()`); a list never shrinks, so a
/// queue that has reached its largest size allocates nothing more.
@usableFromInline
internal struct _EntryList<Event> {
    @usableFromInline
    internal var base: UnsafeMutablePointer<_EventEntry<Event>>?
    @usableFromInline
    internal var count: Int
    @usableFromInline
    internal var capacity: Int

    /// An empty list; nothing is allocated until the first append.
    @inlinable
    internal init() {
        base = nil
        count = 0
        capacity = 0
    }

    /// The first element's address. The list must have allocated storage.
    @inlinable @inline(__always)
    internal var elements: UnsafeMutablePointer<_EventEntry<Event>> { base.unsafelyUnwrapped }

    /// Adds `entry` at the end, growing first if the list is full.
    ///
    /// - Complexity: amortized O(1)
    @inlinable @inline(__always)
    internal mutating func append(_ entry: _EventEntry<Event>) {
        if count == capacity { grow(to: Swift.max(capacity &* 2, 8)) }
        (elements + count).initialize(to: entry)
        count &+= 1
    }

    /// Moves the elements to new memory with room for `newCapacity` (at least `count`).
    @inlinable
    internal mutating func grow(to newCapacity: Int) {
        let memory = UnsafeMutablePointer<_EventEntry<Event>>.allocate(capacity: newCapacity)
        if let base {
            memory.moveInitialize(from: base, count: count)
            base.deallocate()
        }
        base = memory
        capacity = newCapacity
    }

    /// Deinitializes every element and keeps the memory.
    @inlinable
    internal mutating func removeAll() {
        if let base { base.deinitialize(count: count) }
        count = 0
    }

    /// A list holding copies of this one's elements, with memory of its own.
    @inlinable
    internal func copy() -> _EntryList {
        var copy = _EntryList()
        if count > 0 {
            copy.grow(to: count)
            copy.elements.initialize(from: elements, count: count)
            copy.count = count
        }
        return copy
    }

    /// Deinitializes the elements and frees the memory; the list must not be used again.
    @inlinable
    internal mutating func destroy() {
        removeAll()
        base?.deallocate()
        base = nil
        capacity = 0
    }
}
