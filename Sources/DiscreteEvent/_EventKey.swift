/// The ordering key of one pending event, as stored in the heap.
///
/// Keys are small and payload-free so that sifting moves 32 bytes per step no matter how
/// large `Event` is; the payload stays put in the queue's slot table, found through `slot`.
@usableFromInline
internal struct _EventKey: Sendable {
    /// When the event is due. Always finite.
    @usableFromInline
    internal var time: Double

    /// Lower values run first among events due at the same `time`.
    @usableFromInline
    internal var priority: Int

    /// Insertion number; breaks the remaining ties first-in, first-out.
    @usableFromInline
    internal var sequence: UInt64

    /// Index of the event's payload in the queue's slot table.
    @usableFromInline
    internal var slot: Int

    @inlinable @inline(__always)
    internal init(time: Double, priority: Int, sequence: UInt64, slot: Int) {
        self.time = time
        self.priority = priority
        self.sequence = sequence
        self.slot = slot
    }

    /// True if `self` must run before `other`: earlier time, then lower priority, then
    /// earlier insertion. Sequences are unique, so this is a strict total order and
    /// equal-time ties are resolved identically on every run.
    ///
    /// - Complexity: O(1)
    @inlinable @inline(__always)
    internal func precedes(_ other: _EventKey) -> Bool {
        if time != other.time { return time < other.time }
        if priority != other.priority { return priority < other.priority }
        return sequence < other.sequence
    }
}
