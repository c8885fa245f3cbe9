import DiscreteEvent

/// The changing state of one actor during a replication.
struct ActorState: Sendable, Hashable {
    var fieldStrength: Double
    var morale: Double
    var commitment: Double
    var posture: Posture?
    /// Fighters out of the fight: killed, wounded, captured and deserted (deserted includes
    /// besieged garrisons' losses to hunger and desertion).
    var losses: Double = 0
    var killed: Double = 0
    var captured: Double = 0
    var deserted: Double = 0
    var reinforcementsSent: Double = 0
    var postureChanges: Int = 0
    /// Airstrikes it has flown, for the daily series (the outcome counts all actors' strikes).
    var strikesFlown: Int = 0
    /// Aircraft it has lost to the enemy camp's air defences (`aircraft_loss_per_sortie`).
    var aircraftLost: Int = 0
    /// Times enemy fire hit its stationed troops (clashes between the camps' patrons), and the
    /// fighters those hits cost it: the grades of its answer (`respondToTroopsHit`).
    var troopIncidents: Int = 0
    var troopsLostToHits: Double = 0
    /// Until when a patron that retaliates keeps its air arm in the fight.
    var retaliationUntil: Double = 0
    /// Its assaults, at the rate `assaultRate(of:)` gives.
    var assaults = PoissonProcess()
    /// Its airstrikes, at the rate `sortieRate(of:)` gives.
    var strikes = PoissonProcess()
    /// A patron's decision epochs, every `decision_interval_days` on average.
    var decisions = PoissonProcess()
    /// Index of the current phase of its objectives (= their count once it consolidates).
    var objectivePhase: Int = 0
    /// Whether it is pausing after a completed phase, and until when.
    var objectivePaused: Bool = false
    var objectivePauseEnds: Double = 0
    /// Every region it holds is besieged: its field force is trapped and launches no assaults.
    var cutOff: Bool = false
}

/// The changing state of one region during a replication.
struct RegionState: Sendable, Hashable {
    var controller: Int
    var garrison: Double
    /// The garrison's own morale: shaken by losses nearby, it can break without a battle.
    var garrisonMorale: Double
    /// The morale below which this garrison breaks: its formation's own line (see `CascadeParameters`).
    var breakingMorale: Double
    var population: Double
    var underAssault: Bool = false
    var withdrawalPending: Bool = false
    /// Day the region first changed hands, if it has.
    var firstFallDay: Double?
    /// Cut off from every supply base of its camp (see `SiegeParameters`).
    var besieged: Bool = false
    /// A patron whose troops stand in the garrison (`reinforce: garrisons`), or -1, and the share
    /// of the garrison they make up.
    var stationedActor: Int = -1
    var stationedShare: Double = 0
    /// Hops from the nearest supply base of its holder's camp through the camp's own ground
    /// (`Int.max` when cut off); kept only while the loss-of-strength gradient is active.
    var supplyHops: Int = 0
}
