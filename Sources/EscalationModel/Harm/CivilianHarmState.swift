import Stochastic

/// Where the people of each region are during a replication: at home (`RegionState.population`),
/// or displaced, by home region and by where they stay. Every array is sized in `init`, so the
/// handlers that move people never allocate.
struct CivilianHarmState {
    private(set) var regionCount: Int
    /// Residents of each region at the start: the yardstick of how many are left to be harmed.
    private(set) var initialPopulation: [Double]
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
    private(set) var killedPerFighterLost: Double
    private(set) var injuredPerKilled: Double
    private(set) var rules: DisplacementParameters

    init(_ parameters: ModelParameters) {
        self.init()
        reset(parameters)
    }

    /// Nothing yet: `reset(_:)` sizes it for a scenario.
    init() {
        regionCount = 0
        initialPopulation = []
        away = []
        awayFrom = []
        hosted = []
        lastViolence = []
        lastCapture = []
        controllerAtReview = []
        destinationWeight = []
        killedPerFighterLost = 0
        injuredPerKilled = 0
        rules = DisplacementParameters()
    }

    /// The state at the start of a replication of `parameters`, in the arrays already there (a
    /// worker's next replication allocates nothing here).
    mutating func reset(_ parameters: ModelParameters) {
        let count = parameters.regions.count
        regionCount = count
        Self.refill(&initialPopulation, count: count) { parameters.regions[$0].population }
        Self.refill(&away, count: count * (count + 1)) { _ in 0 }
        Self.refill(&awayFrom, count: count) { _ in 0 }
        Self.refill(&hosted, count: count + 1) { _ in 0 }
        Self.refill(&lastViolence, count: count) { _ in -.infinity }
        Self.refill(&lastCapture, count: count) { _ in -.infinity }
        Self.refill(&controllerAtReview, count: count) { parameters.regions[$0].controller }
        Self.refill(&destinationWeight, count: count) { _ in 0 }
        fled = 0
        killedPerFighterLost = parameters.groundHarm.civiliansKilledPerFighterLost
        injuredPerKilled = parameters.groundHarm.injuredPerKilled
        rules = parameters.displacement
    }

    @inline(__always)
    private static func refill<T>(_ array: inout [T], count: Int, _ value: (Int) -> T) {
        array.removeAll(keepingCapacity: true)
        array.reserveCapacity(count)
        for index in 0..<count { array.append(value(index)) }
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
