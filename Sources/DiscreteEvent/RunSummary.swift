/// Why a call to `Simulation.run` returned.
public enum StopReason: String, Sendable, Hashable {
    /// The next pending event lies after the horizon (or none is left and time reached it).
    case horizonReached = "horizon"
    /// The model's `shouldStop` became true.
    case stopCondition = "stop-condition"
    /// No event was left to execute before the horizon was reached.
    case queueExhausted = "queue-exhausted"
    /// The run executed its `maxEvents` budget while more events were still due.
    case maxEventsReached = "max-events"
}

/// The outcome of one call to `Simulation.run`.
public struct RunSummary: Sendable, Hashable {
    /// Why the run ended.
    public let reason: StopReason
    /// How many events this call executed (not counting earlier calls).
    public let eventsProcessed: Int
    /// The simulation time when the run ended: the horizon if it was reached, otherwise
    /// the time of the last event executed.
    public let endTime: Double

    @inlinable
    internal init(reason: StopReason, eventsProcessed: Int, endTime: Double) {
        self.reason = reason
        self.eventsProcessed = eventsProcessed
        self.endTime = endTime
    }
}
