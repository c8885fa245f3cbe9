/// The ordering key of one pending event.
///
/// Priority and insertion sequence share one word (`order`): the priority, biased to be
/// non-negative, in the top 16 bits and the sequence in the low 48, so that ties after `time`
/// are settled by a single unsigned comparison. With no slot or index beside it, a key is 16
/// bytes and an entry of an `Int` payload 24, the size of the plain C heap's element.
@usableFromInline
internal struct _EventKey: Sendable {
    /// When the event is due. Always finite.
    @usableFromInline
    internal var time: Double

    /// `(priority + 32768) << 48 | sequence`: lower runs first among events due at the same time.
    @usableFromInline
    internal var order: UInt64

    /// Priorities must lie in `Int16`'s range; sequences in 48 bits (2.8 x 10^14 events).
    /// Computed constants rather than `static let`s: a stored global is reached through an
    /// accessor call with a once-check on every `schedule`.
    @inlinable @inline(__always)
    internal static var priorityRange: ClosedRange<Int> { Int(Int16.min)...Int(Int16.max) }
    @inlinable @inline(__always)
    internal static var sequenceMask: UInt64 { (1 << 48) - 1 }

    @inlinable @inline(__always)
    internal init(time: Double, priority: Int, sequence: UInt64) {
        self.time = time
        self.order = UInt64(priority &+ 32768) << 48 | (sequence & Self.sequenceMask)
    }

    @inlinable @inline(__always)
    internal init(time: Double, order: UInt64) {
        self.time = time
        self.order = order
    }

    /// Before every key: the last-popped mark of a queue that has popped nothing.
    @inlinable @inline(__always)
    internal static var first: _EventKey { _EventKey(time: -.infinity, order: 0) }

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

    /// `time` as an unsigned integer in the same order: a < b exactly when
    /// `radix(a) < radix(b)`, and equal times (0 and -0 included) give equal integers. The radix
    /// queue files events by the bits of this number.
    ///
    /// Non-negative doubles already sort like their bit patterns; setting the sign bit puts
    /// them above the negative ones, whose patterns sort backwards and are inverted.
    @inlinable @inline(__always)
    internal static func radix(_ time: Double) -> UInt64 {
        let bits = (time + 0.0).bitPattern  // -0 + 0 is +0 under round-to-nearest
        return bits & (1 << 63) == 0 ? bits | (1 << 63) : ~bits
    }
}
