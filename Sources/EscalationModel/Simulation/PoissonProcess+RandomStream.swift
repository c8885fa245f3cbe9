import DiscreteEvent
import Stochastic

/// The model's rate-driven families (assaults, strikes, patron decisions, mediation attempts)
/// draw the waits of their Poisson processes from their own random streams.
extension PoissonProcess {
    /// Replaces the pending occurrence with `event` after a wait drawn from `stream` at `rate`
    /// per day (nothing while the rate is 0). See `reschedule(_:rate:after:in:exponential:)`.
    @inline(__always)
    mutating func reschedule<Event>(
        _ event: Event, rate: Double, after time: Double, stream: RandomStream,
        queue: inout EventQueue<Event>
    ) {
        reschedule(event, rate: rate, after: time, in: &queue) { stream.exponential(mean: $0) }
    }

    /// Replaces the pending occurrence with `event` after a wait drawn from `stream` with mean
    /// `meanInterval` days (nothing while it is 0).
    @inline(__always)
    mutating func reschedule<Event>(
        _ event: Event, meanInterval: Double, after time: Double, stream: RandomStream,
        queue: inout EventQueue<Event>
    ) {
        reschedule(event, meanInterval: meanInterval, after: time, in: &queue) { stream.exponential(mean: $0) }
    }
}
