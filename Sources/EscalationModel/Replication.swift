import DiscreteEvent
import Stochastic

/// Runs one replication of the model from start to end.
public enum Replication {
    /// Runs replication `index` with parameters already drawn for it. The result depends only on
    /// (parameters, seeds, index).
    public static func run(parameters: ModelParameters, seeds: StreamSeeds, index: Int) -> ReplicationOutcome {
        var tracer = NoTracer<ModelEvent>()
        return run(parameters: parameters, seeds: seeds, index: index, tracer: &tracer)
    }

    /// Same as `run(parameters:seeds:index:)`, handing every executed event to `tracer`.
    public static func run<T: EventTracer>(
        parameters: ModelParameters, seeds: StreamSeeds, index: Int, tracer: inout T
    ) -> ReplicationOutcome where T.Event == ModelEvent {
        var simulation = Simulation(model: EscalationSimulation(parameters: parameters, seeds: seeds, replication: index))
        simulation.model.start(queue: &simulation.queue)
        let summary = simulation.run(until: parameters.horizonDays, maxEvents: parameters.maxEvents, tracer: &tracer)
        return simulation.model.outcome(replication: index, summary: summary)
    }
}

extension EscalationSimulation {
    /// The replication's outcome once the kernel has stopped.
    func outcome(replication: Int, summary: RunSummary) -> ReplicationOutcome {
        let endDay = collapseDay ?? summary.endTime
        var territory = Array(repeating: 0.0, count: actors.count)
        var totalValue = 0.0
        for index in regions.indices {
            territory[regions[index].controller] += parameters.regions[index].strategicValue
            totalValue += parameters.regions[index].strategicValue
        }
        return ReplicationOutcome(
            replication: replication,
            stopReason: summary.reason,
            eventsProcessed: summary.eventsProcessed,
            endDay: endDay,
            cityFallDay: parameters.keyCities.map { regions[$0].firstFallDay },
            collapseDay: collapseDay,
            peakLadderLevel: ladderLevel,
            finalLadderLevel: ladderLevel,
            rungFirstDay: rungFirstDay,
            civiliansKilled: civiliansKilled,
            civiliansInjured: civiliansInjured,
            civiliansDisplaced: civiliansDisplaced,
            airstrikes: airstrikes,
            reinforcementsSent: parameters.patrons.map { actors[$0].reinforcementsSent },
            territoryShare: territory.map { totalValue > 0 ? $0 / totalValue : 0 },
            combatantLosses: actors.map(\.losses)
        )
    }
}
