/// Everything that can happen in a replication. A plain enum with small payloads, so the kernel's
/// queue stores events inline and the loop allocates nothing per event.
public enum ModelEvent: Sendable, Hashable {
    /// An actor launches its next assault across the front.
    case assaultLaunch(actor: Int)
    /// One round of an ongoing engagement, identified by its slot.
    case combatRound(engagement: Int)
    /// An air-capable actor flies its next strike.
    case airStrike(actor: Int)
    /// A patron decides to reinforce, hold or draw down, and reviews its posture.
    case patronDecision(actor: Int)
    /// A patron's reinforcement arrives.
    case reinforcementArrives(actor: Int, fighters: Double)
    /// A garrison whose morale broke pulls out of its region.
    case garrisonWithdraws(region: Int)
    /// Outside mediators try for a ceasefire.
    case mediationAttempt
    /// The end of a day: snapshot, and the regime's desperate choices.
    case dailyReview(day: Int)
}
