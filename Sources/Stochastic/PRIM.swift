import CGSL

/// Scenario discovery by the Patient Rule Induction Method (Friedman & Fisher 1999, "Bump
/// hunting in high-dimensional data", Statistics and Computing 9:123-143), used as in Bryant &
/// Lempert 2010 ("Thinking inside the box", Technol. Forecast. Soc. Change 77:34-49): find a
/// box of input space (a range per input) in which a 0/1 outcome of interest is concentrated.
///
/// Measures of a box (Bryant & Lempert 2010):
/// - coverage: the share of all cases of interest (y = 1) that fall in the box;
/// - density: the share of cases in the box that are of interest (the box's mean of y);
/// - mass: the share of all points that fall in the box.
///
/// Peeling starts from the box holding every point. Each step considers, for every input,
/// removing the lowest or the highest `alpha` share of the points in the box along that input
/// (at least one point; a run of tied values is removed whole) and takes the peel that leaves
/// the highest density. Peeling stops when the next box would hold less than `minimumMass` of
/// the points, when the density reaches 1, or when nothing can be peeled. Pasting is not done.
///
/// The box chosen (`selected`) is, among the boxes on the peeling trajectory with coverage
/// at least `minimumCoverage`, the one of highest density; of equally dense boxes, the one
/// peeled first (largest coverage). This is one point on the coverage-density trade-off that
/// Bryant & Lempert leave to the analyst; `trajectory` holds all the others.
///
/// Peeling also restricts inputs that only fit noise. The reported `box` is the chosen one with
/// such restrictions dropped, one at a time: for each restricted input, the quasi-p-value of
/// Bryant & Lempert (2010; as the EMA Workbench computes it) is the one-sided
/// binomial probability P(X >= hits) for X ~ Binomial(points in the box, density of the box
/// with that input's restriction removed), i.e. how likely a density this high would be if the
/// restriction did nothing. While the largest quasi-p-value exceeds `significance`, that
/// input's restriction is removed and the others retested.
public struct PRIM: Sendable, Hashable {
    /// One box on the peeling trajectory.
    public struct Box: Sendable, Hashable {
        /// Smallest value kept per input (inclusive).
        public let lower: [Double]
        /// Largest value kept per input (inclusive).
        public let upper: [Double]
        public let coverage: Double
        public let density: Double
        public let mass: Double
        /// Points in the box.
        public let count: Int
    }

    /// The boxes from the full box (index 0) to the last peel.
    public let trajectory: [Box]
    /// Index into `trajectory` of the chosen box.
    public let selected: Int
    /// The reported box: `trajectory[selected]` without the restrictions that fail the
    /// quasi-p-value test.
    public let box: Box
    /// The smallest and largest value of each input over all points: a box bound equal to
    /// these leaves that input unrestricted.
    public let dataLower: [Double]
    public let dataUpper: [Double]

    /// Whether the reported box restricts input `i` (a bound inside the data's range).
    public func isRestricted(_ i: Int) -> Bool {
        box.lower[i] > dataLower[i] || box.upper[i] < dataUpper[i]
    }

    /// Peels the box for `inputs[n][i]` (n points, k inputs) and `outcomes[n]`.
    ///
    /// - Complexity: O(n k log n) to sort once, then O(n k) per peel; about
    ///   log(minimumMass) / log(1 - alpha) peels (58 at the defaults).
    /// - Precondition: one outcome per point, every point with the same number of finite
    ///   inputs, at least one point, `0 < alpha < 1`, `0 < minimumMass <= 1`.
    public static func discover(
        inputs: [[Double]], outcomes: [Bool], alpha: Double = 0.05, minimumMass: Double = 0.05,
        minimumCoverage: Double = 0.5, significance: Double = 0.05
    ) -> PRIM {
        let n = inputs.count
        precondition(n >= 1 && outcomes.count == n, "PRIM needs at least one point and one outcome per point")
        let k = inputs[0].count
        precondition(
            inputs.allSatisfy { $0.count == k && $0.allSatisfy(\.isFinite) }, "inputs must be finite, k per point")
        precondition(alpha > 0 && alpha < 1, "alpha must lie in (0, 1)")
        precondition(minimumMass > 0 && minimumMass <= 1, "the minimum mass must lie in (0, 1]")

        let positives = outcomes.filter { $0 }.count
        // Column by column: each peel walks one input's points in sorted order.
        let columns = (0..<k).map { i in inputs.map { $0[i] } }
        let order = columns.map { column in (0..<n).sorted { column[$0] < column[$1] } }
        let dataLower = (0..<k).map { columns[$0][order[$0][0]] }
        let dataUpper = (0..<k).map { columns[$0][order[$0][n - 1]] }
        var inBox = [Bool](repeating: true, count: n)
        var count = n
        var hits = positives
        var lower = dataLower
        var upper = dataUpper
        func makeBox() -> Box {
            Box(
                lower: lower, upper: upper, coverage: positives > 0 ? Double(hits) / Double(positives) : .nan,
                density: Double(hits) / Double(count), mass: Double(count) / Double(n), count: count)
        }
        var trajectory = [makeBox()]

        /// A candidate peel: the points of input `i` beyond `cut` go (below it from the low
        /// end, above it from the high end).
        struct Peel {
            var input: Int
            var fromLow: Bool
            var cut: Double
            var removed: Int
            var removedHits: Int
        }
        /// The peel of input `i` from one end: walk the sorted points in the box from that end
        /// until `alpha` of them are passed, then on to the end of a run of ties.
        func peel(_ i: Int, fromLow: Bool) -> Peel? {
            let target = Swift.max(1, Int(alpha * Double(count)))
            var removed = 0
            var removedHits = 0
            var last = Double.nan
            let sorted = order[i]
            let column = columns[i]
            let step = fromLow ? 1 : -1
            var position = fromLow ? 0 : n - 1
            while position >= 0 && position < n {
                let point = sorted[position]
                position += step
                guard inBox[point] else { continue }
                let value = column[point]
                if removed >= target && value != last {
                    return Peel(input: i, fromLow: fromLow, cut: value, removed: removed, removedHits: removedHits)
                }
                removed += 1
                if outcomes[point] { removedHits += 1 }
                last = value
            }
            return nil
        }

        while count > 0 && hits < count {
            var best: Peel?
            var bestDensity = -1.0
            for i in 0..<k {
                for fromLow in [true, false] {
                    guard let candidate = peel(i, fromLow: fromLow) else { continue }
                    let density = Double(hits - candidate.removedHits) / Double(count - candidate.removed)
                    if density > bestDensity {
                        best = candidate
                        bestDensity = density
                    }
                }
            }
            guard let chosen = best, Double(count - chosen.removed) >= minimumMass * Double(n) else { break }
            for point in 0..<n where inBox[point] {
                let value = columns[chosen.input][point]
                if chosen.fromLow ? value < chosen.cut : value > chosen.cut { inBox[point] = false }
            }
            count -= chosen.removed
            hits -= chosen.removedHits
            if chosen.fromLow { lower[chosen.input] = chosen.cut } else { upper[chosen.input] = chosen.cut }
            trajectory.append(makeBox())
        }

        var selected = 0
        for (index, box) in trajectory.enumerated() where box.coverage >= minimumCoverage {
            if box.density > trajectory[selected].density { selected = index }
        }

        // Drop the restrictions a binomial test cannot tell from chance, the weakest first.
        lower = trajectory[selected].lower
        upper = trajectory[selected].upper
        while true {
            // One pass: a point is in the box with input i's restriction removed when it breaks
            // no bound but i's, so count per input the points that break only that one.
            var inside = (count: 0, hits: 0)
            var onlyOutside = [(count: Int, hits: Int)](repeating: (0, 0), count: k)
            for point in 0..<n {
                var broken = 0
                var which = 0
                for i in 0..<k where columns[i][point] < lower[i] || columns[i][point] > upper[i] {
                    broken += 1
                    which = i
                    if broken > 1 { break }
                }
                let hit = outcomes[point] ? 1 : 0
                if broken == 0 {
                    inside.count += 1
                    inside.hits += hit
                } else if broken == 1 {
                    onlyOutside[which].count += 1
                    onlyOutside[which].hits += hit
                }
            }
            var weakest: (input: Int, pValue: Double)?
            for i in 0..<k where lower[i] > dataLower[i] || upper[i] < dataUpper[i] {
                let density =
                    Double(inside.hits + onlyOutside[i].hits) / Double(inside.count + onlyOutside[i].count)
                let pValue = quasiPValue(hits: inside.hits, count: inside.count, density: density)
                if pValue > significance && pValue > (weakest?.pValue ?? -1) { weakest = (i, pValue) }
            }
            guard let drop = weakest else {
                count = inside.count
                hits = inside.hits
                break
            }
            lower[drop.input] = dataLower[drop.input]
            upper[drop.input] = dataUpper[drop.input]
        }
        return PRIM(
            trajectory: trajectory, selected: selected, box: makeBox(), dataLower: dataLower, dataUpper: dataUpper)
    }

    /// Bryant & Lempert's quasi-p-value: P(X >= hits) for X ~ Binomial(count, density), from
    /// `gsl_cdf_binomial_Q(hits - 1, ...)` = P(X > hits - 1).
    public static func quasiPValue(hits: Int, count: Int, density: Double) -> Double {
        guard hits >= 1 else { return 1 }
        GSLRuntime.prepare()
        return gsl_cdf_binomial_Q(UInt32(hits - 1), density, UInt32(count))
    }
}
