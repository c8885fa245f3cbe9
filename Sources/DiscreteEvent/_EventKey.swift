/// The ordering key of one pending event, as stored in the heap.
///
/// Keys are small and payload-free so that sifting moves 24 bytes per step no matter how
/// large `Event` is; the payload stays put in the queue's slot table, found through `slot`.
/// Priority and insertion sequence share one word (`order`): the priority, biased to be
/// non-negative, in the top 16 bits and the sequence in the low 48, so that ties after `time`
/// are settled by a single unsigned comparison. (A 32-byte key with separate fields cost one
/// more compare-and-move per heap level on the hot path; see Benchmarks/compare/README.md.)
@usableFromInline
internal struct _EventKey: Sendable {
    /// When the event is due. Always finite.
    @usableFromInline
    internal var time: Double

    /// `(priority + 32768) << 48 | sequence`: lower runs first among events due at the same time.
    @usableFromInline
    internal var order: UInt64

    /// Index of the event's payload in the queue's slot table.
    @usableFromInline
    internal var slot: Int

    /// Priorities must lie in `Int16`'s range; sequences in 48 bits (2.8 x 10^14 events).
    /// Computed constants rather than `static let`s: a stored global is reached through an
    /// accessor call with a once-check on every `schedule`.
    @inlinable @inline(__always)
    internal static var priorityRange: ClosedRange<Int> { Int(Int16.min)...Int(Int16.max) }
    @inlinable @inline(__always)
    internal static var sequenceMask: UInt64 { (1 << 48) - 1 }

    @inlinable @inline(__always)
    internal init(time: Double, priority: Int, sequence: UInt64, slot: Int) {
        self.time = time
        self.order = UInt64(priority &+ 32768) << 48 | (sequence & Self.sequenceMask)
        self.slot = slot
    }

    /// The insertion sequence (low 48 bits of `order`).
    @inlinable @inline(__always)
    internal var sequence: UInt64 { order & Self.sequenceMask }

    /// True if `self` must run before `other`: earlier time, then lower priority, then
    /// earlier insertion. Sequences are unique, so this is a strict total order and
    /// equal-time ties are resolved identically on every run.
    ///
    /// - Complexity: O(1)
    @inlinable @inline(__always)
    internal func precedes(_ other: _EventKey) -> Bool {
        time < other.time || (time == other.time && order < other.order)
    }
}
