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
        return ReplicationOutcome(
            replication: replication,
            stopReason: summary.reason,
            endState: endState,
            eventsProcessed: summary.eventsProcessed,
            endDay: endDay,
            cityFallDay: parameters.keyCities.map { regions[$0].firstFallDay },
            collapseDay: collapseDay,
            ceasefireDay: ceasefireDay,
            chemicalWeaponsDay: chemicalWeaponsDay,
            ceasefires: ceasefires,
            dealDay: dealDay,
            peakLadderLevel: peakLadderLevel,
            finalLadderLevel: ladderLevel,
            rungFirstDay: rungFirstDay,
            civiliansKilled: civiliansKilled,
            civiliansInjured: civiliansInjured,
            civiliansDisplaced: civiliansDisplaced,
            civiliansFled: civilianHarm.fled,
            airstrikes: airstrikes,
            reinforcementsSent: parameters.patrons.map { actors[$0].reinforcementsSent },
            postureChanges: parameters.postureHolders.map { actors[$0].postureChanges },
            territoryShare: territoryShares(),
            combatantLosses: actors.map(\.losses),
            combatantsKilled: actors.map(\.killed),
            snapshots: snapshots,
            lastDay: lastDay,
            finalState: snapshot(day: lastDay)
        )
    }
}
