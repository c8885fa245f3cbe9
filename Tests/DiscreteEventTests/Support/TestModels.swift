import DiscreteEvent

/// A tracer that keeps everything it is shown.
struct RecordingTracer<Event>: EventTracer {
    var records: [(time: Double, event: Event)] = []

    mutating func record(_ event: Event, at time: Double) {
        records.append((time, event))
    }
}

/// Logs every handled event; optionally reschedules each one `delay` later, and stops once
/// `stopAfter` events have been handled.
struct LoggingModel: DiscreteEventModel {
    typealias Event = Int

    var handled: [(time: Double, event: Int)] = []
    var rescheduleDelay: Double?
    var stopAfter: Int?

    mutating func handle(_ event: Int, at time: Double, queue: inout EventQueue<Int>) {
        handled.append((time, event))
        if let delay = rescheduleDelay {
            queue.schedule(event, at: time + delay)
        }
    }

    var shouldStop: Bool {
        guard let limit = stopAfter else { return false }
        return handled.count >= limit
    }
}

/// A runaway model: every event schedules another one at the very same time, forever.
struct RunawayModel: DiscreteEventModel {
    typealias Event = Void

    var handledCount = 0

    mutating func handle(_ event: Void, at time: Double, queue: inout EventQueue<Void>) {
        handledCount += 1
        queue.schedule((), at: time)
    }

    var shouldStop: Bool { false }
}

extension EventQueue {
    /// Pops everything, in order.
    mutating func drain() -> [(time: Double, event: Event)] {
        var out: [(time: Double, event: Event)] = []
        while let next = popNext() {
            out.append(next)
        }
        return out
    }
}
