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
    /// A calibrated posterior over some of the uncertain numbers (`run --posterior`): each
    /// replication takes one particle's values for them; nil draws everything from the priors.
    public let posterior: PosteriorSample?
    /// For each path of `posterior`, the index of its parameter in `uncertain`.
    private let posteriorColumns: [Int]
    /// Where each of `uncertain` goes, resolved once (`ParameterSetter`).
    private let setters: [ParameterSetter]
    /// Names this draw for a worker's kept parameters (`parameters(forReplication:seeds:workspace:)`).
    private let identity = Identity()

    private final class Identity: Sendable {}

    /// - Precondition: every path of `posterior` is the path of one of `uncertain` (the scenario
    ///   layer checks this and says which is not).
    public init(base: ModelParameters, uncertain: [UncertainParameter], posterior: PosteriorSample? = nil) {
        self.base = base
        self.uncertain = uncertain
        self.posterior = posterior
        self.posteriorColumns = (posterior?.paths ?? []).map { path in
            guard let index = uncertain.firstIndex(where: { $0.path == path }) else {
                preconditionFailure("the posterior's \(path) is not an uncertain parameter")
            }
            return index
        }
        self.setters = uncertain.map {
            ParameterSetter($0.target, actors: base.actors.count, regions: base.regions.count)
        }
    }

    /// The same draw with `posterior` in place of the priors of its parameters.
    public func with(posterior: PosteriorSample?) -> ParameterDraw {
        ParameterDraw(base: base, uncertain: uncertain, posterior: posterior)
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
        if let posterior {
            // The priors were still drawn above, so every other number keeps the value it has in
            // a run without the posterior (common random numbers between prior and posterior runs).
            let stream =
                cache?.stream(StreamLayout.posteriorParticle, replication: replication, seeds: seeds)
                ?? RandomStream(seeds: seeds, replication: replication, stream: StreamLayout.posteriorParticle)
            let particle = posterior.particles[posterior.particle(at: stream.uniform())]
            for (column, index) in posteriorColumns.enumerated() {
                parameters[keyPath: uncertain[index].target] = particle[column]
                draws[index] = particle[column]
            }
        }
        return (parameters, draws)
    }

    /// The parameters of replication `replication`, as `parameters(forReplication:seeds:cache:)`
    /// gives them, with the draws left in `workspace.draws`. The parameters are the worker's
    /// copy of `base`, kept from replication to replication: every uncertain number is drawn
    /// afresh each time and nothing else changes, so writing the draws over the last
    /// replication's gives the same parameters without allocating.
    public func parameters(
        forReplication replication: Int, seeds: StreamSeeds, workspace: ReplicationWorkspace
    ) -> ModelParameters {
        workspace.draws.removeAll(keepingCapacity: true)
        guard !uncertain.isEmpty else { return base }
        var parameters = workspace.keptParameters(for: identity) ?? base
        var draws: [Double] = .recycled(&workspace.draws)
        var streams: [RandomStream?] = .recycledKeepingElements(&workspace.drawStreams)
        for (index, parameter) in uncertain.enumerated() {
            // One stream per owner, started once per replication and drawn in order.
            let stream: RandomStream
            if let started = streams[parameter.stream] {
                stream = started
            } else {
                stream = workspace.streams.stream(parameter.stream, replication: replication, seeds: seeds)
                streams[parameter.stream] = stream
            }
            let value = parameter.distribution.sample(stream)
            setters[index].write(value, into: &parameters)
            draws.append(value)
        }
        for parameter in uncertain { streams[parameter.stream] = nil }
        workspace.drawStreams = streams
        if let posterior {
            let stream = workspace.streams.stream(
                StreamLayout.posteriorParticle, replication: replication, seeds: seeds)
            let particle = posterior.particles[posterior.particle(at: stream.uniform())]
            for (column, index) in posteriorColumns.enumerated() {
                setters[index].write(particle[column], into: &parameters)
                draws[index] = particle[column]
            }
        }
        workspace.draws = draws
        workspace.keepParameters(parameters, for: identity)
        return parameters
    }
}
