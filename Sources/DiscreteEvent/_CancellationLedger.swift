/// What ``EventQueue`` needs to know to answer `isPending` and `cancel` without a table indexed
/// by event: cancellation costs nothing per event for a model that never cancels.
///
/// A handle carries its event's key. Keys leave the queue in order, so the largest key removed
/// so far (`lastRemoved`) splits every key ever issued in two: one after it has not left yet;
/// one before it has left, unless it was scheduled after `lastRemoved` left, at the clock's
/// time with a lower priority, to run before it. Those few wait in `behind`. Cancelled events
/// stay in the queue, as tombstones, until they reach the front; their sequences wait in
/// `cancelled`. Both sets are empty in a model that does not cancel or look back, and each
/// operation then costs one comparison and an emptiness check.
@usableFromInline
internal struct _CancellationLedger {
    /// Sequences of the cancelled events still held by the queue.
    @usableFromInline
    internal var cancelled: Set<UInt64>

    /// Sequences of the pending events whose key precedes `lastRemoved`.
    @usableFromInline
    internal var behind: Set<UInt64>

    /// The largest key that has left the queue (popped, or dropped as a tombstone).
    @usableFromInline
    internal var lastRemoved: _EventKey

    /// Events with a lower sequence were discarded by `removeAll` and are pending no more.
    @usableFromInline
    internal var watermark: UInt64

    @inlinable
    internal init() {
        cancelled = []
        behind = []
        lastRemoved = .first
        watermark = 0
    }
}

extension _CancellationLedger: Sendable {}

extension _CancellationLedger {
    /// Whether the event with `key` is still pending.
    ///
    /// - Complexity: O(1)
    @inlinable
    internal func isPending(_ key: _EventKey) -> Bool {
        let sequence = key.sequence
        guard sequence >= watermark else { return false }
        if !cancelled.isEmpty && cancelled.contains(sequence) { return false }
        if lastRemoved.precedes(key) { return true }
        return !behind.isEmpty && behind.contains(sequence)
    }

    /// Notes a newly scheduled key.
    @inlinable @inline(__always)
    internal mutating func scheduled(_ key: _EventKey) {
        if key.precedes(lastRemoved) { behind.insert(key.sequence) }
    }

    /// Notes that `key` has left the queue at its front.
    @inlinable @inline(__always)
    internal mutating func removed(_ key: _EventKey) {
        if lastRemoved.precedes(key) {
            lastRemoved = key
        } else if !behind.isEmpty {
            behind.remove(key.sequence)
        }
    }

    /// Marks the pending event with `key` cancelled.
    @inlinable
    internal mutating func cancel(_ key: _EventKey) {
        cancelled.insert(key.sequence)
    }

    /// True, and forgets the mark, if the entry with `key` (at the queue's front) is cancelled.
    @inlinable @inline(__always)
    internal mutating func takeTombstone(_ key: _EventKey) -> Bool {
        !cancelled.isEmpty && cancelled.remove(key.sequence) != nil
    }

    /// Forgets every event: those with a sequence below `nextSequence` are pending no more.
    /// Nothing held is behind anything removed, so the split starts again from the first key.
    /// The sets keep their capacity.
    @inlinable
    internal mutating func removeAll(nextSequence: UInt64) {
        cancelled.removeAll(keepingCapacity: true)
        behind.removeAll(keepingCapacity: true)
        lastRemoved = .first
        watermark = nextSequence
    }
}
