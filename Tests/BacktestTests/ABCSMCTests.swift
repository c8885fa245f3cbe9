import Backtest
import Foundation
import Stochastic
import Testing

/// ABC-SMC against a posterior known in closed form, on an unidentifiable parameter, and for
/// reproducibility (threads, interruption and resumption).
@Suite struct ABCSMCTests {
    /// The conjugate normal model: prior N(0, 1), observed mean 1 of 4 draws, exact posterior
    /// N(0.8, 1/5) (sd 0.4472).
    ///
    /// Tolerances: with effective sample size E, a weighted mean has standard error about
    /// sd / sqrt(E) and a weighted sd about sd / sqrt(2E); we allow 5 of them, since SMC particles
    /// are a little correlated (resampling) beyond what E counts. ABC at tolerance ε accepts
    /// simulated means within h = ε * scale of 1, which acts like observing 1 + U with U uniform on
    /// (-h, h): the posterior mean stays 0.8 by symmetry, the variance grows by about
    /// (4/5)^2 h^2 / 3 (the posterior mean moves by 4/5 of a shift in the observation). So the sd
    /// must lie between the exact sd and the widened one, up to the sampling allowance.
    @Test func theConjugateNormalPosteriorIsRecovered() throws {
        let settings = ABCSettings(seed: 2009, populationSize: 400, maxGenerations: 7)
        let calibrator = try ABCSMC(
            parameters: ConjugateNormalCheck.parameters, settings: settings,
            simulator: ConjugateNormalCheck.simulator(observed: 1, seed: 187))
        let state = try calibrator.run()
        #expect(state.stopReason == .maxGenerations)
        let posterior = try #require(state.posterior)
        let marginal = posterior.marginal(0)
        let exact = ConjugateNormalCheck.exactPosterior(observed: 1)
        let ess = posterior.effectiveSampleSize
        let h = try #require(posterior.tolerance) * state.scales[0]
        let widenedSD = (exact.sd * exact.sd + 0.64 * h * h / 3).squareRoot()
        let meanAllowance = 5 * widenedSD / ess.squareRoot()
        let sdAllowance = 5 * widenedSD / (2 * ess).squareRoot()
        #expect(
            abs(marginal.mean - exact.mean) <= meanAllowance,
            "mean \(marginal.mean), exact \(exact.mean), allowance \(meanAllowance), ESS \(ess)")
        #expect(
            marginal.standardDeviation >= exact.sd - sdAllowance
                && marginal.standardDeviation <= widenedSD + sdAllowance,
            "sd \(marginal.standardDeviation), exact \(exact.sd), widened \(widenedSD), allowance \(sdAllowance)")
        // The sd shrinks toward the exact value as the tolerance falls.
        let sds = state.generations.map { $0.marginal(0).standardDeviation }
        #expect(sds[1] > sds[sds.count - 1], "sd by generation: \(sds)")
        #expect(abs(sds[sds.count - 1] - exact.sd) < abs(sds[0] - exact.sd))
        let tolerances = state.generations.compactMap(\.tolerance)
        #expect(zip(tolerances, tolerances.dropFirst()).allSatisfy { $0 > $1 }, "tolerances \(tolerances)")
        #expect(abs(posterior.weights.reduce(0, +) - 1) < 1e-12)
    }

    /// The parameter the data do not depend on keeps its prior (mean 5, sd 10 / sqrt 12 = 2.887);
    /// the other contracts to about the exact 0.447 of its prior sd. Allowances as above: 5
    /// standard errors of the weighted mean, and for the uniform's sd 5 times its standard error
    /// sd sqrt((kurtosis - 1) / (4E)) with kurtosis 1.8.
    @Test func anUnidentifiableParameterKeepsItsPrior() throws {
        let settings = ABCSettings(seed: 1804, populationSize: 400, maxGenerations: 6)
        let calibrator = try ABCSMC(
            parameters: ABCTestModels.identifiedAndNot, settings: settings,
            simulator: ABCTestModels.identifiedAndNotSimulator(seed: 983))
        let state = try calibrator.run()
        let summaries = ParameterSummary.summaries(of: state, parameters: ABCTestModels.identifiedAndNot)
        let ess = try #require(state.posterior).effectiveSampleSize
        let identified = summaries[0]
        let ignored = summaries[1]
        #expect(identified.contraction < 0.6, "\(identified)")
        let priorSD = 10 / 12.0.squareRoot()
        #expect(abs(ignored.posteriorMean - 5) <= 5 * priorSD / ess.squareRoot(), "\(ignored), ESS \(ess)")
        #expect(
            abs(ignored.posteriorSD - priorSD) <= 5 * priorSD * (0.8 / (4 * ess)).squareRoot(), "\(ignored), ESS \(ess)"
        )
        #expect(ignored.contraction > 0.85)
        #expect(abs(ignored.priorSD - priorSD) < 1e-12)
        #expect(zip(ignored.priorQuantiles, [0.5, 5, 9.5]).allSatisfy { abs($0 - $1) < 1e-12 }, "\(ignored)")
        #expect(abs(identified.priorQuantiles[2] - 1.644_853_626_951_472_2) < 1e-9, "\(identified)")
        #expect(ignored.posteriorQuantiles[0] < 1.5 && ignored.posteriorQuantiles[2] > 8.5, "\(ignored)")
    }

    static func smallCalibrator(seed: UInt64 = 42) throws -> ABCSMC {
        let settings = ABCSettings(seed: seed, populationSize: 120, maxGenerations: 5)
        return try ABCSMC(
            parameters: ABCTestModels.identifiedAndNot, settings: settings,
            simulator: ABCTestModels.identifiedAndNotSimulator(seed: 7))
    }

    @Test func theThreadCountDoesNotChangeTheResult() throws {
        let calibrator = try Self.smallCalibrator()
        let one = try calibrator.run(threads: 1)
        let two = try calibrator.run(threads: 2)
        let four = try calibrator.run(threads: 4)
        #expect(one.generations.count == 5)
        #expect(one == two)
        #expect(one == four)
    }

    /// Stopped in the middle of generation 3, saved as JSON, read back and continued: the same
    /// final state as one uninterrupted run.
    @Test func anInterruptedRunResumesToTheSameState() throws {
        let calibrator = try Self.smallCalibrator()
        let uninterrupted = try calibrator.run(threads: 2)
        let flag = StopFlag()
        var checkpoints: [ABCState] = []
        let interrupted = try calibrator.run(
            threads: 2, batchSize: 8, shouldStop: { flag.isRaised }, checkpoint: { checkpoints.append($0) },
            progress: { accepted, _, generation in if generation == 3 && accepted > 0 { flag.raise() } })
        #expect(interrupted.stopReason == .stopRequested)
        #expect(interrupted.generations.count == 3)
        #expect(checkpoints.count == 3)
        #expect(checkpoints.last?.generations == interrupted.generations)
        let saved = try JSONEncoder().encode(interrupted)
        let restored = try JSONDecoder().decode(ABCState.self, from: saved)
        #expect(restored == interrupted)
        let resumed = try calibrator.run(resumingFrom: restored, threads: 1, batchSize: 5)
        #expect(resumed == uninterrupted)
        // A finished state is returned as it is.
        #expect(try calibrator.run(resumingFrom: resumed) == resumed)
        // Stopped before anything was done: an empty state, which also resumes.
        let early = try calibrator.run(shouldStop: { true })
        #expect(early.generations.isEmpty && early.stopReason == .stopRequested)
        #expect(try calibrator.run(resumingFrom: early, threads: 2) == uninterrupted)
    }

    @Test func aStateOfAnotherRunIsRefused() throws {
        let state = try Self.smallCalibrator(seed: 1).run(shouldStop: { true })
        #expect(throws: ABCError.self) { try Self.smallCalibrator(seed: 2).run(resumingFrom: state) }
    }

    @Test func invalidSettingsAndPriorsAreRefused() {
        let simulator: ABCSimulator = { _, _ in [0] }
        let prior = [ABCParameter(name: "x", prior: .normal(mean: 0, sd: 1))]
        #expect(throws: ABCError.self) {
            try ABCSMC(parameters: prior, settings: ABCSettings(seed: 1, quantile: 1), simulator: simulator)
        }
        #expect(throws: ABCError.self) {
            try ABCSMC(parameters: [], settings: ABCSettings(seed: 1), simulator: simulator)
        }
        #expect(throws: ABCError.self) {
            try ABCSMC(
                parameters: [ABCParameter(name: "n", prior: .poisson(mean: 3))], settings: ABCSettings(seed: 1),
                simulator: simulator)
        }
    }

    /// A fixed parameter stays at its value and does not upset the kernel; a simulator that never
    /// gets close stops the run for a low acceptance rate, keeping the complete generations.
    @Test func fixedParametersAndHopelessRuns() throws {
        let parameters = [
            ABCParameter(name: "free", prior: .uniform(low: 0, high: 1)),
            ABCParameter(name: "held", prior: .fixed(3)),
        ]
        let settings = ABCSettings(seed: 5, populationSize: 50, maxGenerations: 4)
        let fixedRun = try ABCSMC(parameters: parameters, settings: settings) { theta, _ in [abs(theta[0] - 0.3)] }
            .run(threads: 2)
        #expect(fixedRun.generations.count == 4)
        #expect(fixedRun.generations.allSatisfy { $0.particles.allSatisfy { $0[1] == 3 } })
        #expect(abs(fixedRun.generations[3].marginal(0).mean - 0.3) < 0.05)

        // A simulator whose fit collapses from generation 2 on: discrepancies uniform on (0, 1)
        // before, 1 + uniform after, so generation 2 (tolerance: the median of generation 1's
        // distances, below 1 / scale) accepts nothing and is abandoned after 50 / 0.02 attempts.
        let hopeless = try ABCSMC(
            parameters: [parameters[0]], settings: ABCSettings(seed: 6, populationSize: 50, maxGenerations: 4)
        ) { _, index in
            let stream = RandomStream(
                seeds: StreamSeeds(masterSeed: 9), replication: index.attempt, stream: index.generation)
            return [(index.generation >= 2 ? 1 : 0) + stream.uniform()]
        }.run(threads: 2)
        #expect(hopeless.stopReason == .acceptanceRateBelowMinimum)
        #expect(hopeless.generations.count == 2)
    }
}
