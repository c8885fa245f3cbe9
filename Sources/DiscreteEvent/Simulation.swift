/// A discrete-event simulation: a model, its future-event list, and a clock.
///
/// Schedule the initial events on `queue`, then call `run(until:maxEvents:)`:
///
///     var simulation = Simulation(model: Bank(tellers: 2))
///     simulation.queue.schedule(.arrival, at: 0)
///     let summary = simulation.run(until: 480, maxEvents: 1_000_000)
///
/// The run pops events in order, advances `now` to each event's time, and lets the model
/// handle it. It ends when the next event lies after the horizon, the queue runs dry, the
/// model's `shouldStop` becomes true, or the event budget is spent, whichever comes first.
/// Runs can be resumed: a later call continues from `now` with whatever is still queued.
///
/// The loop itself allocates nothing, and with `@inlinable` throughout, a client module
/// gets it specialized for its concrete model, event and tracer types.
public struct Simulation<Model: DiscreteEventModel> {
    /// The simulated system.
    public var model: Model

    /// Pending events. Events may be added before and between runs, never before `now`.
    public var queue: EventQueue<Model.Event>

    /// Storage for `now`; written only by the kernel.
    @usableFromInline
    internal var _now: Double

    /// Storage for `eventsProcessed`; written only by the kernel.
    @usableFromInline
    internal var _eventsProcessed: Int

    /// The current simulation time: the time of the last executed event, or the horizon
    /// once a run has reached it.
    ///
    /// Read-only outside the module (the public face of `private(set)`, spelled as a
    /// getter so the inlinable run loop may update the storage).
    ///
    /// - Complexity: O(1)
    @inlinable
    public var now: Double { _now }

    /// The number of events executed over all runs so far. Read-only outside the module.
    ///
    /// - Complexity: O(1)
    @inlinable
    public var eventsProcessed: Int { _eventsProcessed }

    /// Creates a simulation of `model` whose clock starts at `startTime`, with an empty
    /// queue that refuses events before `startTime`.
    ///
    /// - Complexity: O(1), plus the queue's initial allocation.
    @inlinable
    public init(model: Model, startTime: Double = 0) {
        precondition(
            startTime.isFinite, "Simulation start time must be finite (got \(startTime))")
        self.model = model
        self.queue = EventQueue()
        self.queue._advanceClock(to: startTime)
        self._now = startTime
        self._eventsProcessed = 0
    }
}

extension Simulation {
    /// Creates a simulation of `model` that runs on `queue`'s memory: the queue is emptied and
    /// its clock set to `startTime`, as a new one would be. A worker that runs replication after
    /// replication hands each simulation the queue of the one before, so that none allocates a
    /// queue once the first has grown it. Handles issued by the queue before match nothing.
    ///
    /// - Complexity: O(number of events still queued)
    @inlinable
    public init(model: Model, queue: consuming EventQueue<Model.Event>, startTime: Double = 0) {
        precondition(
            startTime.isFinite, "Simulation start time must be finite (got \(startTime))")
        queue._restart(at: startTime)
        self.model = model
        self.queue = queue
        self._now = startTime
        self._eventsProcessed = 0
    }

    /// Starts over with `model` at `startTime`: an empty queue, the clock at `startTime` and no
    /// events processed, as a new `Simulation(model:startTime:)`, but keeping the queue's
    /// memory. Running replication after replication on one simulation this way allocates
    /// nothing for the queue once it has reached its largest size.
    ///
    /// Handles issued before the restart match nothing afterwards.
    ///
    /// - Complexity: O(number of events still queued)
    @inlinable
    public mutating func restart(with model: Model, at startTime: Double = 0) {
        precondition(
            startTime.isFinite, "Simulation start time must be finite (got \(startTime))")
        self.model = model
        queue._restart(at: startTime)
        _now = startTime
        _eventsProcessed = 0
    }
}

extension Simulation: Sendable where Model: Sendable, Model.Event: Sendable {}

extension Simulation {
    /// Executes events in order until one of the stop rules applies (see
    /// `run(until:maxEvents:tracer:)`), without tracing.
    ///
    /// - Complexity: O(k log n) for k executed events and at most n pending events.
    @inlinable
    public mutating func run(until horizon: Double, maxEvents: Int) -> RunSummary {
        var tracer = NoTracer<Model.Event>()
        return run(until: horizon, maxEvents: maxEvents, tracer: &tracer)
    }

    /// Executes events in order, reporting each to `tracer` just before the model handles
    /// it, until one of these applies (checked in this order):
    ///
    /// - `.stopCondition`: `model.shouldStop` is true, checked after each event (and once
    ///   before the first, so a stopped model is never advanced);
    /// - `.queueExhausted`: no event is pending; `endTime` is the last event's time;
    /// - `.horizonReached`: the next event is due after `horizon`; it stays queued, and
    ///   `now` and `endTime` become `horizon`. An event due exactly at `horizon` runs;
    /// - `.maxEventsReached`: this call has executed `maxEvents` events and another is
    ///   still due; it stays queued. This guards against models that schedule themselves
    ///   forever without time advancing.
    ///
    /// - Parameters:
    ///   - horizon: The last simulation time at which events may run; may be `.infinity`.
    ///     Must not be before `now`.
    ///   - maxEvents: The most events this call may execute; must not be negative.
    ///   - tracer: Receives every executed event, in order.
    /// - Returns: Why the run stopped, how many events this call executed, and the time.
    /// - Complexity: O(k log n) for k executed events and at most n pending events; the
    ///   loop allocates nothing per event.
    @inlinable
    public mutating func run<T: EventTracer>(
        until horizon: Double, maxEvents: Int, tracer: inout T
    ) -> RunSummary where T.Event == Model.Event {
        precondition(!horizon.isNaN, "Simulation.run: the horizon must not be NaN")
        precondition(
            horizon >= now,
            "Simulation.run: the horizon t=\(horizon) is before the current time t=\(now)")
        precondition(
            maxEvents >= 0, "Simulation.run: maxEvents must not be negative (got \(maxEvents))")
        queue._advanceClock(to: now)

        var executed = 0
        if model.shouldStop {
            return RunSummary(reason: .stopCondition, eventsProcessed: 0, endTime: now)
        }
        while true {
            guard let nextTime = queue.nextTime else {
                return RunSummary(reason: .queueExhausted, eventsProcessed: executed, endTime: now)
            }
            guard nextTime <= horizon else {
                _now = horizon
                queue._advanceClock(to: horizon)
                return RunSummary(reason: .horizonReached, eventsProcessed: executed, endTime: now)
            }
            guard executed < maxEvents else {
                return RunSummary(reason: .maxEventsReached, eventsProcessed: executed, endTime: now)
            }
            let (time, event) = queue.popNext().unsafelyUnwrapped
            _now = time
            tracer.record(event, at: time)
            model.handle(event, at: time, queue: &queue)
            executed &+= 1
            _eventsProcessed &+= 1
            if model.shouldStop {
                return RunSummary(reason: .stopCondition, eventsProcessed: executed, endTime: now)
            }
        }
    }
}
