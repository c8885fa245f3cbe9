import Stochastic

/// Everything one replication needs to know, as plain numbers: the scenario with every
/// uncertain parameter already drawn. Built by the `Scenario` module, never by hand in production.
public struct ModelParameters: Sendable, Hashable {
    public var horizonDays: Double
    /// Guard against runaway event cascades: the run stops and is reported as guarded.
    public var maxEvents: Int
    /// A war still running at the horizon counts as a stalemate (a frozen front) when no region
    /// has changed hands for this many days.
    public var stalemateDays: Double
    /// The camps, in scenario order (two hostile ones, opposition and loyalist, by default).
    public var camps: [CampSpec] = CampSpec.defaults
    public var actors: [ActorSpec]
    public var regions: [RegionSpec]
    /// Rungs in ascending order; rung 0 is where every run starts.
    public var ladder: [LadderRung]
    public var combat: CombatParameters
    public var cascade: CascadeParameters
    public var airCampaign: AirCampaignParameters
    public var patronRule: PatronRule
    public var mediation: MediationParameters
    public var chemicalWeapons: ChemicalWeaponsParameters
    public var collapse: CollapseRule
    /// Civilian harm of ground fighting.
    public var groundHarm = GroundHarmParameters()
    /// Flight from danger and return home.
    public var displacement = DisplacementParameters()
    /// Sieges of regions cut off from their camp's supply bases, and evacuation deals.
    public var siege = SiegeParameters()
    /// Deals that make neutral camps allies against a common enemy.
    public var deals = DealParameters()
    /// Force projection weakening with distance from the camp's supply bases.
    public var supply = SupplyParameters()

    public init(
        horizonDays: Double, maxEvents: Int = 10_000_000, stalemateDays: Double = 7, actors: [ActorSpec],
        regions: [RegionSpec],
        ladder: [LadderRung], combat: CombatParameters = CombatParameters(),
        cascade: CascadeParameters = CascadeParameters(), airCampaign: AirCampaignParameters = AirCampaignParameters(),
        patronRule: PatronRule = PatronRule(), mediation: MediationParameters = MediationParameters(),
        chemicalWeapons: ChemicalWeaponsParameters = ChemicalWeaponsParameters(), collapse: CollapseRule
    ) {
        self.horizonDays = horizonDays
        self.maxEvents = maxEvents
        self.stalemateDays = stalemateDays
        self.actors = actors
        self.regions = regions
        self.ladder = ladder
        self.combat = combat
        self.cascade = cascade
        self.airCampaign = airCampaign
        self.patronRule = patronRule
        self.mediation = mediation
        self.chemicalWeapons = chemicalWeapons
        self.collapse = collapse
    }

    /// How each pair of camps stands at the start (`camp x camps.count + other`): allied with
    /// itself, as `camps` lists, hostile otherwise.
    public var initialStances: [CampStance] {
        Self.stances(of: camps)
    }

    /// How each pair of `camps` stands at the start (`camp x camps.count + other`).
    public static func stances(of camps: [CampSpec]) -> [CampStance] {
        var stances = Array(repeating: CampStance.hostile, count: camps.count * camps.count)
        writeStances(of: camps, into: &stances)
        return stances
    }

    /// Writes the alliances and neutrality of `camps` over `stances`, which holds `.hostile`
    /// for every pair (a worker's tables refilled in place, `ModelTables.refill`).
    static func writeStances(of camps: [CampSpec], into stances: inout [CampStance]) {
        let count = camps.count
        for (index, camp) in camps.enumerated() {
            stances[index * count + index] = .allied
            for other in camp.neutral {
                stances[index * count + other] = .neutral
                stances[other * count + index] = .neutral
            }
            for other in camp.allied {
                stances[index * count + other] = .allied
                stances[other * count + index] = .allied
            }
        }
    }

    /// Indices of the regions whose fall is an outcome of its own, in scenario order.
    public var keyCities: [Int] {
        regions.indices.filter { regions[$0].isKeyCity }
    }

    /// Indices of the patrons, in scenario order.
    public var patrons: [Int] {
        actors.indices.filter { actors[$0].isPatron }
    }

    /// Indices of the actors with a posture toward their client, in scenario order.
    public var postureHolders: [Int] {
        actors.indices.filter { actors[$0].initialPosture != nil }
    }
}
