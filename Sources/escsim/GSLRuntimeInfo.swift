import Stochastic

/// The random-number facts every manifest records.
enum GSLRuntimeInfo {
    static var version: String { GSLRuntime.version }
    static let generator = GSLRuntime.generatorName
    static let derivation = StreamSeeds.derivation
}
