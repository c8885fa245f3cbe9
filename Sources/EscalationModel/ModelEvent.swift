/// Everything that can happen in a replication. A plain enum with small payloads, so the kernel's
/// queue stores events inline and the loop allocates nothing per event.
public enum ModelEvent: Sendable, Hashable {
    /// An actor launches its next assault across the front.
    case assaultLaunch(actor: Int)
    /// One round of an ongoing engagement, identified by its slot.
    case combatRound(engagement: Int)
    /// An air-capable actor flies its next strike.
    case airStrike(actor: Int)
    /// A patron decides to reinforce, hold or draw down.
    case patronDecision(actor: Int)
    /// A patron's reinforcement reaches its client's field force.
    case reinforcementArrives(actor: Int, fighters: Double)
}
