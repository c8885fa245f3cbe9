import Stochastic

/// The numbers the event handlers read on every event, laid out flat: plain arrays of scalars
/// and a compressed adjacency list, built from `ModelParameters` for each replication (refilled
/// in place when a worker reuses them, `refill(_:)`).
/// Reading `parameters.regions[i].neighbours` copies a struct holding strings and an array
/// (a retain and release each time); these tables cost nothing per read. Profiles of the
/// baseline showed retain/release as the largest items before this layout.
///
/// A class, holding the parameters too, so that the simulation's own struct stays small: with
/// both inline it was 1,160 bytes, and Swift copied all of it (memcpy) before calls such as
/// target choice on every strike, about 5% of a replication.
///
/// Fields are `var` only so that `refill(_:)` can write them in place; `@exclusivity(unchecked)`
/// because handlers read them on every event and nothing writes them while a simulation runs
/// (`@unchecked Sendable` for the same reason: one worker owns a table set at a time).
final class ModelTables: @unchecked Sendable {
    @exclusivity(unchecked) private(set) var parameters: ModelParameters
    @exclusivity(unchecked) private(set) var actorCamp: [Camp] = []
    @exclusivity(unchecked) private(set) var campCount: Int = 0
    /// How each pair of camps stands at the start (`camp x campCount + other`).
    @exclusivity(unchecked) private(set) var initialStances: [CampStance] = []
    @exclusivity(unchecked) private(set) var actorQuality: [Double] = []
    @exclusivity(unchecked) private(set) var actorSorties: [Double] = []
    @exclusivity(unchecked) private(set) var actorAssaultsPerDay: [Double] = []
    @exclusivity(unchecked) private(set) var actorAssaultCommitment: [Double] = []
    @exclusivity(unchecked) private(set) var regionValue: [Double] = []
    @exclusivity(unchecked) private(set) var regionFortification: [Double] = []
    @exclusivity(unchecked) private(set) var regionIsKeyCity: [Bool] = []
    /// Neighbours of region r are `neighbourList[neighbourStart[r] ..< neighbourStart[r + 1]]`.
    @exclusivity(unchecked) private(set) var neighbourStart: [Int] = []
    @exclusivity(unchecked) private(set) var neighbourList: [Int] = []
    /// Rungs of each trigger (by `LadderTrigger` position): `rungList[rungStart[t] ..< rungStart[t + 1]]`.
    @exclusivity(unchecked) private(set) var rungStart: [Int] = []
    @exclusivity(unchecked) private(set) var rungList: [Int] = []
    @exclusivity(unchecked) private(set) var rungThreshold: [Double] = []
    /// `parameters.keyCities`, `.patrons` and `.postureHolders`, which compute a new array on each read.
    @exclusivity(unchecked) private(set) var keyCities: [Int] = []
    @exclusivity(unchecked) private(set) var patrons: [Int] = []
    @exclusivity(unchecked) private(set) var postureHolders: [Int] = []

    // Combat and cascade constants, copied out of their sections once.
    @exclusivity(unchecked) private(set) var roundDays: Double = 0
    @exclusivity(unchecked) private(set) var lethalityPerDay: Double = 0
    @exclusivity(unchecked) private(set) var law: AttritionLaw = .square
    @exclusivity(unchecked) private(set) var breakpoint: Distribution
    @exclusivity(unchecked) private(set) var maxRounds: Int = 0
    @exclusivity(unchecked) private(set) var occupationShare: Double = 0
    @exclusivity(unchecked) private(set) var moraleShock: Double = 0
    @exclusivity(unchecked) private(set) var moraleWeight: Double = 0
    @exclusivity(unchecked) private(set) var airSupportPerSortie: Double = 0
    @exclusivity(unchecked) private(set) var localShock: Double = 0
    @exclusivity(unchecked) private(set) var withdrawalMorale: Double = 0
    @exclusivity(unchecked) private(set) var withdrawalDelayDays: Double = 0
    @exclusivity(unchecked) private(set) var contagion: Double = 0
    @exclusivity(unchecked) private(set) var desertionShare: Double = 0
    @exclusivity(unchecked) private(set) var killedShare: Double = 0
    @exclusivity(unchecked) private(set) var capturedShare: Double = 0
    @exclusivity(unchecked) private(set) var minimumAssaultForce: Double = 0
    /// Strategic value each camp holds off the map (by camp index).
    @exclusivity(unchecked) private(set) var campOffMapValue: [Double] = []
    /// Campaign objectives and sieges (see `CampaignTables`); empty when the scenario has neither.
    @exclusivity(unchecked) private(set) var campaign: CampaignTables
    /// The loss-of-strength gradient (see `SupplyTables`); inactive without bases or decay.
    @exclusivity(unchecked) private(set) var supply: SupplyTables

    init(_ parameters: ModelParameters) {
        self.parameters = parameters
        breakpoint = parameters.combat.breakpoint
        campaign = CampaignTables(parameters, neighbourStart: [0], neighbourList: [])
        supply = SupplyTables(parameters)
        fill(rebuildingStructure: true)
    }

    /// Makes these the tables of `parameters`, as `init(_:)` would, writing over the arrays
    /// already here: a worker's next replication allocates nothing. The campaign and supply
    /// tables (built with allocations) are rebuilt only when the map or objectives changed.
    func refill(_ parameters: ModelParameters) {
        let sameStructure = Self.sameStructure(self.parameters, parameters)
        // Own copies of the actors and regions, element by element: the caller's parameters keep
        // sole ownership of their arrays, so a worker can write the next draws into them in place.
        var actors: [ActorSpec] = .recycled(&self.parameters.actors)
        actors.append(contentsOf: parameters.actors)
        var regions: [RegionSpec] = .recycled(&self.parameters.regions)
        regions.append(contentsOf: parameters.regions)
        self.parameters = parameters
        self.parameters.actors = consume actors
        self.parameters.regions = consume regions
        fill(rebuildingStructure: !sameStructure)
    }

    /// Whether two parameter sets have the same campaign tables but for the numbers they copy
    /// (`fill` writes those each time): the same camps, objectives, map and bases.
    private static func sameStructure(_ old: ModelParameters, _ new: ModelParameters) -> Bool {
        guard old.camps == new.camps, old.actors.count == new.actors.count, old.regions.count == new.regions.count
        else { return false }
        for index in old.actors.indices {
            guard old.actors[index].camp == new.actors[index].camp,
                old.actors[index].objectives == new.actors[index].objectives
            else { return false }
        }
        for index in old.regions.indices {
            guard old.regions[index].controller == new.regions[index].controller,
                old.regions[index].isSupplyBase == new.regions[index].isSupplyBase,
                old.regions[index].evacuateTo == new.regions[index].evacuateTo,
                old.regions[index].neighbours == new.regions[index].neighbours
            else { return false }
        }
        return true
    }

    private func fill(rebuildingStructure: Bool) {
        let parameters = self.parameters
        Self.refill(&actorCamp, from: parameters.actors) { $0.camp }
        campCount = parameters.camps.count
        initialStances.removeAll(keepingCapacity: true)
        initialStances.append(contentsOf: repeatElement(CampStance.hostile, count: campCount * campCount))
        ModelParameters.writeStances(of: parameters.camps, into: &initialStances)
        Self.refill(&actorQuality, from: parameters.actors) { $0.quality }
        Self.refill(&actorSorties, from: parameters.actors) { $0.sortiesPerDay }
        Self.refill(&actorAssaultsPerDay, from: parameters.actors) { $0.assaultsPerDay }
        Self.refill(&actorAssaultCommitment, from: parameters.actors) { $0.assaultCommitment }
        Self.refill(&regionValue, from: parameters.regions) { $0.strategicValue }
        Self.refill(&regionFortification, from: parameters.regions) { $0.fortification }
        Self.refill(&regionIsKeyCity, from: parameters.regions) { $0.isKeyCity }
        neighbourStart.removeAll(keepingCapacity: true)
        neighbourList.removeAll(keepingCapacity: true)
        neighbourStart.append(0)
        for region in parameters.regions {
            neighbourList.append(contentsOf: region.neighbours)
            neighbourStart.append(neighbourList.count)
        }
        rungStart.removeAll(keepingCapacity: true)
        rungList.removeAll(keepingCapacity: true)
        rungStart.append(0)
        for trigger in LadderTrigger.allCases {
            for index in parameters.ladder.indices where parameters.ladder[index].trigger == trigger {
                rungList.append(index)
            }
            rungStart.append(rungList.count)
        }
        Self.refill(&rungThreshold, from: parameters.ladder) { $0.threshold }
        keyCities.removeAll(keepingCapacity: true)
        for index in parameters.regions.indices where parameters.regions[index].isKeyCity { keyCities.append(index) }
        patrons.removeAll(keepingCapacity: true)
        for index in parameters.actors.indices where parameters.actors[index].isPatron { patrons.append(index) }
        postureHolders.removeAll(keepingCapacity: true)
        for index in parameters.actors.indices where parameters.actors[index].initialPosture != nil {
            postureHolders.append(index)
        }
        let combat = parameters.combat
        roundDays = combat.roundDays
        lethalityPerDay = combat.lethalityPerDay
        law = combat.law
        breakpoint = combat.breakpoint
        maxRounds = combat.maxRounds
        occupationShare = combat.occupationShare
        moraleShock = combat.moraleShock
        moraleWeight = combat.moraleWeight
        airSupportPerSortie = combat.airSupportPerSortie
        localShock = parameters.cascade.localShock
        withdrawalMorale = parameters.cascade.withdrawalMorale
        withdrawalDelayDays = parameters.cascade.withdrawalDelayDays
        contagion = parameters.cascade.contagion
        desertionShare = parameters.cascade.desertionShare
        killedShare = combat.killedShare
        capturedShare = combat.capturedShare
        minimumAssaultForce = combat.minimumAssaultForce
        campOffMapValue.removeAll(keepingCapacity: true)
        campOffMapValue.append(contentsOf: repeatElement(0.0, count: parameters.camps.count))
        for actor in parameters.actors {
            campOffMapValue[actor.camp.index] += actor.offMapValue
        }
        if rebuildingStructure {
            campaign = CampaignTables(parameters, neighbourStart: neighbourStart, neighbourList: neighbourList)
        } else {
            // As `CampaignTables.init` copies them (`off_objective_weight` may be drawn per replication).
            campaign.offObjectiveWeight = parameters.combat.offObjectiveWeight
            campaign.objectiveHopFactor = parameters.combat.objectiveHopFactor
            campaign.siege = parameters.siege
        }
        supply.refill(parameters)
    }

    @inline(__always)
    private static func refill<Source, Value>(_ array: inout [Value], from source: [Source], _ value: (Source) -> Value)
    {
        array.removeAll(keepingCapacity: true)
        array.reserveCapacity(source.count)
        for element in source { array.append(value(element)) }
    }

    @inline(__always)
    func neighbours(of region: Int) -> Range<Int> {
        neighbourStart[region]..<neighbourStart[region + 1]
    }

    @inline(__always)
    func rungs(of trigger: LadderTrigger) -> Range<Int> {
        let position = LadderTrigger.allCases.firstIndex(of: trigger)!
        return rungStart[position]..<rungStart[position + 1]
    }
}
