import Stochastic

/// The model's parameters before a replication: every number fixed (uncertain ones at their
/// means) and the uncertain numbers, drawn afresh for each replication.
///
/// The scenario layer produces one from a file; everything downstream (batches, traces) asks it
/// for a replication's parameters and never needs the file again.
public struct ParameterDraw: Sendable {
    /// Parameters with every uncertain number at its mean.
    public let base: ModelParameters
    /// Numbers drawn once per replication, in the order they are drawn (the scenario's file order).
    public let uncertain: [UncertainParameter]

    public init(base: ModelParameters, uncertain: [UncertainParameter]) {
        self.base = base
        self.uncertain = uncertain
    }

    /// The parameters of replication `replication`: each uncertain number drawn, in order, from
    /// its owner's parameter stream (so a variant that changes one actor's numbers leaves every
    /// other actor's draws alone). Returns the draws too, for `replications.csv`; `cache`, a
    /// worker's reusable generators, only saves allocations.
    public func parameters(
        forReplication replication: Int, seeds: StreamSeeds,
        cache: StreamCache? = nil
    ) -> (ModelParameters, [Double]) {
        guard !uncertain.isEmpty else { return (base, []) }
        var streams: [Int: RandomStream] = [:]
        var parameters = base
        var draws: [Double] = []
        draws.reserveCapacity(uncertain.count)
        for parameter in uncertain {
            // One stream per owner, started once per replication and drawn in order.
            let stream =
                streams[parameter.stream]
                ?? cache?.stream(parameter.stream, replication: replication, seeds: seeds)
                ?? RandomStream(seeds: seeds, replication: replication, stream: parameter.stream)
            streams[parameter.stream] = stream
            let value = parameter.distribution.sample(stream)
            parameters[keyPath: parameter.target] = value
            draws.append(value)
        }
        return (parameters, draws)
    }
}
