/// The state of the war at the end of a day, for timelines.
public struct DailySnapshot: Sendable, Hashable {
    public var day: Int
    /// Share of total strategic value each actor holds, in scenario order.
    public var territoryShare: [Double]
    public var ladderLevel: Int
    public var civiliansKilled: Double
    public var civiliansInjured: Double
    public var civiliansDisplaced: Double
}
