import DiscreteEvent
import Stochastic

/// One replication of the escalation model: world state, random streams and event handlers.
///
/// The kernel calls `handle(_:at:queue:)` for each event in time order; handlers live in
/// extensions by concern, in the folder of their concern (`+Assaults`, `+Cascade`, `+AirCampaign`,
/// `+ChemicalWeapons`, `+Patrons`, `+Mediation`, `+Ladder`, `+DailyReview`, `+Trace`).
/// Rate-driven families (assaults, strikes, patron decisions, mediation) are `PoissonProcess`es:
/// each extension states the rate and what an occurrence does, and reschedules when its rate may
/// have changed.
public struct EscalationSimulation: DiscreteEventModel {
    public typealias Event = ModelEvent

    /// The parameters and flat copies of what the handlers read on every event.
    let tables: ModelTables
    var parameters: ModelParameters {
        @inline(__always) get { tables.parameters }
    }
    /// What one strike costs, kept in the struct rather than the tables: a `Distribution` read
    /// from a class property is copied (with its reference counts) before each draw.
    let strikeEffects: AirCampaignParameters
    var actors: [ActorState]
    var regions: [RegionState]
    /// For each camp and region, how many of the region's neighbours the camp holds
    /// (`camp x regionCount + region`): "does this region border the enemy" is then a few reads,
    /// kept current by `transfer`. Target choice asked it of every region on every strike.
    var neighboursHeld: [Int]
    /// How each pair of camps stands now (`camp x campCount + other`; a camp is allied with
    /// itself). Deals turn neutral pairs allied (`+Deals`).
    var stances: [CampStance]
    /// For each region, the camps holding at least one of its neighbours, one bit per camp (at
    /// most 64 camps, `StreamLayout.maximumActors`), kept by `transfer` with `neighboursHeld`;
    /// and for each camp, the camps hostile to it and those friendly to it (itself included),
    /// kept with `stances`. "Does this region border a hostile camp" is then one AND: target
    /// choice asks it of every region on every strike, displacement on every departure.
    var campsBordering: [UInt64]
    var hostileCamps: [UInt64]
    var friendlyCamps: [UInt64]
    /// Engagement slots; `nil` slots are free for reuse.
    var engagements: [Engagement?] = []
    var freeEngagementSlots: [Int] = []
    /// Outside mediators' attempts, at `attempts_per_day`. (Each actor's assaults, strikes and
    /// decisions are processes of its `ActorState`.)
    var mediationAttempts = PoissonProcess()

    let combatStream: RandomStream
    let effectsStream: RandomStream
    let cascadeStream: RandomStream
    let mediationStream: RandomStream
    let chemicalStream: RandomStream
    let siegeStream: RandomStream
    let patronStream: RandomStream
    let dealStream: RandomStream
    /// Each actor's stream. The arrays that never change during a run are `var` all the same, so
    /// that a worker's next replication refills them in place (`ReplicationWorkspace`).
    var actorStreams: [RandomStream]
    /// Civilians harmed by ground fighting, and displaced (`+GroundHarm`, `+Displacement`).
    let civilianHarmStream: RandomStream
    var civilianHarm: CivilianHarmState

    /// For each actor, the patron that sets its posture (Turkey for the SNA), if any.
    var posturePatron: [Int?]
    /// Strategic value each camp held at the start (by camp index), on the map and off it: the
    /// yardstick of threat and morale shocks.
    var initialCampValue: [Double]
    /// All fighters at the start, the yardstick of exhaustion.
    let initialFighters: Double
    /// Regions (formations) each camp held at the start, the yardstick of contagion.
    var initialFormations: [Int]
    /// The collapsing actor's fighters at the start (field force and garrisons), the yardstick of
    /// its army's dissolution.
    let collapsingActorFighters: Double

    // Outcome accumulators.
    var ladderLevel = 0
    var peakLadderLevel = 0
    var rungFirstDay: [Double?]
    var civiliansKilled = 0.0
    var civiliansInjured = 0.0
    /// People away from home now (a stock: departures less returns).
    var civiliansDisplaced = 0.0
    var airstrikes = 0
    var collapseDay: Double?
    /// Day the ceasefire in force began, nil while the war is on.
    var ceasefireDay: Double?
    /// Ceasefires brokered so far (the one in force included).
    var ceasefires = 0
    var chemicalWeaponsDay: Double?
    /// Day the first deal made two camps allies, if one did.
    var dealDay: Double?
    var lastTransferDay = 0.0
    var snapshots: [DailySnapshot] = []
    /// Snapshots of an earlier replication whose arrays the daily review refills (`+DailyReview`).
    var snapshotSpares: [DailySnapshot] = []
    /// The story of the run, kept only when tracing (nil costs nothing in batches).
    var trace: [TraceEntry]?

    /// Creates the world of replication `replication`, with streams derived from `seeds` (taken
    /// from `streams`, a worker's reusable generators, when given). `recycling`, the worker's
    /// previous simulation, lends its arrays, refilled in place: the same world, no allocation.
    public init(
        parameters: ModelParameters, seeds: StreamSeeds, replication: Int, tracing: Bool = false,
        streams: StreamCache? = nil
    ) {
        var nothing: EscalationSimulation?
        var noSnapshots: [DailySnapshot] = []
        self.init(
            parameters: parameters, seeds: seeds, replication: replication, tracing: tracing, streams: streams,
            recycling: &nothing, snapshots: &noSnapshots)
    }

    init(
        parameters: ModelParameters, seeds: StreamSeeds, replication: Int, tracing: Bool,
        streams: StreamCache?, recycling old: inout EscalationSimulation?, snapshots oldSnapshots: inout [DailySnapshot]
    ) {
        // Take every array out of the old simulation before dropping it, so each is referenced
        // once and refills in place. Arrays move by swapping (`recycled...`), never by copying
        // (`var a = b` keeps two references while `b` lives, and the first write would copy).
        var spareActors: [ActorState] = []
        var spareRegions: [RegionState] = []
        var spareNeighbours: [Int] = []
        var spareStances: [CampStance] = []
        var spareBordering: [UInt64] = []
        var spareHostile: [UInt64] = []
        var spareFriendly: [UInt64] = []
        var spareEngagements: [Engagement?] = []
        var spareSlots: [Int] = []
        var spareStreams: [RandomStream] = []
        var sparePatrons: [Int?] = []
        var spareValue: [Double] = []
        var spareFormations: [Int] = []
        var spareRungs: [Double?] = []
        var spareSnapshots: [DailySnapshot] = []
        var spareHarm: CivilianHarmState?
        var spareTables: ModelTables?
        if var previous = old.take() {
            spareTables = previous.tables
            spareActors = .recycled(&previous.actors)
            spareRegions = .recycled(&previous.regions)
            spareNeighbours = .recycled(&previous.neighboursHeld)
            spareStances = .recycled(&previous.stances)
            spareBordering = .recycled(&previous.campsBordering)
            spareHostile = .recycled(&previous.hostileCamps)
            spareFriendly = .recycled(&previous.friendlyCamps)
            spareEngagements = .recycled(&previous.engagements)
            spareSlots = .recycled(&previous.freeEngagementSlots)
            spareStreams = .recycled(&previous.actorStreams)
            sparePatrons = .recycled(&previous.posturePatron)
            spareValue = .recycled(&previous.initialCampValue)
            spareFormations = .recycled(&previous.initialFormations)
            spareRungs = .recycled(&previous.rungFirstDay)
            spareSnapshots = .recycled(&previous.snapshotSpares)
            spareHarm = previous.civilianHarm
            previous.civilianHarm = CivilianHarmState()
        }
        // The old outcome's snapshots become spares: their arrays are refilled day by day.
        var snapshotsToReuse = [DailySnapshot].recycledKeepingElements(&oldSnapshots)
        while let snapshot = snapshotsToReuse.popLast() { spareSnapshots.append(snapshot) }

        if let spareTables = spareTables.take() {
            spareTables.refill(parameters)
            tables = spareTables
        } else {
            tables = ModelTables(parameters)
        }
        strikeEffects = parameters.airCampaign
        var actors = Array.recycledKeepingElements(&spareActors)
        for actor in parameters.actors {
            actors.append(
                ActorState(
                    fieldStrength: actor.fieldStrength, morale: actor.morale, commitment: actor.commitment,
                    posture: actor.initialPosture))
        }
        self.actors = consume actors
        var neighboursHeld = Array.recycledKeepingElements(&spareNeighbours)
        neighboursHeld.append(contentsOf: repeatElement(0, count: tables.campCount * parameters.regions.count))
        for (index, region) in parameters.regions.enumerated() {
            for neighbour in region.neighbours {
                let camp = tables.actorCamp[parameters.regions[neighbour].controller]
                neighboursHeld[camp.index * parameters.regions.count + index] += 1
            }
        }
        self.neighboursHeld = consume neighboursHeld
        var stances = Array.recycledKeepingElements(&spareStances)
        stances.append(contentsOf: tables.initialStances)
        self.stances = consume stances
        campsBordering = Array.recycledKeepingElements(&spareBordering)
        campsBordering.append(contentsOf: repeatElement(0, count: parameters.regions.count))
        hostileCamps = Array.recycledKeepingElements(&spareHostile)
        friendlyCamps = Array.recycledKeepingElements(&spareFriendly)
        engagements = consume spareEngagements
        freeEngagementSlots = consume spareSlots
        func stream(_ index: Int) -> RandomStream {
            streams?.stream(index, replication: replication, seeds: seeds)
                ?? RandomStream(seeds: seeds, replication: replication, stream: index)
        }
        combatStream = stream(StreamLayout.combat)
        effectsStream = stream(StreamLayout.airstrikeEffects)
        cascadeStream = stream(StreamLayout.cascade)
        mediationStream = stream(StreamLayout.mediation)
        chemicalStream = stream(StreamLayout.chemicalWeapons)
        siegeStream = stream(StreamLayout.siegesAndDeals)
        patronStream = stream(StreamLayout.patronEscalation)
        dealStream = stream(StreamLayout.deals)
        var actorStreams = Array.recycledKeepingElements(&spareStreams)
        for index in parameters.actors.indices { actorStreams.append(stream(StreamLayout.actor(index))) }
        self.actorStreams = consume actorStreams
        var regions = Array.recycledKeepingElements(&spareRegions)
        Self.formations(of: parameters, thresholds: cascadeStream, into: &regions)
        self.regions = consume regions
        civilianHarmStream = stream(StreamLayout.civilianHarm)
        var harm = spareHarm.take() ?? CivilianHarmState()
        harm.reset(parameters)
        civilianHarm = consume harm

        var posturePatron = Array.recycledKeepingElements(&sparePatrons)
        for client in parameters.actors.indices {
            posturePatron.append(
                parameters.actors.indices.first {
                    parameters.actors[$0].patronOf == client && parameters.actors[$0].initialPosture != nil
                })
        }
        self.posturePatron = consume posturePatron
        var value = Array.recycledKeepingElements(&spareValue)
        value.append(contentsOf: tables.campOffMapValue)
        var formations = Array.recycledKeepingElements(&spareFormations)
        formations.append(contentsOf: repeatElement(0, count: tables.campCount))
        let collapsing = parameters.collapse.actor
        var collapsingFighters = parameters.actors.isEmpty ? 0 : parameters.actors[collapsing].fieldStrength
        for region in parameters.regions {
            let camp = tables.actorCamp[region.controller].index
            value[camp] += region.strategicValue
            formations[camp] += 1
            if region.controller == collapsing { collapsingFighters += region.garrison }
        }
        initialCampValue = consume value
        initialFormations = consume formations
        collapsingActorFighters = collapsingFighters
        initialFighters =
            parameters.actors.reduce(0) { $0 + $1.fieldStrength }
            + parameters.regions.reduce(0) { $0 + $1.garrison }
        var rungFirstDay = Array.recycledKeepingElements(&spareRungs)
        rungFirstDay.append(contentsOf: repeatElement(nil, count: parameters.ladder.count))
        if !rungFirstDay.isEmpty { rungFirstDay[0] = 0 }
        self.rungFirstDay = consume rungFirstDay
        snapshots = consume snapshotsToReuse
        snapshotSpares = consume spareSnapshots
        trace = tracing ? [] : nil
        for region in parameters.regions.indices { refreshBordering(of: region) }
        refreshStanceMasks()
    }

    /// Starts the rate-driven processes (each actor's assaults, strikes and decisions, then
    /// mediation) and the daily review. The order is the order of draws from each stream.
    public mutating func start(queue: inout EventQueue<ModelEvent>) {
        for index in parameters.actors.indices {
            scheduleNextAssault(of: index, after: 0, queue: &queue)
            scheduleNextAirstrike(of: index, after: 0, queue: &queue)
            scheduleNextDecision(of: index, after: 0, queue: &queue)
        }
        scheduleNextMediationAttempt(after: 0, queue: &queue)
        startCampaigns()
        measureSupplyLines()
        // Reviews run after everything else due at the same instant (priority 1).
        queue.schedule(.dailyReview(day: 1), at: 1, priority: 1)
    }

    /// Never: collapse and ceasefire are events of the war, which goes on to the horizon (or the
    /// max-events guard).
    public var shouldStop: Bool { false }

    public mutating func handle(_ event: ModelEvent, at time: Double, queue: inout EventQueue<ModelEvent>) {
        switch event {
        case .assaultLaunch(let actor):
            launchAssault(by: actor, at: time, queue: &queue)
        case .combatRound(let engagement):
            fightRound(of: engagement, at: time, queue: &queue)
        case .airStrike(let actor):
            flyStrike(by: actor, at: time, queue: &queue)
        case .patronDecision(let actor):
            decide(as: actor, at: time, queue: &queue)
        case .reinforcementArrives(let actor, let fighters):
            receiveReinforcement(from: actor, fighters: fighters, at: time, queue: &queue)
        case .garrisonWithdraws(let region):
            withdrawGarrison(from: region, at: time, queue: &queue)
        case .mediationAttempt:
            attemptMediation(at: time, queue: &queue)
        case .dailyReview(let day):
            review(day: day, at: time, queue: &queue)
        }
    }

    // MARK: - Shared queries

    @inline(__always)
    func camp(of actor: Int) -> Camp {
        tables.actorCamp[actor]
    }

    /// Whether `first` and `second` fight each other now.
    @inline(__always)
    func areHostile(_ first: Camp, _ second: Camp) -> Bool {
        stances[first.index &* tables.campCount &+ second.index] == .hostile
    }

    /// Whether `first` and `second` are one camp or allies now: each stages through the other's ground.
    @inline(__always)
    func areFriendly(_ first: Camp, _ second: Camp) -> Bool {
        stances[first.index &* tables.campCount &+ second.index] == .allied
    }

    /// How many of `region`'s neighbours `camp` holds.
    @inline(__always)
    func neighbours(of region: Int, heldBy camp: Int) -> Int {
        neighboursHeld[camp &* regions.count &+ region]
    }

    /// How many of `region`'s neighbours are held by camps hostile to `camp`.
    @inline(__always)
    func hostileNeighbours(of region: Int, for camp: Camp) -> Int {
        var count = 0
        for other in 0..<tables.campCount where areHostile(camp, Camp(other)) {
            count &+= neighbours(of: region, heldBy: other)
        }
        return count
    }

    /// Whether `region` borders ground held by a camp hostile to `camp` (the front, for `camp`):
    /// `hostileNeighbours(of:for:) > 0`, from the bit sets.
    @inline(__always)
    func bordersHostile(_ region: Int, of camp: Camp) -> Bool {
        campsBordering[region] & hostileCamps[camp.index] != 0
    }

    /// Whether `region` borders ground `camp` or one of its allies holds: where it can attack from.
    @inline(__always)
    func bordersFriendly(_ region: Int, of camp: Camp) -> Bool {
        campsBordering[region] & friendlyCamps[camp.index] != 0
    }

    /// Recomputes `campsBordering[region]` from `neighboursHeld` (after a change of hands nearby).
    mutating func refreshBordering(of region: Int) {
        var bits: UInt64 = 0
        for camp in 0..<tables.campCount where neighbours(of: region, heldBy: camp) > 0 {
            bits |= 1 &<< UInt64(camp)
        }
        campsBordering[region] = bits
    }

    /// Recomputes `hostileCamps` and `friendlyCamps` from `stances` (at the start and after a deal).
    mutating func refreshStanceMasks() {
        let count = tables.campCount
        hostileCamps.removeAll(keepingCapacity: true)
        friendlyCamps.removeAll(keepingCapacity: true)
        for camp in 0..<count {
            var hostile: UInt64 = 0
            var friendly: UInt64 = 0
            for other in 0..<count {
                if areHostile(Camp(camp), Camp(other)) { hostile |= 1 &<< UInt64(other) }
                if areFriendly(Camp(camp), Camp(other)) { friendly |= 1 &<< UInt64(other) }
            }
            hostileCamps.append(hostile)
            friendlyCamps.append(friendly)
        }
    }

    /// Strategic value currently held by `camp`, on the map and off it (its strategic depth).
    func value(heldBy camp: Camp) -> Double {
        var total = tables.campOffMapValue[camp.index]
        for index in regions.indices where self.camp(of: regions[index].controller) == camp {
            total += tables.regionValue[index]
        }
        return total
    }

    func initialValue(of camp: Camp) -> Double {
        initialCampValue[camp.index]
    }

    /// Whether the actor's own aircraft and troops are in the fight: no one fights after a
    /// ceasefire, and a patron with a posture joins only when it backs its client.
    func isEngaged(_ actor: Int) -> Bool {
        guard ceasefireDay == nil else { return false }
        guard let posture = actors[actor].posture else { return true }
        return posture == .back
    }
}
