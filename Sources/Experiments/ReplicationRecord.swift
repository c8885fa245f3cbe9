import EscalationModel

/// One finished replication: its outcome and the draws of the scenario's uncertain parameters.
public struct ReplicationRecord: Sendable {
    public var outcome: ReplicationOutcome
    /// In the order of `Scenario.uncertainParameters`.
    public var draws: [Double]
}
