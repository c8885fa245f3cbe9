import Backtest
import Foundation
import Stochastic
import Testing

/// Simulation-based calibration (Talts et al. 2018) of ABC-SMC on the conjugate normal model,
/// and of a deliberately over-confident version of it, which must fail.
@Suite struct SimulationBasedCalibrationTests {
    static let trials = 100
    static let bins = 10  // 10 expected ranks per bin: the chi-square approximation holds

    /// With the seed fixed the result is deterministic; the thresholds say how unlikely a failure
    /// of a correct calibrator would have been for a random seed. The rank p-value must exceed
    /// 0.001 (a correct posterior fails with probability 0.1%; ABC's small final tolerance widens
    /// the posterior by a few percent, which 100 trials cannot see). Coverage must lie within 3
    /// binomial standard deviations of 0.9: 0.9 ± 3 sqrt(0.09 / 100) = 0.9 ± 0.09.
    @Test func abcSMCPassesAndAnOverConfidentPosteriorFails() throws {
        let report = try ConjugateNormalCheck.simulationBasedCalibration(
            trials: Self.trials, populationSize: 100, maxGenerations: 4, bins: Self.bins, seed: 13)
        let theta = report.parameters[0]
        #expect(theta.rankHistogram.pValue > 0.001, "\(theta.rankHistogram)")
        #expect(theta.coverageIsNominal(sigmas: 3), "coverage \(theta.coverage)")
        #expect(theta.ksDistance < 1.63 / Double(Self.trials).squareRoot(), "KS \(theta.ksDistance)")  // 1% level
        // The posterior is narrower than the prior: exact sd ratio 0.447, a bit more at ABC's tolerance.
        #expect(theta.meanContraction > 0.4 && theta.meanContraction < 0.6, "contraction \(theta.meanContraction)")

        // Shrunk to 0.4 of its width around its mean, the posterior's 90% interval covers about
        // P(|Z| < 1.645 * 0.4) = 0.51 of true values, and ranks pile at both ends.
        let broken = try ConjugateNormalCheck.simulationBasedCalibration(
            trials: Self.trials, populationSize: 100, maxGenerations: 4, bins: Self.bins, seed: 13,
            adjustPosterior: { $0.scaledAroundMean(by: 0.4) })
        let wrong = broken.parameters[0]
        #expect(wrong.rankHistogram.pValue < 0.001, "\(wrong.rankHistogram)")
        #expect(!wrong.coverageIsNominal(sigmas: 3), "coverage \(wrong.coverage)")
        #expect(wrong.ranks != theta.ranks)
    }
}

/// The larger check (500 trials of 200 particles, 20 rank bins), for `ESCSIM_SBC=1 swift test
/// --filter LargeSimulationBasedCalibration` (best in a release build); too slow for every test run.
@Suite struct LargeSimulationBasedCalibration {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ESCSIM_SBC"] == "1"))
    func abcSMCIsCalibratedOnTheConjugateNormalModel() throws {
        let report = try ConjugateNormalCheck.simulationBasedCalibration()
        let theta = report.parameters[0]
        #expect(theta.rankHistogram.pValue > 0.001, "\(theta.rankHistogram)")
        #expect(theta.coverageIsNominal(sigmas: 3), "coverage \(theta.coverage)")
        #expect(theta.meanContraction < 0.6, "contraction \(theta.meanContraction)")
    }
}
