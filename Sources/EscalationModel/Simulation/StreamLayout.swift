/// Which random stream of a replication serves what. Each event family and each actor draws from
/// its own stream, and each actor's and region's uncertain parameters from another, so changing
/// one actor's numbers in a what-if variant leaves every other stream's draws untouched
/// (common random numbers). Streams are numbered below `StreamSeeds.maxStreams` (256).
public enum StreamLayout {
    /// Uncertain parameters of the scenario's shared sections (combat, mediation, ...).
    public static let sharedParameters = 0
    /// Combat rounds: breakpoints and attrition.
    public static let combat = 1
    /// Civilian and garrison harm of airstrikes, and whether stationed troops are hit.
    public static let airstrikeEffects = 2
    /// Garrison withdrawals after a front breaks.
    public static let cascade = 3
    /// Mediation attempts.
    public static let mediation = 4
    /// The regime's chemical weapons hazard.
    public static let chemicalWeapons = 5
    /// Which particle of a calibrated posterior a replication uses (`run --posterior`).
    public static let posteriorParticle = 6
    /// Civilian harm of ground fighting, and displacement: who flees, where to, who returns.
    public static let civilianHarm = 7
    /// Besieged garrisons accepting evacuation deals.
    public static let siegesAndDeals = 9
    /// Patrons answering escalation: casualties among a patron's stationed troops, aircraft lost
    /// per sortie, and whether a patron steps in to protect a losing client.
    public static let patronEscalation = 8
    /// Deals between camps (`+Deals`).
    public static let deals = 11
    /// Reserved for force projection with distance from supply bases (it draws nothing yet).
    public static let supply = 10

    /// The most actors and regions a scenario may have, so that the blocks below fit.
    public static let maximumActors = 64
    public static let maximumRegions = 112

    /// Timing and choices of actor `index` (assaults, strikes, decisions).
    public static func actor(_ index: Int) -> Int {
        16 + index
    }

    /// Uncertain parameters of actor `index`.
    public static func actorParameters(_ index: Int) -> Int {
        16 + maximumActors + index
    }

    /// Uncertain parameters of region `index`.
    public static func regionParameters(_ index: Int) -> Int {
        16 + 2 * maximumActors + index
    }
}
