import Stochastic

/// The numbers the event handlers read on every event, laid out flat: plain arrays of scalars
/// and a compressed adjacency list, built once per replication from `ModelParameters`.
/// Reading `parameters.regions[i].neighbours` copies a struct holding strings and an array
/// (a retain and release each time); these tables cost nothing per read. Profiles of the
/// baseline showed retain/release as the largest items before this layout.
///
/// A class, holding the parameters too, so that the simulation's own struct stays small: with
/// both inline it was 1,160 bytes, and Swift copied all of it (memcpy) before calls such as
/// target choice on every strike, about 5% of a replication.
final class ModelTables: Sendable {
    let parameters: ModelParameters
    let actorCamp: [Camp]
    let campCount: Int
    /// How each pair of camps stands at the start (`camp x campCount + other`).
    let initialStances: [CampStance]
    let actorQuality: [Double]
    let actorSorties: [Double]
    let actorAssaultsPerDay: [Double]
    let actorAssaultCommitment: [Double]
    let regionValue: [Double]
    let regionFortification: [Double]
    let regionIsKeyCity: [Bool]
    /// Neighbours of region r are `neighbourList[neighbourStart[r] ..< neighbourStart[r + 1]]`.
    let neighbourStart: [Int]
    let neighbourList: [Int]
    /// Rungs of each trigger (by `LadderTrigger` position): `rungList[rungStart[t] ..< rungStart[t + 1]]`.
    let rungStart: [Int]
    let rungList: [Int]
    let rungThreshold: [Double]

    // Combat and cascade constants, copied out of their sections once.
    let roundDays: Double
    let lethalityPerDay: Double
    let law: AttritionLaw
    let breakpoint: Distribution
    let maxRounds: Int
    let occupationShare: Double
    let moraleShock: Double
    let moraleWeight: Double
    let airSupportPerSortie: Double
    let localShock: Double
    let withdrawalMorale: Double
    let withdrawalDelayDays: Double
    let contagion: Double
    let desertionShare: Double
    let killedShare: Double
    let capturedShare: Double
    let minimumAssaultForce: Double
    /// Strategic value each camp holds off the map (by camp index).
    let campOffMapValue: [Double]
    /// Campaign objectives and sieges (see `CampaignTables`); empty when the scenario has neither.
    let campaign: CampaignTables
    /// The loss-of-strength gradient (see `SupplyTables`); inactive without bases or decay.
    let supply: SupplyTables

    init(_ parameters: ModelParameters) {
        self.parameters = parameters
        actorCamp = parameters.actors.map(\.camp)
        campCount = parameters.camps.count
        initialStances = parameters.initialStances
        actorQuality = parameters.actors.map(\.quality)
        actorSorties = parameters.actors.map(\.sortiesPerDay)
        actorAssaultsPerDay = parameters.actors.map(\.assaultsPerDay)
        actorAssaultCommitment = parameters.actors.map(\.assaultCommitment)
        regionValue = parameters.regions.map(\.strategicValue)
        regionFortification = parameters.regions.map(\.fortification)
        regionIsKeyCity = parameters.regions.map(\.isKeyCity)
        var start = [0]
        var list: [Int] = []
        for region in parameters.regions {
            list += region.neighbours
            start.append(list.count)
        }
        neighbourStart = start
        neighbourList = list
        var rungStart = [0]
        var rungList: [Int] = []
        for trigger in LadderTrigger.allCases {
            rungList += parameters.ladder.indices.filter { parameters.ladder[$0].trigger == trigger }
            rungStart.append(rungList.count)
        }
        self.rungStart = rungStart
        self.rungList = rungList
        rungThreshold = parameters.ladder.map(\.threshold)
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
        var offMap = Array(repeating: 0.0, count: parameters.camps.count)
        for actor in parameters.actors {
            offMap[actor.camp.index] += actor.offMapValue
        }
        campOffMapValue = offMap
        campaign = CampaignTables(parameters, neighbourStart: start, neighbourList: list)
        supply = SupplyTables(parameters)
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
