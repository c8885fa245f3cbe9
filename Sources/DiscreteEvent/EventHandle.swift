/// An opaque token naming one scheduled event in the ``EventQueue`` that issued it.
///
/// Use a handle to ask whether the event is still pending or to cancel it. A handle stays
/// safe to use forever: once its event has run, been cancelled, or been discarded by
/// ``EventQueue/removeAll()``, the handle simply stops matching anything.
///
/// Handles are only meaningful to the queue that issued them.
public struct EventHandle: Hashable, Sendable {
    /// The event's time.
    @usableFromInline
    internal let _time: Double

    /// The event's priority and queue-wide insertion number (``_EventKey/order``); the
    /// number never repeats within one queue.
    @usableFromInline
    internal let _order: UInt64

    @inlinable
    internal init(_ key: _EventKey) {
        self._time = key.time
        self._order = key.order
    }

    /// The key of the event this handle names.
    @inlinable
    internal var _key: _EventKey { _EventKey(time: _time, order: _order) }
}
