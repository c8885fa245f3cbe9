/// Where a patron's reinforcements go (scenario key `reinforce`).
public enum ReinforcementTarget: String, Sendable, Hashable, CaseIterable {
    /// They join the client's field force.
    case client
    /// The patron's own field force grows and fights (assaults, under the patron's command).
    case ownForces = "own_forces"
    /// They garrison the client's front-line regions alongside its own garrisons, under the
    /// patron's command: they defend, take their own losses, and draw the patron into any assault
    /// on those regions (a patron's or ally's troops holding a client's towns).
    case garrisons
}
