/// One assault in progress: an attacking force against a region's garrison, fought in rounds.
struct Engagement: Sendable, Hashable {
    var attacker: Int
    var defender: Int
    var region: Int
    var attackers: Double
    var defenders: Double
    let initialAttackers: Double
    let initialDefenders: Double
    /// Morale of each side when the engagement began (it fights on that morale).
    let attackerMorale: Double
    let defenderMorale: Double
    /// Losses (share of the initial force) at which each side breaks, drawn at the start.
    let attackerBreakShare: Double
    let defenderBreakShare: Double
    var rounds: Int = 0
    /// A patron whose troops are among the defenders (`RegionState.stationedActor`), or -1, and
    /// their share of the defenders.
    var stationedActor: Int = -1
    var stationedShare: Double = 0
    /// The loss-of-strength factor on the attackers' power, set when the assault is launched.
    var attackerSupply: Double = 1

    var attackerLossShare: Double { 1 - attackers / initialAttackers }
    var defenderLossShare: Double { initialDefenders > 0 ? 1 - defenders / initialDefenders : 1 }
}
