import DiscreteEvent
import Stochastic

/// Runs one replication of the model from start to end.
public enum Replication {
    /// Runs replication `index` with parameters already drawn for it. The result depends only on
    /// (parameters, seeds, index); `streams`, a worker's reusable generators, only saves allocations.
    public static func run(
        parameters: ModelParameters, seeds: StreamSeeds, index: Int,
        streams: StreamCache? = nil
    ) -> ReplicationOutcome {
        let model = EscalationSimulation(parameters: parameters, seeds: seeds, replication: index, streams: streams)
        var simulation = Simulation(model: model)
        simulation.model.start(queue: &simulation.queue)
        let summary = simulation.run(until: parameters.horizonDays, maxEvents: parameters.maxEvents)
        return simulation.model.outcome(replication: index, summary: summary)
    }

    /// Runs replication `index` in a worker's `workspace`: the same outcome as
    /// `run(parameters:seeds:index:)`, but the simulation's arrays, streams and the outcome's
    /// arrays and the kernel's event queue are the workspace's, refilled in place, so that once a
    /// replication of the scenario has run in it, the next allocates nothing. The outcome shares
    /// its arrays with the workspace until the next run: drop it before then, or that run copies
    /// them.
    public static func run(
        parameters: ModelParameters, seeds: StreamSeeds, index: Int, workspace: ReplicationWorkspace
    ) -> ReplicationOutcome {
        var outcome = workspace.outcome.take() ?? .empty
        var previous = workspace.previous.take()
        // Built as a temporary handed straight to the simulation: a `let model` passed on would
        // keep a second reference to every array while it lives, and the run's first write to
        // each would copy it.
        func model() -> EscalationSimulation {
            EscalationSimulation(
                parameters: parameters, seeds: seeds, replication: index, tracing: false,
                streams: workspace.streams, recycling: &previous, snapshots: &outcome.snapshots)
        }
        // The previous replication's queue, emptied and its clock reset by the kernel.
        var simulation =
            if let queue = workspace.queue.take() {
                Simulation(model: model(), queue: queue)
            } else {
                Simulation(model: model())
            }
        simulation.model.start(queue: &simulation.queue)
        let summary = simulation.run(until: parameters.horizonDays, maxEvents: parameters.maxEvents)
        simulation.model.fill(&outcome, replication: index, summary: summary)
        workspace.previous = simulation.model
        workspace.queue = simulation.queue
        workspace.outcome = outcome
        return outcome
    }

    /// Runs replication `index` and keeps its story: the outcome and every traced happening in order.
    public static func trace(parameters: ModelParameters, seeds: StreamSeeds, index: Int)
        -> (outcome: ReplicationOutcome, entries: [TraceEntry])
    {
        let model = EscalationSimulation(parameters: parameters, seeds: seeds, replication: index, tracing: true)
        var simulation = Simulation(model: model)
        simulation.model.start(queue: &simulation.queue)
        let summary = simulation.run(until: parameters.horizonDays, maxEvents: parameters.maxEvents)
        return (simulation.model.outcome(replication: index, summary: summary), simulation.model.trace ?? [])
    }
}

extension EscalationSimulation {
    /// The last whole day of the horizon, the last day reviewed in a run that reaches it.
    var lastDay: Int { max(0, Int(parameters.horizonDays.rounded(.down))) }

    /// The replication's outcome once the kernel has stopped.
    func outcome(replication: Int, summary: RunSummary) -> ReplicationOutcome {
        var outcome = ReplicationOutcome.empty
        var finished = self  // `fill` moves the snapshots out
        finished.fill(&outcome, replication: replication, summary: summary)
        return outcome
    }

    /// Writes the replication's outcome into `outcome`, refilling the arrays it has; the day's
    /// snapshots move into it (this simulation keeps none).
    mutating func fill(_ outcome: inout ReplicationOutcome, replication: Int, summary: RunSummary) {
        let endDay = summary.endTime
        let endState: EndState
        if summary.reason == .maxEventsReached {
            endState = .incomplete
        } else if collapseDay != nil {
            endState = .regimeCollapse
        } else if ceasefireDay != nil {
            endState = .ceasefire
        } else if endDay - lastTransferDay >= parameters.stalemateDays {
            endState = .stalemate
        } else {
            endState = .ongoingWar
        }
        outcome.replication = replication
        outcome.stopReason = summary.reason
        outcome.endState = endState
        outcome.eventsProcessed = summary.eventsProcessed
        outcome.endDay = endDay
        Self.refill(&outcome.cityFallDay, from: tables.keyCities) { regions[$0].firstFallDay }
        outcome.collapseDay = collapseDay
        outcome.ceasefireDay = ceasefireDay
        outcome.chemicalWeaponsDay = chemicalWeaponsDay
        outcome.ceasefires = ceasefires
        outcome.dealDay = dealDay
        outcome.peakLadderLevel = peakLadderLevel
        outcome.finalLadderLevel = ladderLevel
        Self.refill(&outcome.rungFirstDay, from: rungFirstDay) { $0 }
        outcome.civiliansKilled = civiliansKilled
        outcome.civiliansInjured = civiliansInjured
        outcome.civiliansDisplaced = civiliansDisplaced
        outcome.civiliansFled = civilianHarm.fled
        outcome.airstrikes = airstrikes
        Self.refill(&outcome.reinforcementsSent, from: tables.patrons) { actors[$0].reinforcementsSent }
        Self.refill(&outcome.postureChanges, from: tables.postureHolders) { actors[$0].postureChanges }
        fillTerritoryShares(&outcome.territoryShare)
        Self.refill(&outcome.combatantLosses, from: actors) { $0.losses }
        Self.refill(&outcome.combatantsKilled, from: actors) { $0.killed }
        swap(&outcome.snapshots, &snapshots)
        outcome.lastDay = lastDay
        record(&outcome.finalState, day: lastDay)
    }
}

extension ReplicationOutcome {
    /// An outcome with nothing in it yet, to be filled (`EscalationSimulation.fill`).
    static var empty: ReplicationOutcome {
        ReplicationOutcome(
            replication: 0, stopReason: .horizonReached, endState: .ongoingWar, eventsProcessed: 0, endDay: 0,
            cityFallDay: [], collapseDay: nil, ceasefireDay: nil, chemicalWeaponsDay: nil, peakLadderLevel: 0,
            finalLadderLevel: 0, rungFirstDay: [], civiliansKilled: 0, civiliansInjured: 0, civiliansDisplaced: 0,
            civiliansFled: 0, airstrikes: 0, reinforcementsSent: [], postureChanges: [], territoryShare: [],
            combatantLosses: [], combatantsKilled: [], snapshots: [], lastDay: 0, finalState: .empty)
    }
}

extension Array {
    /// Takes the array out of `source` whole, elements included (their own arrays are reused).
    @inline(__always)
    static func recycledKeepingElements(_ source: inout [Element]) -> [Element] {
        var taken: [Element] = []
        swap(&taken, &source)
        return taken
    }
}
