import Stochastic
import Testing

@Suite struct PairedDifferenceTests {
    // a = 10 12 9 15 11, b = 8 11 9 12 10, d = a - b = 2 1 0 3 1.
    // mean(a) = 57/5 = 11.4, mean(b) = 50/5 = 10, mean(d) = 7/5 = 1.4.
    // Squared deviations of d: 0.36 + 0.16 + 1.96 + 2.56 + 0.16 = 5.2, var 5.2/4 = 1.3,
    // sd = 1.140175425; t_{0.975, 4} = 2.776445105; margin 2.776445105 * 1.140175425 / sqrt(5)
    // = 1.415714777, interval [-0.015714777, 2.815714777].
    static let a: [Double] = [10, 12, 9, 15, 11]
    static let b: [Double] = [8, 11, 9, 12, 10]

    @Test func handComputedExample() {
        let paired = PairedDifference(Self.a, Self.b)
        #expect(paired.pairs == 5)
        #expect(abs(paired.meanA - 11.4) < 1e-12)
        #expect(abs(paired.meanB - 10) < 1e-12)
        #expect(abs(paired.difference - 1.4) < 1e-12)
        #expect(abs(paired.interval.low - (-0.015714777)) < 1e-8)
        #expect(abs(paired.interval.high - 2.815714777) < 1e-8)
        #expect(abs(paired.interval.halfWidth - 1.415714777) < 1e-8)
    }

    @Test func pairingNarrowsTheIntervalAgainstWelch() {
        // Welch on the same data: var(a) = 21.2/4 = 5.3, var(b) = 10/4 = 2.5;
        // se^2 = 5.3/5 + 2.5/5 = 1.56; Welch-Satterthwaite df = 1.56^2 / (1.06^2/4 + 0.5^2/4)
        // = 2.4336 / 0.3434 = 7.0868; t_{0.975, 7.0868} = 2.358767; half-width
        // 2.358767 * sqrt(1.56) = 2.946099. The positively correlated pairs (corr(a, b) = 0.92)
        // cut it to 1.415715.
        let welchHalfWidth = 2.946099
        let paired = PairedDifference(Self.a, Self.b)
        #expect(paired.interval.halfWidth < welchHalfWidth / 2)
    }

    @Test func pairsWithNaNAreSkipped() {
        let a = Self.a + [.nan, 4]
        let b = Self.b + [3, .nan]
        let withNaN = PairedDifference(
            [.nan] + a, [.nan] + b)
        let clean = PairedDifference(Self.a, Self.b)
        #expect(withNaN.pairs == 5)
        #expect(withNaN == clean)
    }

    @Test func onePairHasNoInterval() {
        let paired = PairedDifference([3, .nan], [1, 2])
        #expect(paired.pairs == 1)
        #expect(paired.meanA == 3)
        #expect(paired.meanB == 1)
        #expect(paired.difference == 2)
        #expect(paired.interval.low.isNaN && paired.interval.high.isNaN)
    }

    @Test func noPairsIsAllNaN() {
        let paired = PairedDifference([.nan], [1])
        #expect(paired.pairs == 0)
        #expect(paired.meanA.isNaN && paired.meanB.isNaN && paired.difference.isNaN)
        #expect(paired.interval.low.isNaN)
        let empty = PairedDifference([], [])
        #expect(empty.pairs == 0)
        #expect(empty.difference.isNaN)
    }

    @Test func identicalShiftGivesAPointInterval() {
        // d is constant 2: sd 0, so the interval collapses on the difference.
        let paired = PairedDifference([5, 7, 9, 4], [3, 5, 7, 2])
        #expect(paired.difference == 2)
        #expect(paired.interval.low == 2)
        #expect(paired.interval.high == 2)
    }

    /// The same values in another order (a variant that only reshuffles which runs end how) have
    /// the same mean, and a difference of exactly 0, not a rounding residue.
    @Test func equalMeansHaveADifferenceOfExactlyZero() {
        let values: [Double] = (1...997).map { (k: Int) -> Double in
            let coarse = 0.1 * Double(k % 13)
            let fine = 1e-3 * Double(k % 7)
            return coarse + fine + 0.7
        }
        let shuffled = values.indices.map { values[($0 * 389) % values.count] }
        #expect(Set(shuffled) == Set(values) && shuffled != values)
        let paired = PairedDifference(shuffled, values)
        #expect(paired.meanA == paired.meanB)
        #expect(paired.difference == 0)
    }
}
