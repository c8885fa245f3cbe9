/// The state and behaviour of a simulated system, driven event by event by a ``Simulation``.
///
/// A model owns all domain state; the kernel only owns time and the future-event list.
/// Handling an event typically updates state and schedules follow-up events on the queue
/// it is given, at the current time or later.
public protocol DiscreteEventModel {
    /// What a scheduled event carries; usually an enum of the model's event kinds.
    associatedtype Event

    /// Handles one event at `time`; schedules follow-ups on `queue`.
    ///
    /// Follow-ups may be scheduled at `time` itself (they run after everything already due
    /// at `time` with the same or lower priority) but never earlier.
    mutating func handle(_ event: Event, at time: Double, queue: inout EventQueue<Event>)

    /// Checked after every event; true ends the run with `.stopCondition`.
    var shouldStop: Bool { get }
}
