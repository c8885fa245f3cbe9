import DiscreteEvent
import Stochastic

/// One replication of the escalation model: world state, random streams and event handlers.
///
/// The kernel calls `handle(_:at:queue:)` for each event in time order; handlers live in
/// extensions by concern (`+Assaults`, `+AirCampaign`, `+Patrons`, `+Ladder`).
public struct EscalationSimulation: DiscreteEventModel {
    public typealias Event = ModelEvent

    let parameters: ModelParameters
    var actors: [ActorState]
    var regions: [RegionState]
    /// Engagement slots; `nil` slots are free for reuse.
    var engagements: [Engagement?] = []
    var freeEngagementSlots: [Int] = []

    let combatStream: RandomStream
    let effectsStream: RandomStream
    let actorStreams: [RandomStream]

    /// Pending airstrike of each actor, so a change of rate can reschedule it.
    var pendingAirstrike: [EventHandle?]

    /// Strategic value each camp held at the start, the yardstick of threat and morale shocks.
    let initialSideValue: [Side: Double]

    // Outcome accumulators.
    var ladderLevel = 0
    var rungFirstDay: [Double?]
    var civiliansKilled = 0.0
    var civiliansInjured = 0.0
    var civiliansDisplaced = 0.0
    var airstrikes = 0
    var collapseDay: Double?

    /// Creates the world of replication `replication`, with streams derived from `seeds`.
    public init(parameters: ModelParameters, seeds: StreamSeeds, replication: Int) {
        self.parameters = parameters
        actors = parameters.actors.map {
            ActorState(fieldStrength: $0.fieldStrength, morale: $0.morale,
                       sortiesPerDay: $0.sortiesPerDay, commitment: $0.commitment)
        }
        regions = parameters.regions.map {
            RegionState(controller: $0.controller, garrison: $0.garrison, population: $0.population)
        }
        combatStream = RandomStream(seeds: seeds, replication: replication, stream: StreamLayout.combat)
        effectsStream = RandomStream(seeds: seeds, replication: replication, stream: StreamLayout.airstrikeEffects)
        actorStreams = parameters.actors.indices.map {
            RandomStream(seeds: seeds, replication: replication, stream: StreamLayout.actor($0))
        }
        pendingAirstrike = Array(repeating: nil, count: parameters.actors.count)
        var sideValue: [Side: Double] = [.opposition: 0, .loyalist: 0]
        for region in parameters.regions {
            sideValue[parameters.actors[region.controller].side, default: 0] += region.strategicValue
        }
        initialSideValue = sideValue
        rungFirstDay = Array(repeating: nil, count: parameters.ladder.count)
        if !rungFirstDay.isEmpty { rungFirstDay[0] = 0 }
    }

    /// Schedules each actor's first assault, strike and decision.
    public mutating func start(queue: inout EventQueue<ModelEvent>) {
        for index in parameters.actors.indices {
            let spec = parameters.actors[index]
            if spec.assaultsPerDay > 0 {
                queue.schedule(.assaultLaunch(actor: index),
                               at: actorStreams[index].exponential(mean: 1 / spec.assaultsPerDay))
            }
            scheduleNextAirstrike(of: index, after: 0, queue: &queue)
            if spec.isPatron, spec.decisionIntervalDays > 0 {
                queue.schedule(.patronDecision(actor: index),
                               at: actorStreams[index].exponential(mean: spec.decisionIntervalDays))
            }
        }
    }

    public var shouldStop: Bool {
        collapseDay != nil
    }

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
            receiveReinforcement(from: actor, fighters: fighters, at: time)
        }
    }

    // MARK: - Shared queries

    func side(of actor: Int) -> Side {
        parameters.actors[actor].side
    }

    /// Whether `region` borders a region held by `side`.
    func borders(_ region: Int, side: Side) -> Bool {
        parameters.regions[region].neighbours.contains { self.side(of: regions[$0].controller) == side }
    }

    /// Strategic value currently held by `side`.
    func value(heldBy side: Side) -> Double {
        var total = 0.0
        for index in regions.indices where self.side(of: regions[index].controller) == side {
            total += parameters.regions[index].strategicValue
        }
        return total
    }
}
