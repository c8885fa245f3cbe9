import Stochastic

/// Which Lanchester law drives attrition.
///
/// Lanchester (1916), *Aircraft in Warfare: The Dawn of the Fourth Arm*: under aimed
/// fire each side's losses are proportional to the number of enemy shooters (`dx/dt = -a y`,
/// `dy/dt = -b x`, the "N-square law", because `b x^2 - a y^2` is conserved); under unaimed
/// (area) fire they are also proportional to the density of targets (`dx/dt = -a x y`,
/// `dy/dt = -b x y`, the linear law, because `b x - a y` is conserved).
public enum AttritionLaw: String, Sendable, Hashable, CaseIterable {
    /// Aimed fire: a side's losses scale with the opposing force's size.
    case square
    /// Area fire: losses also scale with the target's own density.
    case linear
}

/// Stochastic Lanchester attrition: aggregated rounds for the simulation, plus Brown's exact
/// casualty-by-casualty square-law duel and its win probability as the reference.
///
/// "Brown 1963" below is the stochastic Lanchester attrition paper: R. H. Brown, "Theory of
/// Combat: The Probability of Winning", *Operations Research* 11(3), 418-425 (1963),
/// doi:10.1287/opre.11.3.418. With `A(x, y)` the probability that the next casualty falls on
/// the second force, Brown shows `P(x, y) = A P(x, y-1) + (1 - A) P(x-1, y)`; the square law is
/// the case `A = r x / (r x + y)`, `r` the first force's per-member effectiveness relative to
/// the second's. That `A` is the jump chain of the continuous-time Markov chain in which X
/// loses a fighter at rate `a y` and Y at rate `b x` (`r = b / a`): only the order of
/// casualties decides who wins.
public enum LanchesterCombat {
    // MARK: - Aggregated rounds

    /// Fighters lost in one aggregated round (length `days`) by a force of `size` fighters facing
    /// an opposing effective power `opposingPower` (= opposing fighters x their per-fighter
    /// effectiveness).
    ///
    /// - Square law (Lanchester 1916, `dx/dt = -a y`): expected losses
    ///   `lethalityPerDay * opposingPower * days`.
    /// - Linear law (Lanchester 1916, `dx/dt = -b x y`): expected losses
    ///   `lethalityPerDay * opposingPower * days * (size / initialSize)`, i.e. the linear law with
    ///   `b = lethalityPerDay / initialSize`.
    ///
    /// `initialSize` is the yardstick that turns the linear law's per-pair rate into a per-day
    /// one. Pass the same yardstick for both sides of an engagement (the model passes the mean
    /// of both sides' starting sizes): then X wins, in the deterministic limit, when
    /// `r x0 > y0`, the linear law's condition. Passing each side its own starting size instead
    /// makes the winner condition `r x0^2 > y0^2`, the square law's, with only the course of the
    /// fight changed.
    ///
    /// Losses are `Binomial(floor(size), min(1, expected / floor(size)))`: each of the whole
    /// fighters falls independently with the same probability, so losses never exceed the
    /// force, and for small rounds the draw is close to the Poisson number of casualties of
    /// Brown's (1963) continuous-time chain over `days`. The fractional part of `size` is
    /// never lost in a round; a force below one fighter (`size < 1`) is lost entirely (the
    /// function returns `size`).
    ///
    /// - Parameters: `size`, `opposingPower`, `lethalityPerDay` and `days` finite and
    ///   non-negative; for the linear law `initialSize` positive and finite (the square law
    ///   ignores it).
    /// - Returns: the losses, a whole number of fighters (or `size` itself when `size < 1`).
    public static func roundLosses(
        size: Double, initialSize: Double, opposingPower: Double,
        lethalityPerDay: Double, days: Double, law: AttritionLaw,
        stream: RandomStream
    ) -> Double {
        precondition(size >= 0 && size.isFinite, "roundLosses: size must be finite and >= 0, got \(size)")
        precondition(
            opposingPower >= 0 && opposingPower.isFinite,
            "roundLosses: opposingPower must be finite and >= 0, got \(opposingPower)")
        precondition(
            lethalityPerDay >= 0 && lethalityPerDay.isFinite,
            "roundLosses: lethalityPerDay must be finite and >= 0, got \(lethalityPerDay)")
        precondition(days >= 0 && days.isFinite, "roundLosses: days must be finite and >= 0, got \(days)")
        guard size >= 1 else { return size }
        precondition(
            size <= Double(UInt32.max),
            "roundLosses: size \(size) exceeds the binomial sampler's trial limit")
        let fighters = Int(size.rounded(.down))

        var expected = lethalityPerDay * opposingPower * days
        if law == .linear {
            precondition(
                initialSize > 0 && initialSize.isFinite,
                "roundLosses: the linear law needs a positive, finite initialSize, got \(initialSize)")
            expected *= size / initialSize
        }
        // `expected` can overflow to +inf for absurd inputs; min(1, inf) is still 1.
        let p = min(1, expected / Double(fighters))
        return Distribution.binomial(trials: fighters, p: p).sample(stream)
    }

    /// The outcome of an engagement fought casualty by casualty (or in aggregated rounds).
    public struct DuelResult: Sendable, Hashable {
        /// Whether X won, i.e. Y was the side that broke.
        public let xWins: Bool
        /// Fighters X lost.
        public let xLosses: Int
        /// Fighters Y lost.
        public let yLosses: Int

        public init(xWins: Bool, xLosses: Int, yLosses: Int) {
            self.xWins = xWins
            self.xLosses = xLosses
            self.yLosses = yLosses
        }
    }

    // MARK: - Brown's exact square-law duel

    /// Brown's stochastic square-law duel, exactly: from `(x, y)`, the next casualty falls on Y
    /// with probability `A = r x / (r x + y)`, else on X (`r` = X's per-capita kill rate relative
    /// to Y's). Runs until X is down to `xBreak` fighters (Y wins) or Y is down to `yBreak`
    /// (X wins). (Brown 1963, the embedded jump chain of the square-law Markov chain.)
    ///
    /// One `stream.uniform()` draw per casualty: Y takes the casualty when `u < A`.
    ///
    /// - Parameters: `r` finite and `>= 0`; `0 <= xBreak <= x` and `0 <= yBreak <= y`, and at
    ///   most one side may start at its break level. A side that starts at its break has lost
    ///   (with no casualties).
    public static func duel(
        x: Int, y: Int, r: Double, xBreak: Int = 0, yBreak: Int = 0, stream: RandomStream
    ) -> DuelResult {
        checkDuelArguments("duel", x: x, y: y, r: r, xBreak: xBreak, yBreak: yBreak)
        var xs = x
        var ys = y
        while xs > xBreak && ys > yBreak {
            let xPower = r * Double(xs)
            let a = xPower / (xPower + Double(ys))
            if stream.uniform() < a {
                ys -= 1
            } else {
                xs -= 1
            }
        }
        return DuelResult(xWins: ys == yBreak, xLosses: x - xs, yLosses: y - ys)
    }

    /// Brown's exact probability that X wins from `(x, y)`, by the recursion
    /// `P(x, y) = A P(x, y-1) + (1-A) P(x-1, y)`, `A = r x / (r x + y)`, with
    /// `P(x, yBreak) = 1` for `x > xBreak` and `P(xBreak, y) = 0` for `y > yBreak` (Brown 1963:
    /// condition on where the next casualty falls).
    ///
    /// Dynamic programming, `O(x y)` time and `O(y)` memory: rows `i = xBreak+1 ... x` are
    /// filled in turn, each left to right in `j`, overwriting the row `i-1` in place (when
    /// `P(i, j)` is written, slot `j-1` already holds `P(i, j-1)` and slot `j` still holds
    /// `P(i-1, j)`). `1 - A` is computed as `y / (r x + y)` rather than by subtraction.
    ///
    /// - Parameters: as for `duel`.
    public static func brownWinProbability(
        x: Int, y: Int, r: Double, xBreak: Int = 0, yBreak: Int = 0
    ) -> Double {
        checkDuelArguments("brownWinProbability", x: x, y: y, r: r, xBreak: xBreak, yBreak: yBreak)
        if y == yBreak { return 1 }
        if x == xBreak { return 0 }
        let columns = y - yBreak  // j - yBreak for j in yBreak ... y
        // row[k] = P(i, yBreak + k). Row i = xBreak: P(xBreak, j) = 0 for j > yBreak; slot 0
        // (the corner, never reached) is overwritten with the boundary value 1 below.
        var row = [Double](repeating: 0, count: columns + 1)
        for i in (xBreak + 1)...x {
            row[0] = 1  // P(i, yBreak) = 1 for i > xBreak
            let xPower = r * Double(i)
            for k in 1...columns {
                let j = Double(yBreak + k)
                let total = xPower + j
                row[k] = (xPower / total) * row[k - 1] + (j / total) * row[k]
            }
        }
        return row[columns]
    }

    // MARK: - Aggregated engagement

    /// An engagement fought in aggregated rounds with `roundLosses` for both sides (X
    /// effectiveness `r` relative to Y's 1, per-capita lethality `lethalityPerDay`), until a side
    /// falls to its break level. Returns the same `DuelResult` (losses rounded to `Int`).
    ///
    /// Each round is simultaneous fire: X's losses (drawn first) and Y's losses (drawn second)
    /// both come from the strengths at the start of the round, X facing power `y` and Y facing
    /// power `r x`. For the square law and small rounds this approximates Brown's (1963)
    /// continuous-time chain, whose casualty order `duel` simulates exactly.
    ///
    /// Deciding the engagement, with a side's *strain* = losses / (initial - break), which is
    /// `>= 1` exactly when it is at or past its break (the same measure as the model's
    /// `fightRound`, loss share over break share):
    /// - If only one side is at or past its break after a round, it loses.
    /// - If both are (a tie within one round), the side further past its break in relative
    ///   terms, i.e. with the larger strain, loses; when the strains are exactly equal (e.g. both
    ///   wiped out with zero break levels) one more `stream.uniform()` draw decides, X winning
    ///   with probability 1/2.
    /// - If neither has broken after `maxRounds` rounds, the same rule decides: the side with
    ///   the larger strain loses, a fair draw on exact equality.
    ///
    /// - Parameters: `x`, `y`, `r`, `xBreak`, `yBreak` as for `duel` (at most one side may start
    ///   at its break); `lethalityPerDay` and `days` finite and `>= 0`; `maxRounds >= 1`.
    public static func roundedEngagement(
        x: Int, y: Int, r: Double, xBreak: Int, yBreak: Int,
        lethalityPerDay: Double, days: Double, law: AttritionLaw,
        stream: RandomStream, maxRounds: Int = 100_000
    ) -> DuelResult {
        checkDuelArguments("roundedEngagement", x: x, y: y, r: r, xBreak: xBreak, yBreak: yBreak)
        precondition(maxRounds >= 1, "roundedEngagement: maxRounds must be >= 1, got \(maxRounds)")
        let xInitial = Double(x)
        let yInitial = Double(y)
        let xFloor = Double(xBreak)
        let yFloor = Double(yBreak)
        var xs = xInitial
        var ys = yInitial
        var rounds = 0
        while xs > xFloor && ys > yFloor && rounds < maxRounds {
            let xLoss = roundLosses(
                size: xs, initialSize: xInitial, opposingPower: ys,
                lethalityPerDay: lethalityPerDay, days: days, law: law, stream: stream)
            let yLoss = roundLosses(
                size: ys, initialSize: yInitial, opposingPower: r * xs,
                lethalityPerDay: lethalityPerDay, days: days, law: law, stream: stream)
            xs -= xLoss
            ys -= yLoss
            rounds += 1
        }

        let xWins: Bool
        let xBroken = xs <= xFloor
        let yBroken = ys <= yFloor
        if xBroken != yBroken {
            xWins = yBroken
        } else {
            // Both broke in the same round, or neither within maxRounds. A side that started at
            // its break has initial == break; give it infinite strain (it has lost).
            let xStrain = strain(initial: xInitial, current: xs, breakLevel: xFloor)
            let yStrain = strain(initial: yInitial, current: ys, breakLevel: yFloor)
            if xStrain != yStrain {
                xWins = yStrain > xStrain
            } else {
                xWins = stream.uniform() < 0.5
            }
        }
        return DuelResult(
            xWins: xWins,
            xLosses: Int((xInitial - xs).rounded()),
            yLosses: Int((yInitial - ys).rounded()))
    }

    /// Losses over allowed losses (`initial - breakLevel`); infinite if no loss was allowed.
    private static func strain(initial: Double, current: Double, breakLevel: Double) -> Double {
        let allowed = initial - breakLevel
        guard allowed > 0 else { return .infinity }
        return (initial - current) / allowed
    }

    /// Traps with a message naming `function` unless the duel arguments are valid.
    private static func checkDuelArguments(
        _ function: String, x: Int, y: Int, r: Double, xBreak: Int, yBreak: Int
    ) {
        precondition(r >= 0 && r.isFinite, "\(function): r must be finite and >= 0, got \(r)")
        precondition(
            xBreak >= 0 && xBreak <= x, "\(function): need 0 <= xBreak <= x, got xBreak \(xBreak), x \(x)")
        precondition(
            yBreak >= 0 && yBreak <= y, "\(function): need 0 <= yBreak <= y, got yBreak \(yBreak), y \(y)")
        precondition(
            x > xBreak || y > yBreak,
            "\(function): both sides start at their break levels (x \(x), y \(y)); the outcome is undefined")
    }
}
