import Backtest
import Stochastic
import Testing

/// Screening the unknowns after generation 0: a toy model with 20 unknowns of which 2 matter.
@Suite struct ParameterScreeningTests {
    /// Twenty U(0, 1) unknowns; the simulator sees the first two through noise, N(theta_0, 0.05)
    /// against 0.3 and N(theta_1, 0.05) against 0.7, and ignores the other 18.
    static let parameters = (0..<20).map { ABCParameter(name: "u\($0)", prior: .uniform(low: 0, high: 1)) }

    static func simulator(seed: UInt64) -> ABCSimulator {
        let seeds = StreamSeeds(masterSeed: seed)
        let noise = Distribution.normal(mean: 0, sd: 0.05)
        return { theta, index in
            // Each replicate of an attempt draws from its own stream.
            let stream = RandomStream(
                seed: seeds.seed(replication: index.attempt, stream: index.generation * 8 + index.replicate))
            return [abs(theta[0] + noise.sample(stream) - 0.3), abs(theta[1] + noise.sample(stream) - 0.7)]
        }
    }

    /// The two unknowns that matter are the ones calibrated, and they shrink; the 18 others keep
    /// their priors (mean 0.5, sd 1/sqrt(12)). Margins from the effective sample size E: a weighted
    /// mean's standard error is sd / sqrt(E), a uniform's sd's is sd sqrt((1.8 - 1) / (4E))
    /// (kurtosis 1.8); we allow 5 of them.
    @Test func theTwoUnknownsThatMatterShrinkAndTheOthersKeepTheirPriors() throws {
        let settings = ABCSettings(
            seed: 31, populationSize: 300, maxGenerations: 5, particleReplications: 2, screeningLevel: 0.1,
            maxCalibrated: 6)
        let state = try ABCSMC(parameters: Self.parameters, settings: settings, simulator: Self.simulator(seed: 7))
            .run(threads: 2)
        #expect(state.stopReason == .maxGenerations)
        let screening = try #require(state.screening)
        // Both that matter are kept, with the smallest p-values. Benjamini-Hochberg bounds the
        // expected share of false discoveries, not their number: with two p-values near 1e-25 the
        // step-up threshold for the third is 0.1 x 3 / 20, and a null parameter or two may pass.
        // Those are calibrated but, not moving the distance, stay near their priors (checked below).
        #expect(screening.calibrated.prefix(2) == [0, 1], "calibrated \(screening.calibrated)")
        #expect(screening.pValues[0] < 1e-10 && screening.pValues[1] < 1e-10, "p \(screening.pValues)")
        #expect(screening.calibrated.count <= 6)
        let posterior = try #require(state.posterior)
        let ess = posterior.effectiveSampleSize
        #expect(ess > 30, "ESS \(ess)")
        let priorSD = 1 / 12.0.squareRoot()
        let meanAllowance = 5 * priorSD / ess.squareRoot()
        let sdAllowance = 5 * priorSD * (0.8 / (4 * ess)).squareRoot()
        for (k, truth) in [(0, 0.3), (1, 0.7)] {
            let marginal = posterior.marginal(k)
            #expect(marginal.standardDeviation < priorSD - sdAllowance, "u\(k) sd \(marginal.standardDeviation)")
            #expect(marginal.standardDeviation < 0.5 * priorSD, "u\(k) sd \(marginal.standardDeviation)")
            #expect(abs(marginal.mean - truth) < 0.1, "u\(k) mean \(marginal.mean)")
        }
        for k in 2..<20 {
            let marginal = posterior.marginal(k)
            #expect(abs(marginal.mean - 0.5) < meanAllowance, "u\(k) mean \(marginal.mean), allowance \(meanAllowance)")
            #expect(
                abs(marginal.standardDeviation - priorSD) < sdAllowance,
                "u\(k) sd \(marginal.standardDeviation), allowance \(sdAllowance)")
        }
    }

    /// Without screening the same run still calibrates all 20 (the kernel moves every one).
    @Test func withoutScreeningEveryParameterIsCalibrated() throws {
        let settings = ABCSettings(seed: 31, populationSize: 50, maxGenerations: 2)
        let state = try ABCSMC(parameters: Self.parameters, settings: settings, simulator: Self.simulator(seed: 7))
            .run(threads: 1)
        #expect(state.screening == nil)
        #expect(state.calibrated == Array(0..<20))
    }

    /// Spearman's rho with midranks, and Benjamini-Hochberg on a case worked by hand.
    @Test func theStatisticAndTheSelection() {
        #expect(SensitivityAnalysis.ranks([3, 1, 3, 2]) == [3.5, 1, 3.5, 2])
        // Parameter 0 increases with the distance, parameter 1 decreases, parameter 2 is fixed.
        let particles = (0..<30).map { i in [Double(i), Double(30 - i), 1] }
        let distances = (0..<30).map { Double($0) * 2 + 1 }
        let screening = ParameterScreening.screen(
            particles: particles, distances: distances, level: 0.05, maxCalibrated: 1)
        #expect(abs(screening.rankCorrelations[0] - 1) < 1e-12)
        #expect(abs(screening.rankCorrelations[1] + 1) < 1e-12)
        #expect(screening.pValues[2] == 1)
        // Both are discoveries; the cap keeps the first of the tie.
        #expect(screening.calibrated == [0])
    }

    /// Results depend on the seed only, never on the thread count, with replications and screening.
    @Test func threadsDoNotChangeTheResult() throws {
        let settings = ABCSettings(
            seed: 5, populationSize: 60, maxGenerations: 3, particleReplications: 3, screeningLevel: 0.2)
        let calibrator = try ABCSMC(parameters: Self.parameters, settings: settings, simulator: Self.simulator(seed: 2))
        #expect(try calibrator.run(threads: 1) == calibrator.run(threads: 3))
    }
}
