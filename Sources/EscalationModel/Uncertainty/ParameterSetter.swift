/// Where one uncertain number goes, resolved once per experiment so that writing a draw is a
/// direct store. Writing through a composed key path such as `\ModelParameters.actors[2].morale`
/// goes through the array subscript's accessors, for which the key-path runtime allocates a
/// write-back buffer: about one allocation per uncertain actor or region number per replication.
/// `@unchecked Sendable` as `UncertainParameter`: key paths are immutable but not `Sendable`.
enum ParameterSetter: @unchecked Sendable {
    case actor(Int, WritableKeyPath<ActorSpec, Double>)
    case region(Int, WritableKeyPath<RegionSpec, Double>)
    /// Any other target: the key path itself (a model number's is a chain of stored properties).
    case other(WritableKeyPath<ModelParameters, Double>)

    /// The setter of `target`: the actor's or region's key of the catalogue that, appended to
    /// `\.actors[index]` or `\.regions[index]`, is `target` (key paths compare by their
    /// components), else `target` itself.
    init(_ target: WritableKeyPath<ModelParameters, Double>, actors: Int, regions: Int) {
        for spec in ParameterCatalogue.bySection[.actor] ?? [] {
            guard let path = spec.target?.actor else { continue }
            for index in 0..<actors where (\ModelParameters.actors[index]).appending(path: path) == target {
                self = .actor(index, path)
                return
            }
        }
        for spec in ParameterCatalogue.bySection[.region] ?? [] {
            guard let path = spec.target?.region else { continue }
            for index in 0..<regions where (\ModelParameters.regions[index]).appending(path: path) == target {
                self = .region(index, path)
                return
            }
        }
        self = .other(target)
    }

    @inline(__always)
    func write(_ value: Double, into parameters: inout ModelParameters) {
        switch self {
        case .actor(let index, let path): parameters.actors[index][keyPath: path] = value
        case .region(let index, let path): parameters.regions[index][keyPath: path] = value
        case .other(let path): parameters[keyPath: path] = value
        }
    }

    @inline(__always)
    func read(_ parameters: ModelParameters) -> Double {
        switch self {
        case .actor(let index, let path): parameters.actors[index][keyPath: path]
        case .region(let index, let path): parameters.regions[index][keyPath: path]
        case .other(let path): parameters[keyPath: path]
        }
    }
}
