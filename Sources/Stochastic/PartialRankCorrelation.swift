import CGSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The partial rank correlation coefficient (PRCC) of a model output with one input, with its
/// 95% confidence interval and two-sided p-value.
///
/// With `n` runs, `k` inputs and `r` the coefficient (controlling for the other `k - 1` inputs):
///
/// - `interval`: Fisher's z transformation, `atanh(r) ± z_{0.975} / sqrt(n - 3 - (k - 1))`,
///   mapped back with `tanh`. Fisher (1921), "On the 'probable error' of a coefficient of
///   correlation deduced from a small sample", Metron 1:3-32, gives `atanh(r)` approximately
///   normal with variance `1 / (n - 3)`; for a partial correlation controlling for `p`
///   variables `n` is reduced by `p` (Fisher 1924, "The distribution of the partial
///   correlation coefficient", Metron 3:329-332). Here `p = k - 1`.
/// - `pValue`: the test of `r = 0` used for PRCC by Marino, Hogue, Ray & Kirschner (2008), "A
///   methodology for performing global uncertainty and sensitivity analysis in systems
///   biology", Journal of Theoretical Biology 254(1):178-196 (their eq. 11, after Blower &
///   Dowlatabadi 1994): `t = r sqrt((n - 2 - (k - 1)) / (1 - r^2))` is Student-t with
///   `n - 2 - (k - 1)` degrees of freedom, and `p = 2 Q(|t|)` (`gsl_cdf_tdist_Q`).
///
/// Undefined results (too few runs, a constant input or output, an input or output fully
/// explained by the other inputs) have every field NaN.
public struct PartialRankCorrelation: Sendable, Hashable {
    /// The PRCC, in [-1, 1]; NaN when undefined.
    public let coefficient: Double
    /// 95% confidence interval from Fisher's z transformation; NaN bounds when undefined.
    public let interval: ConfidenceInterval
    /// Two-sided p-value of the hypothesis that the PRCC is 0; NaN when undefined.
    public let pValue: Double

    /// A result with the given fields (no checks).
    public init(coefficient: Double, interval: ConfidenceInterval, pValue: Double) {
        self.coefficient = coefficient
        self.interval = interval
        self.pValue = pValue
    }

    /// The result for a coefficient that cannot be computed: everything NaN.
    public static let undefined = PartialRankCorrelation(
        coefficient: .nan, interval: ConfidenceInterval(low: .nan, high: .nan), pValue: .nan)
}

/// Global sensitivity measures for the inputs of a simulation experiment.
public enum SensitivityAnalysis {
    /// A residual sum of squares at most this fraction of the variable's total (centred) sum
    /// of squares means the other inputs explain the variable completely (up to rounding): the
    /// residuals are then rounding noise, and their correlation is reported as NaN.
    static let explainedTolerance = 1e-10

    /// PRCC of `output` with each column of `inputs` (`inputs[j][i]` = value of input `j` in run
    /// `i`), controlling for the other inputs (Marino et al. 2008, section 2.4.2; Blower &
    /// Dowlatabadi 1994, "Sensitivity and uncertainty analysis of complex models of disease
    /// transmission: an HIV model, as an example", International Statistical Review
    /// 62(2):229-243):
    ///
    /// 1. Rows where `output` is NaN are dropped from the output and every input alike.
    /// 2. Output and inputs are rank-transformed (`ranks`, average ranks for ties).
    /// 3. For input `j`, the ranked output and the ranked input `j` are each regressed, by least
    ///    squares with an intercept, on the other ranked inputs (`gsl_multifit_linear`, which
    ///    solves through a singular value decomposition and so tolerates collinear inputs).
    /// 4. The PRCC is the Pearson correlation of the two residual vectors
    ///    (`gsl_stats_correlation`).
    ///
    /// The interval and p-value are described on `PartialRankCorrelation`; `k` there is
    /// `inputs.count`. Constant inputs carry no information beyond the intercept, so they are
    /// left out of the regressions (their own result is undefined), but they still count in
    /// `k`, which only makes the interval slightly wider.
    ///
    /// Returns one result per input, in order. Results are `PartialRankCorrelation.undefined`
    /// (all NaN) for: every input, when `n <= k + 2` after dropping (no degrees of freedom left)
    /// or when the output is constant; an input that is constant after dropping; an input
    /// whose ranks, or whose output ranks, the other inputs explain completely.
    ///
    /// - Precondition: every column of `inputs` has `output.count` values, none of them NaN.
    public static func prcc(output: [Double], inputs: [[Double]]) -> [PartialRankCorrelation] {
        for (j, column) in inputs.enumerated() {
            precondition(
                column.count == output.count,
                "input \(j) has \(column.count) values but the output has \(output.count)"
            )
            precondition(!column.contains(where: \.isNaN), "input \(j) contains NaN")
        }
        let k = inputs.count
        let kept = output.indices.filter { !output[$0].isNaN }
        let n = kept.count
        let none = Array(repeating: PartialRankCorrelation.undefined, count: k)
        guard k > 0, n > k + 2 else {
            return none
        }
        let rankedOutput = ranks(kept.map { output[$0] })
        guard !isConstant(rankedOutput) else {
            return none
        }
        let rankedInputs = inputs.map { column in ranks(kept.map { column[$0] }) }
        let varying = rankedInputs.map { !isConstant($0) }

        GSLRuntime.prepare()
        // Degrees of freedom with k - 1 inputs controlled for (Marino et al. 2008, eq. 11).
        let tDegrees = Double(n - 2 - (k - 1))
        // Fisher z standard error 1 / sqrt(n - 3 - (k - 1)); n > k + 2 keeps the root positive.
        let zStandardError = 1 / Double(n - 3 - (k - 1)).squareRoot()
        let zQuantile = gsl_cdf_ugaussian_Pinv(0.975)

        // One inverse of the correlation matrix gives every coefficient at once when the inputs
        // are far from collinear; otherwise each input gets its own pair of regressions.
        let fromInverse = partialCorrelationsFromInverse(
            output: rankedOutput, inputs: rankedInputs, varying: varying, rows: n)
        return (0..<k).map { j -> PartialRankCorrelation in
            guard varying[j] else {
                return .undefined
            }
            let r: Double
            if let fromInverse {
                r = fromInverse[j]
            } else {
                let controls = (0..<k).filter { $0 != j && varying[$0] }.map { rankedInputs[$0] }
                let residuals = leastSquaresResiduals(
                    of: [rankedOutput, rankedInputs[j]], on: controls, rows: n)
                guard residuals.count == 2 else {
                    return .undefined
                }
                r = residuals[0].withUnsafeBufferPointer { e in
                    residuals[1].withUnsafeBufferPointer { f in
                        gsl_stats_correlation(e.baseAddress, 1, f.baseAddress, 1, n)
                    }
                }
            }
            guard r.isFinite else {
                return .undefined
            }
            let coefficient = Swift.min(1, Swift.max(-1, r))

            // Fisher z interval, mapped back to the correlation scale (tanh(±inf) = ±1).
            let z = atanh(coefficient)
            let interval = ConfidenceInterval(
                low: tanh(z - zQuantile * zStandardError),
                high: tanh(z + zQuantile * zStandardError))

            // t test of r = 0; a perfect correlation has t = ±inf and p-value 0.
            let pValue: Double
            if abs(coefficient) == 1 {
                pValue = 0
            } else {
                let t = coefficient * (tDegrees / (1 - coefficient * coefficient)).squareRoot()
                pValue = Swift.min(1, 2 * gsl_cdf_tdist_Q(abs(t), tDegrees))
            }
            return PartialRankCorrelation(
                coefficient: coefficient, interval: interval, pValue: pValue)
        }
    }

    /// Average ranks (1-based), ties get the mean of their ranks: the values at sorted
    /// positions `i ..< m` (0-based) that are all equal each get `(i + 1 + m) / 2`, the mean of
    /// the 1-based ranks `i + 1 ... m`. This is the "average" tie method of Spearman's rank
    /// correlation (Kendall & Gibbons 1990, Rank Correlation Methods, 5th ed., ch. 3), so the
    /// Pearson correlation of the ranks of two samples is Spearman's rho.
    ///
    /// - Precondition: no value is NaN (infinities are ranked like any other value).
    public static func ranks(_ values: [Double]) -> [Double] {
        precondition(!values.contains(where: \.isNaN), "cannot rank NaN")
        let order = values.indices.sorted { values[$0] < values[$1] }
        var result = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && values[order[end]] == values[order[start]] {
                end += 1
            }
            let rank = Double(start + 1 + end) / 2
            for position in start..<end {
                result[order[position]] = rank
            }
            start = end
        }
        return result
    }

    /// Whether all values are equal (true for an empty array).
    static func isConstant(_ values: [Double]) -> Bool {
        guard let first = values.first else { return true }
        return values.allSatisfy { $0 == first }
    }

    /// The residuals of each of `targets` after an ordinary least-squares fit on an intercept
    /// and the columns `regressors` (each with `rows` values), through `gsl_multifit_linear`
    /// and `gsl_multifit_linear_residuals`. Returns `[]` if GSL reports an error, or if some
    /// target's residual sum of squares is at most `explainedTolerance` times its total sum of
    /// squares about its mean (the regressors explain it completely).
    /// The partial correlation of the output with each varying input given all the other varying
    /// inputs, read from the inverse `P` of the correlation matrix of (varying inputs, output):
    /// `r_j = -P[j][y] / sqrt(P[j][j] P[y][y])`. It equals the correlation of the two
    /// least-squares residuals (with intercept) that `prcc` describes, in `O(n k^2 + k^3)` for
    /// all inputs instead of `O(n k^3)` each (Whittaker 1990, *Graphical Models in Applied
    /// Multivariate Statistics*, section 5.7). Returns nil (use the regressions) when the matrix
    /// is not safely positive definite: `1 / P[i][i]`, the share of variable `i` the others
    /// leave unexplained, below `1e-6` for some variable, or the Cholesky factorisation failing.
    /// Entries for constant inputs are NaN.
    static func partialCorrelationsFromInverse(
        output: [Double], inputs: [[Double]], varying: [Bool], rows: Int
    ) -> [Double]? {
        let columns = inputs.indices.filter { varying[$0] }.map { inputs[$0] } + [output]
        let size = columns.count
        // Centred and scaled to unit length, so Z^T Z is the correlation matrix.
        let standardised = columns.map { column -> [Double] in
            let mean = column.reduce(0, +) / Double(rows)
            let centred = column.map { $0 - mean }
            let norm = centred.reduce(0) { $0 + $1 * $1 }.squareRoot()
            return centred.map { $0 / norm }
        }
        guard let matrix = gsl_matrix_alloc(size, size) else { return nil }
        defer { gsl_matrix_free(matrix) }
        for a in 0..<size {
            for b in a..<size {
                var dot = 0.0
                standardised[a].withUnsafeBufferPointer { x in
                    standardised[b].withUnsafeBufferPointer { y in
                        for i in 0..<rows { dot += x[i] * y[i] }
                    }
                }
                gsl_matrix_set(matrix, a, b, dot)
                gsl_matrix_set(matrix, b, a, dot)
            }
        }
        guard gsl_linalg_cholesky_decomp1(matrix) == GSL_SUCCESS,
            gsl_linalg_cholesky_invert(matrix) == GSL_SUCCESS
        else { return nil }
        let y = size - 1
        for i in 0..<size where !(1 / gsl_matrix_get(matrix, i, i) > 1e-6) {
            return nil
        }
        var result = Array(repeating: Double.nan, count: inputs.count)
        var position = 0
        for j in inputs.indices where varying[j] {
            result[j] =
                -gsl_matrix_get(matrix, position, y)
                / (gsl_matrix_get(matrix, position, position) * gsl_matrix_get(matrix, y, y)).squareRoot()
            position += 1
        }
        return result
    }

    static func leastSquaresResiduals(
        of targets: [[Double]], on regressors: [[Double]], rows: Int
    ) -> [[Double]] {
        let columns = regressors.count + 1
        guard let design = gsl_matrix_alloc(rows, columns),
            let target = gsl_vector_alloc(rows),
            let coefficients = gsl_vector_alloc(columns),
            let residual = gsl_vector_alloc(rows),
            let covariance = gsl_matrix_alloc(columns, columns),
            let workspace = gsl_multifit_linear_alloc(rows, columns)
        else {
            fatalError("GSL allocation for least squares failed: out of memory")
        }
        defer {
            gsl_multifit_linear_free(workspace)
            gsl_matrix_free(covariance)
            gsl_vector_free(residual)
            gsl_vector_free(coefficients)
            gsl_vector_free(target)
            gsl_matrix_free(design)
        }
        for i in 0..<rows {
            gsl_matrix_set(design, i, 0, 1)
            for (c, column) in regressors.enumerated() {
                gsl_matrix_set(design, i, c + 1, column[i])
            }
        }

        var result: [[Double]] = []
        for values in targets {
            for i in 0..<rows {
                gsl_vector_set(target, i, values[i])
            }
            var chiSquared = 0.0
            guard
                gsl_multifit_linear(design, target, coefficients, covariance, &chiSquared, workspace)
                    == 0,
                gsl_multifit_linear_residuals(design, target, coefficients, residual) == 0
            else {
                return []
            }
            let residuals = (0..<rows).map { gsl_vector_get(residual, $0) }
            let mean = values.reduce(0, +) / Double(rows)
            let total = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            let unexplained = residuals.reduce(0) { $0 + $1 * $1 }
            guard unexplained.isFinite, unexplained > explainedTolerance * total else {
                return []
            }
            result.append(residuals)
        }
        return result
    }
}
