/// Flat copies of what campaign objectives and sieges read while the simulation runs, built once
/// per replication. A scenario with neither (`isActive` false) builds nothing and pays one branch
/// per target weighed.
struct CampaignTables: Sendable {
    /// Whether any actor has objectives or any region is a supply base.
    let isActive: Bool
    /// Each actor's phases (the regions of each) and the pause after each.
    let phaseRegions: [[[Int]]]
    let phasePauseDays: [[Double]]
    /// Hops between regions through the map.
    let distances: RegionDistances
    /// For each camp (by index), whether it held a supply base at the start:
    /// a camp without one is never besieged.
    let campHasSupplyBase: [Bool]
    let regionIsSupplyBase: [Bool]
    let regionEvacuateTo: [Int?]
    /// Numbers copied from the parameters, `var` so that a worker's refilled tables update them
    /// alone when the map and objectives stay (`ModelTables.refill`).
    var offObjectiveWeight: Double
    var objectiveHopFactor: Double
    var siege: SiegeParameters

    init(_ parameters: ModelParameters, neighbourStart: [Int], neighbourList: [Int]) {
        let hasObjectives = parameters.actors.contains { !$0.objectives.isEmpty }
        let hasBases = parameters.regions.contains(where: \.isSupplyBase)
        isActive = hasObjectives || hasBases
        phaseRegions = parameters.actors.map { $0.objectives.map(\.regions) }
        phasePauseDays = parameters.actors.map { $0.objectives.map(\.pauseDays) }
        distances =
            isActive ? RegionDistances(neighbourStart: neighbourStart, neighbourList: neighbourList) : RegionDistances()
        var camps = Array(repeating: false, count: parameters.camps.count)
        for region in parameters.regions where region.isSupplyBase {
            camps[parameters.actors[region.controller].camp.index] = true
        }
        campHasSupplyBase = camps
        regionIsSupplyBase = parameters.regions.map(\.isSupplyBase)
        regionEvacuateTo = parameters.regions.map(\.evacuateTo)
        offObjectiveWeight = parameters.combat.offObjectiveWeight
        objectiveHopFactor = parameters.combat.objectiveHopFactor
        siege = parameters.siege
    }
}
