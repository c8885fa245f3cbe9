import DiscreteEvent

/// What one replication produced. Per-city, per-rung and per-actor arrays follow the order of
/// the scenario (`ModelParameters.keyCities`, `.ladder`, `.patrons`, `.postureHolders`, `.actors`).
public struct ReplicationOutcome: Sendable, Hashable {
    public var replication: Int
    public var stopReason: StopReason
    public var endState: EndState
    public var eventsProcessed: Int
    public var endDay: Double
    /// Day each key city first changed hands, nil if it held.
    public var cityFallDay: [Double?]
    public var collapseDay: Double?
    public var ceasefireDay: Double?
    public var chemicalWeaponsDay: Double?
    /// Ceasefires brokered, the one in force at the end included (earlier ones broke down).
    public var ceasefires: Int = 0
    /// Day the first deal made two camps allies, nil if none did.
    public var dealDay: Double? = nil
    public var peakLadderLevel: Int
    public var finalLadderLevel: Int
    /// Day each rung was first reached, nil if never.
    public var rungFirstDay: [Double?]
    public var civiliansKilled: Double
    public var civiliansInjured: Double
    /// People away from home at the end (departures less returns).
    public var civiliansDisplaced: Double
    /// People who left home during the run (every departure).
    public var civiliansFled: Double
    public var airstrikes: Int
    /// Fighters sent by each patron.
    public var reinforcementsSent: [Double]
    /// Posture changes of each actor with a posture.
    public var postureChanges: [Int]
    /// Share of total strategic value each actor holds at the end; sums to 1.
    public var territoryShare: [Double]
    /// Fighters each actor lost: killed, wounded, captured and deserted.
    public var combatantLosses: [Double]
    /// Of those, killed in battle and by airstrikes.
    public var combatantsKilled: [Double]
    /// The state at the end of each simulated day, for timelines.
    public var snapshots: [DailySnapshot]
    /// The last whole day of the horizon: a timeline of this run covers days 1...lastDay.
    public var lastDay: Int
    /// The state the run ended in, which stands for every day after its last review (a run that
    /// hit the guard); its `day` is `lastDay`.
    public var finalState: DailySnapshot
}
