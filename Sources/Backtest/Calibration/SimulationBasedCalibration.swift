import Stochastic

/// Simulation-based calibration of the calibrator itself (Talts, Betancourt, Simpson, Vehtari &
/// Gelman 2018, "Validating Bayesian inference algorithms with simulation-based calibration",
/// arXiv:1804.06788).
///
/// If parameters are drawn from the prior, data are simulated from them, and the posterior is
/// computed correctly from those data, then averaged over trials the posterior is the prior
/// again; so the rank of the true value within its posterior is uniform (their Theorem 1) and a
/// central 90% posterior interval covers it in 90% of trials. A calibrator that is too confident
/// piles ranks at 0 and 1 and under-covers; one that is biased piles them at one end. Uniform
/// ranks do not show that anything was learned (the prior itself passes), which is why
/// `SBCReport` also gives the contraction, posterior sd over prior sd.
///
/// Trial t draws the true values from the stream `StreamSeeds(masterSeed: seed)` gives to
/// `(replication: t, stream: 0)`, hands the caller the stream of `(t, 1)` to simulate the
/// observed data with, and calibrates with an ABC seed made of the seeds of `(t, 2)` and `(t, 3)`:
/// every trial is reproducible on its own.
public struct SimulationBasedCalibration: Sendable {
    /// Builds the discrepancy simulator of one trial: simulate "observed" data at `truth` with
    /// `stream`, and return a simulator that compares simulations with those data.
    public typealias SimulatorFactory = (_ truth: [Double], _ trial: Int, _ stream: RandomStream) -> ABCSimulator

    /// Replaces a posterior marginal before it is scored; the identity in real use. A test hands in
    /// a deliberately wrong one (for example `scaledAroundMean(by: 0.5)`) to see the check fail.
    public typealias PosteriorAdjustment = @Sendable (_ marginal: WeightedSample) -> WeightedSample

    /// The parameters and their priors, from which the true values are drawn.
    public let parameters: [ABCParameter]
    /// The calibrator's settings; the seed is replaced in every trial.
    public let settings: ABCSettings
    /// The number of trials.
    public let trials: Int
    /// The master seed of the trials.
    public let seed: UInt64
    /// The bins of the rank histogram; `trials / bins` of at least 5 keeps its chi-square honest.
    public let bins: Int

    /// The level of the central posterior interval whose coverage is reported.
    public static let intervalLevel = 0.9

    public init(parameters: [ABCParameter], settings: ABCSettings, trials: Int, seed: UInt64, bins: Int = 10) {
        precondition(trials >= 1 && trials < StreamSeeds.maxReplications, "SBC needs 1 ..< 2^24 - 1 trials")
        precondition(bins >= 2, "SBC needs at least 2 rank bins")
        self.parameters = parameters
        self.settings = settings
        self.trials = trials
        self.seed = seed
        self.bins = bins
    }

    /// Runs every trial and reports per parameter.
    ///
    /// - Parameters:
    ///   - threads: threads per calibration (`ABCSMC.run`); trials run one after another.
    ///   - makeSimulator: the caller's model, see `SimulatorFactory`.
    ///   - adjustPosterior: applied to each posterior marginal before scoring (default: none).
    ///   - progress: called with the number of finished trials.
    public func run(
        threads: Int = ABCSMC.defaultThreads,
        makeSimulator: SimulatorFactory,
        adjustPosterior: PosteriorAdjustment = { $0 },
        progress: (_ finishedTrials: Int) -> Void = { _ in }
    ) throws -> SBCReport {
        let seeds = StreamSeeds(masterSeed: seed)
        let lowerLevel = (1 - Self.intervalLevel) / 2
        var ranks = [[Double]](repeating: [], count: parameters.count)
        var covered = [[Bool]](repeating: [], count: parameters.count)
        var contractions = [[Double]](repeating: [], count: parameters.count)
        for trial in 0..<trials {
            let truthStream = RandomStream(seeds: seeds, replication: trial, stream: 0)
            let truth = parameters.map { $0.prior.sample(truthStream) }
            let simulator = makeSimulator(
                truth, trial, RandomStream(seeds: seeds, replication: trial, stream: 1))
            var trialSettings = settings
            trialSettings.seed =
                UInt64(seeds.seed(replication: trial, stream: 2)) << 32
                | UInt64(seeds.seed(replication: trial, stream: 3))
            let calibrator = try ABCSMC(parameters: parameters, settings: trialSettings, simulator: simulator)
            let state = try calibrator.run(threads: threads)
            guard let posterior = state.posterior else { continue }
            for k in parameters.indices {
                let marginal = adjustPosterior(posterior.marginal(k))
                ranks[k].append(marginal.rank(of: truth[k]))
                covered[k].append(
                    marginal.quantile(lowerLevel) <= truth[k] && truth[k] <= marginal.quantile(1 - lowerLevel))
                contractions[k].append(marginal.standardDeviation / parameters[k].prior.standardDeviation)
            }
            progress(trial + 1)
        }
        let results = parameters.indices.map { k in
            SBCReport.Parameter(
                name: parameters[k].name, ranks: ranks[k], covered: covered[k], contractions: contractions[k],
                bins: bins)
        }
        return SBCReport(trials: trials, bins: bins, parameters: results)
    }
}
