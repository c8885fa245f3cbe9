/// Saltelli's sampling scheme for first-order and total Sobol indices (Saltelli 2002, "Making
/// best use of model evaluations to compute sensitivity indices", Comput. Phys. Commun.
/// 145:280-297; Saltelli et al. 2010, "Variance based sensitivity analysis of model output.
/// Design and estimator for the total sensitivity index", Comput. Phys. Commun. 181:259-270).
///
/// Two independent N x k matrices A and B are taken from one 2k-dimensional Sobol sequence
/// (A from the first k coordinates, B from the last k, as Saltelli et al. 2010 do), and for
/// each parameter i a matrix AB_i equals A with its column i taken from B. The model is run at
/// every row of A, B and each AB_i: N(k + 2) runs for k first-order and k total indices.
///
/// Points are laid out base row by base row, each block of k + 2 points in this fixed order
/// (the same order SALib uses without second-order indices):
///
///     point j(k + 2)         = A_j
///     point j(k + 2) + 1 + i = AB_i,j   for i = 0 ..< k
///     point j(k + 2) + k + 1 = B_j
///
/// so that a base row's block stays together when the bootstrap resamples rows, and
/// `SobolIndices` reads the outputs back in the same order.
public enum SaltelliDesign {
    /// The most parameters: the Sobol sequence has 2k dimensions, at most
    /// `SobolSequence.maximumDimensions`.
    public static let maximumParameters = SobolSequence.maximumDimensions / 2

    /// Number of points for `baseSamples` base rows and `parameters` parameters: N(k + 2).
    public static func pointCount(baseSamples: Int, parameters: Int) -> Int {
        baseSamples * (parameters + 2)
    }

    /// The design in the unit cube, `points[p][i]` in [0, 1), in the order documented above.
    ///
    /// - Precondition: `baseSamples >= 1` and `1 <= parameters <= maximumParameters`.
    public static func unitPoints(baseSamples: Int, parameters k: Int) -> [[Double]] {
        precondition(baseSamples >= 1, "a Saltelli design needs at least one base sample")
        precondition(
            (1...maximumParameters).contains(k),
            "a Saltelli design has 1 to \(maximumParameters) parameters, got \(k)")
        let sequence = SobolSequence(dimensions: 2 * k)
        var points: [[Double]] = []
        points.reserveCapacity(pointCount(baseSamples: baseSamples, parameters: k))
        for _ in 0..<baseSamples {
            let row = sequence.next()
            let a = Array(row[0..<k])
            let b = Array(row[k..<(2 * k)])
            points.append(a)
            for i in 0..<k {
                var ab = a
                ab[i] = b[i]
                points.append(ab)
            }
            points.append(b)
        }
        return points
    }

    /// The design mapped linearly onto [low, high] per parameter (`bounds[i]`).
    public static func points(baseSamples: Int, bounds: [(low: Double, high: Double)]) -> [[Double]] {
        unitPoints(baseSamples: baseSamples, parameters: bounds.count).map { unit in
            zip(unit, bounds).map { u, bound in bound.low + (bound.high - bound.low) * u }
        }
    }
}
