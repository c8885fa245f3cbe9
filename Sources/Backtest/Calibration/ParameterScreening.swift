import Stochastic

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which unknowns an ABC-SMC run calibrates after generation 0, and why: a screening of every
/// parameter by how strongly the distance of the prior's draws depends on it.
///
/// With many unknowns (a joint calibration of the backtest's cases has about 140) a kernel that
/// moves all of them cannot work: every coordinate of a proposal must land inside its prior's
/// support, and the chance that 140 of them do is vanishingly small; and importance weights over
/// so many dimensions collapse onto a few particles. Most unknowns, moreover, barely move the
/// distance. So, as in global sensitivity analysis (factor screening, Saltelli et al. 2008,
/// "Global Sensitivity Analysis: The Primer", ch. 2 and 5), the influential ones are found first:
///
/// - **Statistic.** Spearman's rank correlation rho_k between parameter k and the scaled distance
///   over generation 0's N draws from the prior (midranks for ties). Under independence
///   `rho sqrt(N - 1)` is approximately standard normal, which gives a two-sided p-value.
/// - **Selection.** The Benjamini & Hochberg (1995, J. R. Stat. Soc. B 57:289) step-up procedure
///   at false discovery rate `level` over all non-fixed parameters: among the parameters called
///   influential, the expected share of ones that are not is at most `level`. Of those, at most
///   `maxCalibrated` with the smallest p-values are kept (ties by index).
/// - **Consequence.** The kept parameters are perturbed and reweighted as usual; every other
///   parameter is drawn afresh from its prior in every proposal. Its proposal density then equals
///   its prior density, so it cancels from the importance weight: the population is a sample of
///   the posterior of the kept parameters with the others integrated over their priors, and each
///   screened-out parameter's marginal is its prior, the honest answer when the data, at this
///   budget, cannot tell its values apart.
///
/// The screening depends only on generation 0, so it is deterministic and is stored in the state.
public struct ParameterScreening: Sendable, Hashable, Codable {
    /// Spearman's rank correlation of each parameter with the distance (0 for a fixed one).
    public let rankCorrelations: [Double]
    /// The two-sided p-value of each (1 for a fixed parameter).
    public let pValues: [Double]
    /// The indices of the calibrated parameters, ascending.
    public let calibrated: [Int]
    /// The false discovery rate and cap it was made with.
    public let level: Double
    public let maxCalibrated: Int

    public init(
        rankCorrelations: [Double], pValues: [Double], calibrated: [Int], level: Double, maxCalibrated: Int
    ) {
        self.rankCorrelations = rankCorrelations
        self.pValues = pValues
        self.calibrated = calibrated
        self.level = level
        self.maxCalibrated = maxCalibrated
    }

    /// The screening of `particles` (`particles[i][k]`) against their `distances`.
    public static func screen(
        particles: [[Double]], distances: [Double], level: Double, maxCalibrated: Int
    ) -> ParameterScreening {
        precondition(particles.count == distances.count && particles.count >= 3, "screening needs 3 or more draws")
        let n = particles.count
        let dimension = particles[0].count
        let distanceRanks = SensitivityAnalysis.ranks(distances)
        var correlations = [Double](repeating: 0, count: dimension)
        var pValues = [Double](repeating: 1, count: dimension)
        var candidates: [Int] = []
        for k in 0..<dimension {
            let values = particles.map { $0[k] }
            guard values.contains(where: { $0 != values[0] }) else { continue }
            let rho = pearson(SensitivityAnalysis.ranks(values), distanceRanks)
            correlations[k] = rho
            let z = abs(rho) * Double(n - 1).squareRoot()
            pValues[k] = erfc(z / 2.0.squareRoot())
            candidates.append(k)
        }
        // Benjamini-Hochberg: the largest i with p_(i) <= level i / m; keep p_(1) ... p_(i).
        let ordered = candidates.sorted { pValues[$0] < pValues[$1] || (pValues[$0] == pValues[$1] && $0 < $1) }
        let m = Double(ordered.count)
        var discoveries = 0
        for (rank, k) in ordered.enumerated() where pValues[k] <= level * Double(rank + 1) / m {
            discoveries = rank + 1
        }
        let kept = ordered.prefix(min(discoveries, maxCalibrated)).sorted()
        return ParameterScreening(
            rankCorrelations: correlations, pValues: pValues, calibrated: Array(kept), level: level,
            maxCalibrated: maxCalibrated)
    }

    /// Pearson's correlation (0 when either has no spread).
    static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n
        let my = y.reduce(0, +) / n
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        guard sxx > 0, syy > 0 else { return 0 }
        return sxy / (sxx * syy).squareRoot()
    }
}
