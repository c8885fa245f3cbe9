/// Which simulation the calibrator asks for: attempt `attempt` of generation `generation`.
///
/// The pair is unique within one calibration run and does not depend on how many threads run
/// it, so a simulator that derives its random seeds from it (for example with
/// `StreamSeeds(masterSeed:).seed(replication: attempt, stream: generation)` under a seed of its
/// own) makes the whole calibration reproducible.
public struct SimulationIndex: Sendable, Hashable, Codable {
    /// The generation, 0 for the draws from the prior.
    public let generation: Int
    /// The attempt within the generation: 0, 1, 2, ... in the order the population is filled.
    public let attempt: Int
    /// Which of the attempt's simulations this is, 0 ... `ABCSettings.particleReplications - 1`;
    /// a simulator must draw each from other streams (0 is the only one with one replication).
    public let replicate: Int

    public init(generation: Int, attempt: Int, replicate: Int = 0) {
        self.generation = generation
        self.attempt = attempt
        self.replicate = replicate
    }
}
