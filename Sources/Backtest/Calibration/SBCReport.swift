import Stochastic

/// The result of a simulation-based calibration (`SimulationBasedCalibration`), per parameter.
public struct SBCReport: Sendable, Hashable, Codable {
    /// The number of trials.
    public let trials: Int
    /// The bins of the rank histograms.
    public let bins: Int
    /// One result per parameter, in parameter order.
    public let parameters: [Parameter]

    /// What the trials say about one parameter.
    public struct Parameter: Sendable, Hashable, Codable {
        /// The parameter's name.
        public let name: String
        /// Per trial, the posterior weight below the true value (ties half): uniform on [0, 1]
        /// for a calibrated posterior (Talts et al. 2018, Theorem 1).
        public let ranks: [Double]
        /// Per trial, whether the central 90% weighted posterior interval held the true value.
        public let covered: [Bool]
        /// Pearson's chi-square test of the rank histogram against equal counts.
        public let rankHistogram: UniformityTest.ChiSquare
        /// The Kolmogorov-Smirnov distance of the ranks from the uniform distribution.
        public let ksDistance: Double
        /// The share of trials whose 90% interval covered the true value.
        public let coverage: Double
        /// The mean over trials of posterior sd / prior sd: 1 when nothing is learned, so a
        /// passing rank test with contraction near 1 only says the calibrator returned the prior.
        public let meanContraction: Double

        public init(name: String, ranks: [Double], covered: [Bool], contractions: [Double], bins: Int) {
            self.name = name
            self.ranks = ranks
            self.covered = covered
            rankHistogram = UniformityTest.chiSquare(ranks, bins: bins)
            ksDistance = UniformityTest.ksDistance(ranks)
            coverage = covered.isEmpty ? .nan : Double(covered.filter { $0 }.count) / Double(covered.count)
            meanContraction = contractions.isEmpty ? .nan : contractions.reduce(0, +) / Double(contractions.count)
        }

        /// Whether `coverage` lies within `sigmas` binomial standard deviations,
        /// `sqrt(0.9 * 0.1 / trials)`, of the nominal 0.9.
        public func coverageIsNominal(sigmas: Double = 3) -> Bool {
            let level = SimulationBasedCalibration.intervalLevel
            let sd = (level * (1 - level) / Double(covered.count)).squareRoot()
            return abs(coverage - level) <= sigmas * sd
        }
    }
}
