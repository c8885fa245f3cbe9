import EscalationModel
import Scenario
import Stochastic

/// One replication of a scenario run again with the tracer on: the parameters it drew, its
/// outcome and every traced happening in order. It is the replication `escsim run` computes
/// for the same seed and index (the draw and the streams depend on nothing else), so both
/// `escsim trace` and the report's event timeline tell the story of a row of replications.csv.
public struct TracedReplication: Sendable {
    public let replication: Int
    public let parameters: ModelParameters
    /// The value drawn for each of the scenario's uncertain parameters, in their order.
    public let draws: [Double]
    public let outcome: ReplicationOutcome
    public let entries: [TraceEntry]

    public init(scenario: Scenario, replication: Int, seed: UInt64) {
        let seeds = StreamSeeds(masterSeed: seed)
        let (parameters, draws) = scenario.draw.parameters(forReplication: replication, seeds: seeds)
        let (outcome, entries) = Replication.trace(parameters: parameters, seeds: seeds, index: replication)
        self.replication = replication
        self.parameters = parameters
        self.draws = draws
        self.outcome = outcome
        self.entries = entries
    }

    /// The events that hand a region over, and which of their actors takes it: a `capture`
    /// names the attacker first; a `withdrawal` (a garrison's morale broke) and an `evacuation`
    /// (a besieged garrison's deal) name the holder first and the taker second.
    public static let handovers = ["capture": 0, "withdrawal": 1, "evacuation": 1]

    /// The holder (an actor index) of each region at the end: the scenario's controllers,
    /// changed by each handover in order.
    public var finalControllers: [Int] {
        var holders = parameters.regions.map(\.controller)
        let actorIndex = Dictionary(
            parameters.actors.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let regionIndex = Dictionary(
            parameters.regions.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        for entry in entries {
            guard let position = Self.handovers[entry.event], position < entry.actors.count,
                let region = entry.region.flatMap({ regionIndex[$0] }),
                let taker = actorIndex[entry.actors[position]]
            else { continue }
            holders[region] = taker
        }
        return holders
    }
}
