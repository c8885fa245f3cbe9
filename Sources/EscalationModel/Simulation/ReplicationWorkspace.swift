import DiscreteEvent
import Stochastic

/// What one worker thread keeps from replication to replication so that a batch allocates
/// nothing per replication once the first has run: its random generators (reseeded, not
/// allocated), the last simulation's state arrays and event queue and the last outcome, whose
/// buffers the next replication refills in place.
///
/// Every value is rebuilt from (parameters, seeds, index) alone, so a replication gives the same
/// outcome with a workspace as without one, whatever ran before it; the workspace only saves
/// allocations. Not `Sendable`: each worker creates its own and uses it on one thread.
public final class ReplicationWorkspace {
    /// The worker's generators, also used for the parameter draws (`ParameterDraw`).
    public let streams = StreamCache()
    /// The previous replication's simulation, handed to the next one's initializer to refill.
    var previous: EscalationSimulation?
    /// The previous outcome; its arrays (snapshots included) are refilled by the next run.
    var outcome: ReplicationOutcome?
    /// The previous replication's event queue, which the next one runs on
    /// (`Simulation.init(model:queue:)` empties it and resets its clock).
    var queue: EventQueue<ModelEvent>?
    /// Each draw's parameters of the last replication (`ParameterDraw.parameters(forReplication:
    /// seeds:workspace:)`), by the draw's identity: the next replication writes its draws over them.
    /// The owner is held, so it cannot be freed and its address reused by another draw.
    private var kept: [(owner: AnyObject, parameters: ModelParameters?)] = []
    /// Scratch for the parameter draws: the stream of each owner this replication (by number).
    var drawStreams: [RandomStream?] = Array(repeating: nil, count: StreamSeeds.maxStreams)
    /// The draws of the current replication, in `ParameterDraw.uncertain` order.
    public internal(set) var draws: [Double] = []
    /// Scratch for whoever turns the outcome into a record: its outcome values and parameter
    /// values, refilled for each replication (`Experiment.runGroup`).
    public var outcomeValues: [Double] = []
    public var parameterValues: [Double] = []

    public init() {}

    /// Takes the parameters kept for `owner`, if any (leaving nothing in their place).
    func keptParameters(for owner: AnyObject) -> ModelParameters? {
        for index in kept.indices where kept[index].owner === owner { return kept[index].parameters.take() }
        return nil
    }

    func keepParameters(_ parameters: ModelParameters, for owner: AnyObject) {
        for index in kept.indices where kept[index].owner === owner {
            kept[index].parameters = parameters
            return
        }
        kept.append((owner, parameters))
    }
}

extension Optional {
    /// The wrapped value, leaving nil behind: hands a kept buffer on without a second reference,
    /// so the new owner can change it in place.
    @inline(__always)
    mutating func take() -> Wrapped? {
        var taken: Wrapped? = nil
        swap(&taken, &self)
        return taken
    }
}

extension Array {
    /// Empties the array but keeps its storage, and takes it out of `source`: refilled in place
    /// once nothing else refers to it.
    @inline(__always)
    public static func recycled(_ source: inout [Element]) -> [Element] {
        var taken: [Element] = []
        swap(&taken, &source)
        taken.removeAll(keepingCapacity: true)
        return taken
    }
}
