/// Morris's one-at-a-time trajectories for elementary effects (Morris 1991, "Factorial
/// sampling plans for preliminary computational experiments", Technometrics 33(2):161-174).
///
/// Each parameter's range is a grid of p levels {0, 1/(p-1), ..., 1}; the step is
/// delta = p / (2(p - 1)) (2/3 for the default p = 4), which for even p is a whole number of grid
/// steps, so every level is reached equally often (Morris 1991). A trajectory is
/// k + 1 points: from a random base point it changes one parameter at a time by +delta or
/// -delta, in a random order, so every parameter is moved exactly once per trajectory.
///
/// Each trajectory is built from `stream` as in Morris's orientation matrix B*
/// (Campolongo, Cariboni & Saltelli 2007, Environ. Model. Softw. 22:1509-1518): for each
/// parameter in turn a base level x*_i uniform among the p/2 levels with x*_i + delta <= 1 and a
/// direction (up or down; a step down starts at x*_i + delta), then a uniformly random order of
/// the parameters (Durstenfeld's shuffle). Campolongo's selection of the most spread-out
/// trajectories among many is not applied.
///
/// Points come trajectory by trajectory, `R(k + 1)` in all: point `t(k + 1) + s` is step `s` of
/// trajectory `t`, and consecutive points within a trajectory differ in exactly one coordinate.
public enum MorrisDesign {
    /// Morris's recommended default number of levels.
    public static let defaultLevels = 4

    /// Number of points: R(k + 1).
    public static func pointCount(trajectories: Int, parameters: Int) -> Int {
        trajectories * (parameters + 1)
    }

    /// The step delta = p / (2(p - 1)) as a fraction of each range.
    public static func step(levels p: Int) -> Double {
        Double(p) / Double(2 * (p - 1))
    }

    /// The design in the unit cube (coordinates on the p-level grid in [0, 1]).
    ///
    /// - Precondition: `trajectories >= 1`, `parameters >= 1`, `levels` even and at least 2.
    public static func unitPoints(
        trajectories r: Int, parameters k: Int, levels p: Int = defaultLevels, stream: RandomStream
    ) -> [[Double]] {
        precondition(r >= 1, "a Morris design needs at least one trajectory")
        precondition(k >= 1, "a Morris design needs at least one parameter")
        precondition(p >= 2 && p % 2 == 0, "a Morris grid needs an even number of levels, at least 2; got \(p)")
        let delta = step(levels: p)
        let spacing = 1.0 / Double(p - 1)
        var points: [[Double]] = []
        points.reserveCapacity(pointCount(trajectories: r, parameters: k))
        for _ in 0..<r {
            var point = [Double](repeating: 0, count: k)
            var up = [Bool](repeating: true, count: k)
            for i in 0..<k {
                let base = Double(stream.uniformInt(below: p / 2)) * spacing
                up[i] = stream.uniformInt(below: 2) == 0
                point[i] = up[i] ? base : Swift.min(base + delta, 1)
            }
            var order = Array(0..<k)
            for last in stride(from: k - 1, to: 0, by: -1) {
                order.swapAt(last, stream.uniformInt(below: last + 1))
            }
            points.append(point)
            for i in order {
                // Rounded back to the grid so that repeated steps never drift off it.
                let moved = point[i] + (up[i] ? delta : -delta)
                point[i] = Swift.min(Swift.max((moved / spacing).rounded() * spacing, 0), 1)
                points.append(point)
            }
        }
        return points
    }

    /// The design mapped linearly onto [low, high] per parameter (`bounds[i]`).
    public static func points(
        trajectories: Int, levels: Int = defaultLevels, bounds: [(low: Double, high: Double)], stream: RandomStream
    ) -> [[Double]] {
        unitPoints(trajectories: trajectories, parameters: bounds.count, levels: levels, stream: stream).map { unit in
            zip(unit, bounds).map { u, bound in bound.low + (bound.high - bound.low) * u }
        }
    }
}
