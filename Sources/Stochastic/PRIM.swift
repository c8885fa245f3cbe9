/// Scenario discovery by the Patient Rule Induction Method (Friedman & Fisher 1999, "Bump
/// hunting in high-dimensional data", Statistics and Computing 9:123-143), used as in Bryant &
/// Lempert 2010 ("Thinking inside the box", Technol. Forecast. Soc. Change 77:34-49): find a
/// box of input space (a range per input) in which a 0/1 outcome of interest is concentrated.
///
/// Measures of a box (Bryant & Lempert 2010, section 3.2):
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
/// The box reported (`selected`) is, among the boxes on the peeling trajectory with coverage
/// at least `minimumCoverage`, the one of highest density; of equally dense boxes, the one
/// peeled first (largest coverage). This is one point on the coverage-density trade-off that
/// Bryant & Lempert leave to the analyst; `trajectory` holds all the others.
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
    /// Index into `trajectory` of the reported box.
    public let selected: Int
    /// The smallest and largest value of each input over all points: a box bound equal to
    /// these leaves that input unrestricted.
    public let dataLower: [Double]
    public let dataUpper: [Double]

    /// The reported box.
    public var box: Box { trajectory[selected] }

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
        minimumCoverage: Double = 0.5
    ) -> PRIM {
        let n = inputs.count
        precondition(n >= 1 && outcomes.count == n, "PRIM needs at least one point and one outcome per point")
        let k = inputs[0].count
        precondition(
            inputs.allSatisfy { $0.count == k && $0.allSatisfy(\.isFinite) }, "inputs must be finite, k per point")
        precondition(alpha > 0 && alpha < 1, "alpha must lie in (0, 1)")
        precondition(minimumMass > 0 && minimumMass <= 1, "the minimum mass must lie in (0, 1]")

        let positives = outcomes.filter { $0 }.count
        let order = (0..<k).map { i in (0..<n).sorted { inputs[$0][i] < inputs[$1][i] } }
        let dataLower = (0..<k).map { i in n > 0 ? inputs[order[i][0]][i] : .nan }
        let dataUpper = (0..<k).map { i in n > 0 ? inputs[order[i][n - 1]][i] : .nan }
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
            let indices =
                fromLow ? AnyIterator(order[i].makeIterator()) : AnyIterator(order[i].reversed().makeIterator())
            for point in indices where inBox[point] {
                let value = inputs[point][i]
                if removed >= target && value != last {
                    return removed < count
                        ? Peel(input: i, fromLow: fromLow, cut: value, removed: removed, removedHits: removedHits) : nil
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
                let value = inputs[point][chosen.input]
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
        return PRIM(trajectory: trajectory, selected: selected, dataLower: dataLower, dataUpper: dataUpper)
    }
}
