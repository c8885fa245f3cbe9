/// One Poisson process on an ``EventQueue``: an event that recurs at a rate which may change
/// as the simulation goes, with at most one occurrence pending at a time.
///
/// A model keeps one `PoissonProcess` per rate-driven mechanism (per actor, per server, ...)
/// and calls ``reschedule(_:rate:after:in:exponential:)`` in three places: to start it, first
/// thing in the handler of its event (for the next occurrence), and whenever the state its rate
/// depends on changes. The process owns the rest: the pending handle, cancelling it, turning
/// the rate into a draw, and scheduling nothing while the rate is 0.
///
///     var arrivals = PoissonProcess()
///     arrivals.reschedule(.arrival, rate: 0.5, after: now, in: &queue) {
///         stream.exponential(mean: $0)
///     }
///
/// Redrawing the pending occurrence whenever the rate changes keeps the process exact: the
/// exponential is memoryless, so the time already waited carries no information, and a fresh
/// draw at the new rate from the moment of change has the law of a process whose rate changed
/// then (a piecewise-constant rate, i.e. an inhomogeneous Poisson process).
///
/// The kernel draws no random numbers: the caller hands in `exponential`, which must return
/// an exponential variate with the mean it is given, drawn from the caller's own stream. It is
/// called once per scheduled occurrence and never when the rate is 0, so the caller's stream
/// sees exactly one draw per occurrence, in scheduling order.
///
/// Nothing here allocates: the process is a handle, and the closure is non-escaping. (The queue
/// allocates only while its lists and its set of cancelled events grow to their largest sizes.)
public struct PoissonProcess: Hashable, Sendable {
    /// Storage for `pending`; written only here.
    @usableFromInline
    internal var _pending: EventHandle?

    /// The handle of the occurrence scheduled last, if any. Once that event has run or been
    /// cancelled the handle matches nothing (see ``EventHandle``).
    ///
    /// Read-only outside the module (the public face of `private(set)`, spelled as a getter so
    /// the inlinable methods may update the storage).
    @inlinable
    public var pending: EventHandle? { _pending }

    /// A process with nothing scheduled.
    @inlinable
    public init() {
        _pending = nil
    }

    /// Replaces the pending occurrence, if any, with `event` after an exponential wait of
    /// mean `1 / rate` from `time`; schedules nothing (and draws nothing) unless `rate` is
    /// positive, so a rule that switches a process off returns 0.
    ///
    /// - Parameters:
    ///   - event: The payload of the next occurrence.
    ///   - rate: Occurrences per unit of time, from now on.
    ///   - time: The current time, from which the wait is drawn.
    ///   - queue: The queue the occurrence goes on.
    ///   - exponential: Draws an exponential variate of the mean it is given.
    /// - Complexity: O(1) expected (one cancel, one schedule); no allocations once the queue
    ///   has reached its largest size.
    @inlinable
    public mutating func reschedule<Event>(
        _ event: Event, rate: Double, after time: Double, in queue: inout EventQueue<Event>,
        exponential: (_ mean: Double) -> Double
    ) {
        cancel(in: &queue)
        guard rate > 0 else { return }
        _pending = queue.schedule(event, at: time + exponential(1 / rate))
    }

    /// Replaces the pending occurrence, if any, with `event` after an exponential wait of
    /// mean `meanInterval` from `time`; schedules nothing unless `meanInterval` is positive.
    ///
    /// The same process as ``reschedule(_:rate:after:in:exponential:)`` at rate
    /// `1 / meanInterval`, for rules stated as "every so many days on average": the mean reaches
    /// `exponential` as given, with no round trip through its reciprocal (which need not give
    /// back the same `Double`).
    ///
    /// - Complexity: As ``reschedule(_:rate:after:in:exponential:)``.
    @inlinable
    public mutating func reschedule<Event>(
        _ event: Event, meanInterval: Double, after time: Double, in queue: inout EventQueue<Event>,
        exponential: (_ mean: Double) -> Double
    ) {
        cancel(in: &queue)
        guard meanInterval > 0 else { return }
        _pending = queue.schedule(event, at: time + exponential(meanInterval))
    }

    /// Stops the process: its pending occurrence, if any, never runs.
    ///
    /// - Complexity: O(1), no allocations.
    @inlinable
    public mutating func cancel<Event>(in queue: inout EventQueue<Event>) {
        if let pending = _pending {
            queue.cancel(pending)
            _pending = nil
        }
    }
}
