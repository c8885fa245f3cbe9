/// Which random stream of a replication serves what. Each event family and each actor draws from
/// its own stream, so changing one actor's numbers leaves every other stream's draws untouched
/// (common random numbers across what-if variants).
public enum StreamLayout {
    /// Draws of the scenario's uncertain parameters, once per replication.
    public static let parameters = 0
    /// Combat rounds: breakpoints and attrition.
    public static let combat = 1
    /// Civilian and garrison harm of airstrikes.
    public static let airstrikeEffects = 2
    /// First stream of the per-actor block: timing and choices of actor `i` use `actorBase + i`.
    public static let actorBase = 16

    /// The stream of actor `index`.
    public static func actor(_ index: Int) -> Int {
        actorBase + index
    }
}
