/// Observes every event a ``Simulation`` executes, in execution order.
///
/// `record(_:at:)` is called just before the model handles the event. Tracers are
/// passed generically (never as existentials), so a tracer that does nothing compiles to
/// nothing.
public protocol EventTracer<Event> {
    /// The event type of the simulations this tracer can observe.
    associatedtype Event

    /// Called once for each executed event, with the simulation time it runs at.
    mutating func record(_ event: Event, at time: Double)
}

/// A tracer that records nothing; the default for `Simulation.run(until:maxEvents:)`.
public struct NoTracer<Event>: EventTracer {
    /// One byte of padding, so the tracer has a real address: Thread Sanitizer instruments the
    /// `inout` access to it and faulted on the placeholder address Swift passes for an empty
    /// type (SEGV in __tsan::ExternalAccess under `swift test --sanitize=thread`). The optimiser
    /// still removes it from release builds.
    @usableFromInline
    internal var _padding: UInt8 = 0

    /// Creates the (stateless) tracer.
    @inlinable
    public init() {}

    /// Does nothing; inlined away entirely.
    ///
    /// - Complexity: O(1), zero instructions after inlining.
    @inlinable @inline(__always)
    public mutating func record(_ event: Event, at time: Double) {}
}

extension NoTracer: Sendable {}
