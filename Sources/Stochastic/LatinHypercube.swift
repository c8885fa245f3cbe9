/// Latin hypercube sampling of the unit hypercube.
public enum LatinHypercube {
    /// `n` points in the unit hypercube `[0,1)^dimensions`: each dimension is split into `n`
    /// equal strata `[s / n, (s + 1) / n)`, each stratum used exactly once, the point placed
    /// uniformly within its stratum, the strata permuted independently per dimension (McKay,
    /// Beckman & Conover 1979, "A comparison of three methods for selecting values of input
    /// variables in the analysis of output from a computer code", Technometrics 21(2):239-245).
    ///
    /// For each dimension in turn, a random permutation `perm` of `0 ..< n` is drawn by the
    /// Fisher-Yates shuffle (Durstenfeld 1964, CACM 7(7):420, "Algorithm 235: Random
    /// permutation"; Knuth, TAOCP vol. 2, §3.4.2, Algorithm P) with `stream.uniformInt(below:)`,
    /// then point `i` gets `(perm[i] + u) / n` with `u = stream.uniform()` in `(0, 1)`, drawn
    /// for `i = 0, 1, ...`. The same stream state therefore always gives the same points.
    /// A coordinate that rounding would put on `1` is moved to the largest `Double` below 1.
    ///
    /// Returns `points[i][d]`; `n == 0` gives `[]`, and `dimensions == 0` gives `n` empty points.
    ///
    /// - Precondition: `n >= 0` and `dimensions >= 0`.
    public static func sample(points n: Int, dimensions: Int, stream: RandomStream) -> [[Double]] {
        precondition(n >= 0, "number of points must be non-negative, got \(n)")
        precondition(dimensions >= 0, "number of dimensions must be non-negative, got \(dimensions)")
        var points = [[Double]](
            repeating: [Double](repeating: 0, count: dimensions), count: n)
        guard n > 0 else { return points }
        let strata = Double(n)
        for d in 0..<dimensions {
            var permutation = Array(0..<n)
            // Durstenfeld's in-place shuffle: swap each position, from the last down, with a
            // uniformly chosen position at or before it.
            for last in stride(from: n - 1, to: 0, by: -1) {
                let chosen = stream.uniformInt(below: last + 1)
                permutation.swapAt(last, chosen)
            }
            for i in 0..<n {
                let value = (Double(permutation[i]) + stream.uniform()) / strata
                points[i][d] = Swift.min(value, (1.0).nextDown)
            }
        }
        return points
    }
}
