import Stochastic

/// A toy model with a known posterior, on which the calibrator can be checked end to end.
///
/// θ ~ N(0, 1); the data are the mean of 4 draws from N(θ, 1), so the mean is N(θ, 1/4) and, for
/// an observed mean y, the posterior is normal with precision 1 + 4 = 5 and mean 4y / 5 (the
/// normal-normal conjugate pair, e.g. Gelman et al., *Bayesian Data Analysis*, 3rd ed., §2.5).
/// The discrepancy is `|simulated mean - y|`.
public enum ConjugateNormalCheck {
    /// The prior of θ.
    public static let prior = Distribution.normal(mean: 0, sd: 1)
    /// Draws averaged into one observation.
    public static let drawsPerObservation = 4

    /// The one parameter, θ with its prior.
    public static var parameters: [ABCParameter] { [ABCParameter(name: "theta", prior: prior)] }

    /// The mean of `drawsPerObservation` draws from N(θ, 1).
    public static func observe(theta: Double, stream: RandomStream) -> Double {
        let noise = Distribution.normal(mean: 0, sd: 1)
        var sum = 0.0
        for _ in 0..<drawsPerObservation { sum += theta + noise.sample(stream) }
        return sum / Double(drawsPerObservation)
    }

    /// The exact posterior of θ given the observed mean.
    public static func exactPosterior(observed: Double) -> (mean: Double, sd: Double) {
        let precision = 1 + Double(drawsPerObservation)
        return (Double(drawsPerObservation) * observed / precision, (1 / precision).squareRoot())
    }

    /// The discrepancy simulator for the observed mean; simulation (g, a) draws from the stream
    /// `StreamSeeds(masterSeed: seed).seed(replication: a, stream: g)`.
    public static func simulator(observed: Double, seed: UInt64) -> ABCSimulator {
        let seeds = StreamSeeds(masterSeed: seed)
        return { theta, index in
            let stream = RandomStream(seeds: seeds, replication: index.attempt, stream: index.generation)
            return [abs(observe(theta: theta[0], stream: stream) - observed)]
        }
    }

    /// Simulation-based calibration of ABC-SMC on this model: `trials` trials, each calibrating
    /// with `populationSize` particles over at most `maxGenerations` generations.
    ///
    /// - Parameter adjustPosterior: applied to each posterior before scoring (a test uses it to
    ///   show that an over-confident posterior fails).
    public static func simulationBasedCalibration(
        trials: Int = 500, populationSize: Int = 200, maxGenerations: Int = 6, bins: Int = 20,
        seed: UInt64 = 1_804_067_88, threads: Int = ABCSMC.defaultThreads,
        adjustPosterior: SimulationBasedCalibration.PosteriorAdjustment = { $0 }
    ) throws -> SBCReport {
        let settings = ABCSettings(seed: 0, populationSize: populationSize, maxGenerations: maxGenerations)
        let check = SimulationBasedCalibration(
            parameters: parameters, settings: settings, trials: trials, seed: seed, bins: bins)
        return try check.run(
            threads: threads,
            makeSimulator: { truth, trial, stream in
                let observed = observe(theta: truth[0], stream: stream)
                return simulator(observed: observed, seed: seed ^ UInt64(trial + 1) &* 0x9E37_79B9_7F4A_7C15)
            },
            adjustPosterior: adjustPosterior)
    }
}
