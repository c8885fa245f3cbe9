import EscalationModel
import Experiments
import Scenario

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replication 0 of the baseline, run again with the tracer from the scenario file the folder
/// was made from: the events of one run and the map it was fought over. The output files hold
/// neither, so the report reads the scenario the manifest names, and only when its bytes (and
/// its engine's) still have the SHA-256 the manifest recorded: then the run is the one the
/// folder's first row of replications.csv describes, and otherwise the page says why not.
struct ReplicationStory: Sendable {
    let traced: TracedReplication
    /// The scenario file read, as the manifest names it.
    let file: String

    /// The region graph and who holds what, by camp.
    var parameters: ModelParameters { traced.parameters }

    /// Why there is no story: a sentence for the page.
    struct Unavailable: Error, Sendable, Equatable {
        let reason: String
    }

    /// Traces replication 0 of the baseline of the folder's scenario, or says why it cannot.
    static func load(manifest: Manifest) -> Result<ReplicationStory, Unavailable> {
        let file = manifest.scenario.file
        if manifest.posterior != nil {
            return .failure(Unavailable(reason: "the run drew its parameters from a calibrated posterior"))
        }
        guard access(file, R_OK) == 0 else {
            return .failure(Unavailable(reason: "the scenario file \(file) is not readable from here"))
        }
        let scenario: Scenario
        do {
            scenario = try Scenario.load(path: file, settings: manifest.scenario.settings)
        } catch {
            return .failure(Unavailable(reason: "the scenario file \(file) no longer loads"))
        }
        guard SHA256.hexDigest(scenario.source.bytes) == manifest.scenario.sha256 else {
            return .failure(Unavailable(reason: "the scenario file \(file) changed since the run"))
        }
        if let engine = manifest.engine,
            scenario.engine.map({ SHA256.hexDigest(Array($0.text.utf8)) }) != engine.sha256
        {
            return .failure(Unavailable(reason: "the engine file \(engine.file) changed since the run"))
        }
        return .success(
            ReplicationStory(
                traced: TracedReplication(scenario: scenario, replication: 0, seed: manifest.seed), file: file))
    }
}
