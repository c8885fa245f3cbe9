/// One queued event: its ordering key and its payload, kept together so that moving an event
/// between the radix queue's lists is one copy.
@usableFromInline
internal struct _EventEntry<Event> {
    @usableFromInline
    internal var key: _EventKey
    @usableFromInline
    internal var event: Event

    @inlinable @inline(__always)
    internal init(key: _EventKey, event: Event) {
        self.key = key
        self.event = event
    }
}

extension _EventEntry: Sendable where Event: Sendable {}
