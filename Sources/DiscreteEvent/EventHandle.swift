/// An opaque token naming one scheduled event in the ``EventQueue`` that issued it.
///
/// Use a handle to ask whether the event is still pending or to cancel it. A handle stays
/// safe to use forever: once its event has run, been cancelled, or been discarded by
/// ``EventQueue/removeAll()``, the handle simply stops matching anything, even if the queue
/// has since reused the event's internal storage for a newer event.
///
/// Handles are only meaningful to the queue that issued them.
public struct EventHandle: Hashable, Sendable {
    /// The storage slot the event occupied when it was scheduled.
    @usableFromInline
    internal let _slot: Int

    /// The queue-wide insertion number of the event; never repeats within one queue.
    @usableFromInline
    internal let _sequence: UInt64

    @inlinable
    internal init(_slot slot: Int, sequence: UInt64) {
        self._slot = slot
        self._sequence = sequence
    }
}
