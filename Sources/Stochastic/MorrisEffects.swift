/// Morris's elementary-effects screening statistics from the outputs of a `MorrisDesign`.
///
/// An elementary effect of parameter i is the change in output over one step of i, divided by
/// the step as a fraction of i's range: EE = (y(x + step e_i) - y(x)) / (step / (high_i - low_i)).
/// It is in outcome units per full range of the parameter, so effects of parameters with
/// different units compare directly (a linear y = c x on [low, high] has EE = c (high - low)).
///
/// Per parameter, over its R effects (one per trajectory; Morris 1991, Technometrics 33:161-174;
/// Campolongo, Cariboni & Saltelli 2007, Environ. Model. Softw. 22:1509-1518):
/// - `mu`: the mean effect; effects of opposite sign cancel in it;
/// - `muStar`: the mean absolute effect (Campolongo 2007), the measure to rank parameters by;
/// - `sigma`: the standard deviation of the effects (n - 1 denominator): large when the effect
///   depends on where in the space it is measured, i.e. non-linearity or interactions.
///   A linear model has sigma 0.
public struct MorrisEffects: Sendable, Hashable {
    /// One parameter's statistics.
    public struct Effect: Sendable, Hashable {
        public let mu: Double
        public let muStar: Double
        /// Bootstrap 95% percentile interval for `muStar`, resampling trajectories.
        public let muStarInterval: ConfidenceInterval
        public let sigma: Double
        /// Number of elementary effects behind the statistics.
        public let count: Int

        public init(mu: Double, muStar: Double, muStarInterval: ConfidenceInterval, sigma: Double, count: Int) {
            self.mu = mu
            self.muStar = muStar
            self.muStarInterval = muStarInterval
            self.sigma = sigma
            self.count = count
        }
    }

    /// One entry per parameter, in design order.
    public let parameters: [Effect]
    /// Trajectories in the design.
    public let trajectories: Int

    /// The statistics from the design's points (in the units of `bounds`, or the unit cube
    /// when `bounds` are all (0, 1)) and the output at each point (a replication mean, say).
    ///
    /// The parameter moved at each step is found from the points themselves (the coordinate
    /// that changed most relative to its range), so the design need not be regenerated and
    /// values read back from a CSV file work. A step whose outputs are not finite gives no effect.
    ///
    /// - Precondition: `points.count == outputs.count`, a multiple of `bounds.count + 1`, and
    ///   every range has `high > low`.
    public static func estimate(
        points: [[Double]], outputs: [Double], bounds: [(low: Double, high: Double)], bootstrap: Int = 1000,
        seed: UInt32 = SobolIndices.defaultBootstrapSeed
    ) -> MorrisEffects {
        let k = bounds.count
        precondition(k >= 1, "Morris effects need at least one parameter")
        precondition(points.count == outputs.count, "one output per design point")
        precondition(
            !points.isEmpty && points.count % (k + 1) == 0,
            "a Morris design has R(k + 1) points; got \(points.count) for k = \(k)")
        precondition(bounds.allSatisfy { $0.high > $0.low }, "every range needs high > low")
        let r = points.count / (k + 1)
        // effects[t][i]: parameter i's effect in trajectory t, or nil.
        var effects = [[Double?]](repeating: [Double?](repeating: nil, count: k), count: r)
        for t in 0..<r {
            for s in 1...k {
                let before = t * (k + 1) + s - 1
                let after = before + 1
                var moved = 0
                var largest = 0.0
                for i in 0..<k {
                    let change = abs(points[after][i] - points[before][i]) / (bounds[i].high - bounds[i].low)
                    if change > largest {
                        largest = change
                        moved = i
                    }
                }
                guard largest > 0, outputs[after].isFinite, outputs[before].isFinite else { continue }
                let step = (points[after][moved] - points[before][moved]) / (bounds[moved].high - bounds[moved].low)
                effects[t][moved] = (outputs[after] - outputs[before]) / step
            }
        }
        func muStar(_ rows: [Int], _ i: Int) -> Double {
            let values = rows.compactMap { effects[$0][i] }
            return values.isEmpty ? .nan : values.reduce(0) { $0 + abs($1) } / Double(values.count)
        }
        var draws = [[Double]](repeating: [], count: k)
        if bootstrap > 0 && r >= 2 {
            let stream = RandomStream(seed: seed)
            for _ in 0..<bootstrap {
                let rows = (0..<r).map { _ in stream.uniformInt(below: r) }
                for i in 0..<k { draws[i].append(muStar(rows, i)) }
            }
        }
        let parameters = (0..<k).map { i in
            let values = effects.compactMap { $0[i] }
            let mu = values.isEmpty ? Double.nan : values.reduce(0, +) / Double(values.count)
            return Effect(
                mu: mu, muStar: muStar(Array(0..<r), i),
                muStarInterval: SobolIndices.percentileInterval(draws[i]),
                sigma: SobolIndices.sampleVariance(values).squareRoot(), count: values.count)
        }
        return MorrisEffects(parameters: parameters, trajectories: r)
    }
}
