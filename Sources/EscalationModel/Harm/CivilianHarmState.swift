import Stochastic

/// Where the people of each region are during a replication: at home (`RegionState.population`),
/// or displaced, by home region and by where they stay. Every array is sized in `init`, so the
/// handlers that move people never allocate.
struct CivilianHarmState {
    let regionCount: Int
    /// Residents of each region at the start: the yardstick of how many are left to be harmed.
    let initialPopulation: [Double]
    /// People displaced from home region `h` staying in region `s`, at `h x (regionCount + 1) + s`;
    /// column `regionCount` is "out of the map" (no region was safe when they left).
    var away: [Double]
    /// People displaced from each region, summed over where they stay.
    var awayFrom: [Double]
    /// Displaced people staying in each region; the last entry, out of the map.
    var hosted: [Double]
    /// Last time each region saw fighting, a strike or a change of hands (-infinity: never).
    var lastViolence: [Double]
    /// Last time each region changed hands (-infinity: never).
    var lastCapture: [Double]
    /// The controller of each region at the last daily review, to notice changes of hands.
    var controllerAtReview: [Int]
    /// Scratch: each region's weight as a destination (its residents if safe, else 0).
    var destinationWeight: [Double]
    /// People who have left home so far (every departure, returns not subtracted).
    var fled = 0.0
    let killedPerFighterLost: Double
    let injuredPerKilled: Double
    let rules: DisplacementParameters

    init(_ parameters: ModelParameters) {
        let count = parameters.regions.count
        regionCount = count
        initialPopulation = parameters.regions.map(\.population)
        away = Array(repeating: 0, count: count * (count + 1))
        awayFrom = Array(repeating: 0, count: count)
        hosted = Array(repeating: 0, count: count + 1)
        lastViolence = Array(repeating: -.infinity, count: count)
        lastCapture = Array(repeating: -.infinity, count: count)
        controllerAtReview = parameters.regions.map(\.controller)
        destinationWeight = Array(repeating: 0, count: count)
        killedPerFighterLost = parameters.groundHarm.civiliansKilledPerFighterLost
        injuredPerKilled = parameters.groundHarm.injuredPerKilled
        rules = parameters.displacement
    }

    /// Whether flight rates or returns can move anyone at a day's end.
    var movesPeopleDaily: Bool {
        rules.flightUnderAssault > 0 || rules.flightAfterCapture > 0 || rules.flightNearFighting > 0
            || rules.returnRate > 0
    }

    /// A Poisson count of mean `mean` (0 for a mean of 0; beyond GSL's range, the mean itself).
    @inline(__always)
    static func poisson(_ mean: Double, _ stream: RandomStream) -> Double {
        guard mean > 0 else { return 0 }
        guard mean <= Distribution.maximumCountMean else { return mean.rounded() }
        return Distribution.poisson(mean: mean).sample(stream)
    }

    /// A binomial count of the whole people among `people` (a fraction is never drawn) with
    /// probability `p` each; beyond GSL's 32-bit trials, the expected count.
    @inline(__always)
    static func binomial(_ people: Double, _ p: Double, _ stream: RandomStream) -> Double {
        let trials = people.rounded(.down)
        guard trials >= 1, p > 0 else { return 0 }
        guard p < 1 else { return trials }
        guard trials <= 1e9 else { return (trials * p).rounded() }
        return Distribution.binomial(trials: Int(trials), p: p).sample(stream)
    }
}
