/// The state of the war at the end of a day, for timelines and the daily series
/// (`DailySeriesCatalogue`). Per-actor and per-region arrays follow the scenario's order.
public struct DailySnapshot: Sendable, Hashable {
    public var day: Int
    /// Share of total strategic value each actor holds, in scenario order.
    public var territoryShare: [Double]
    public var ladderLevel: Int
    public var civiliansKilled: Double
    public var civiliansInjured: Double
    /// People away from home at the end of the day (departures less returns).
    public var civiliansDisplaced: Double
    /// People who have left home so far (every departure).
    public var civiliansFled: Double
    /// The actor (its index) holding each region.
    public var controllers: [Int]
    /// Fighters each actor has lost so far: killed, wounded, captured and deserted.
    public var losses: [Double]
    /// Of those, killed (by fire in battle or from the air), captured and deserted; the rest are
    /// wounded.
    public var killed: [Double]
    public var captured: [Double]
    public var deserted: [Double]
    /// Airstrikes each actor has flown so far.
    public var strikes: [Int]
    /// Fighters each actor has decided to send to its client so far (0 for an actor that is no patron).
    public var reinforcements: [Double]
    /// Aircraft each actor has lost so far to the enemy camp's air defences.
    public var aircraftLost: [Int] = []

    /// A snapshot with nothing in it yet, to be filled (`EscalationSimulation.record(_:day:)`).
    static var empty: DailySnapshot {
        DailySnapshot(
            day: 0, territoryShare: [], ladderLevel: 0, civiliansKilled: 0, civiliansInjured: 0,
            civiliansDisplaced: 0, civiliansFled: 0, controllers: [], losses: [], killed: [], captured: [],
            deserted: [], strikes: [], reinforcements: [], aircraftLost: [])
    }
}
