/// The changing state of one actor during a replication.
struct ActorState: Sendable, Hashable {
    var fieldStrength: Double
    var morale: Double
    var sortiesPerDay: Double
    var commitment: Double
    var losses: Double = 0
    var reinforcementsSent: Double = 0
}

/// The changing state of one region during a replication.
struct RegionState: Sendable, Hashable {
    var controller: Int
    var garrison: Double
    var population: Double
    var underAssault: Bool = false
    /// Day the region first changed hands, if it has.
    var firstFallDay: Double?
}
