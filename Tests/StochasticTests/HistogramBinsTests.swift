import Stochastic
import Testing

@Suite struct HistogramBinsTests {
    @Test func integerBinsAreUnitWidthFromFloorMinToFloorMax() {
        let bins = HistogramBins.make([0, 0, 1, 3], integer: true)
        #expect(bins.map(\.low) == [0, 1, 2, 3])
        #expect(bins.map(\.high) == [1, 2, 3, 4])
        #expect(bins.map(\.count) == [2, 1, 0, 1])
        #expect(bins.map(\.fraction) == [0.5, 0.25, 0, 0.25])
    }

    @Test func integerBinsStartAtTheFloorOfNonIntegerValues() {
        // floor(-1.5) = -2, floor(0.2) = 0: bins [-2, -1), [-1, 0), [0, 1).
        let bins = HistogramBins.make([0.2, -1.5], integer: true)
        #expect(bins.map(\.low) == [-2, -1, 0])
        #expect(bins.map(\.count) == [1, 0, 1])
    }

    @Test func integerDataSpanningZeroToThousandIsCappedAtMaxBins() {
        // 1001 unit bins would be needed; the smallest whole width giving at most 60 bins is
        // ceil(1001 / 60) = 17 (16 would need ceil(1001 / 16) = 63 bins), which gives
        // ceil(1001 / 17) = 59 bins [17 j, 17 (j + 1)), the last [986, 1003).
        let values = (0...1000).map(Double.init)
        let bins = HistogramBins.make(values, integer: true)
        #expect(bins.count == 59)
        #expect(bins.allSatisfy { $0.high - $0.low == 17 })
        #expect(bins.allSatisfy { $0.low == $0.low.rounded() })
        #expect(bins.first?.low == 0)
        #expect(bins.last?.low == 986)
        #expect(bins.last?.high == 1003)
        // 58 full bins of 17 values, and 1001 - 58 * 17 = 15 values (986...1000) in the last.
        #expect(bins.dropLast().allSatisfy { $0.count == 17 })
        #expect(bins.last?.count == 15)
        #expect(bins.reduce(0) { $0 + $1.count } == 1001)
    }

    @Test func integerCapHonoursACustomMaxBins() {
        // Span 10 (0...9) with at most 4 bins: width ceil(10 / 4) = 3, bins [0,3) [3,6) [6,9) [9,12).
        let bins = HistogramBins.make((0...9).map(Double.init), integer: true, maxBins: 4)
        #expect(bins.map(\.low) == [0, 3, 6, 9])
        #expect(bins.map(\.count) == [3, 3, 3, 1])
    }

    @Test func freedmanDiaconisWidthOnAKnownSample() {
        // n = 8, so n^(-1/3) = 1/2. Type-7 quartiles of 1 2 3 4 5 6 7 30: q1 at position
        // 7 * 0.25 = 1.75 -> 2 + 0.75 = 2.75; q3 at 5.25 -> 6 + 0.25 = 6.25; IQR = 3.5.
        // Width 2 * 3.5 / 2 = 3.5; bins ceil((30 - 1) / 3.5) = ceil(8.29) = 9, edges 1 + 29 j / 9.
        let values: [Double] = [30, 1, 2, 3, 4, 5, 6, 7]
        let bins = HistogramBins.make(values, integer: false)
        #expect(bins.count == 9)
        for (j, bin) in bins.enumerated() {
            #expect(abs(bin.low - (1 + 29 * Double(j) / 9)) < 1e-12)
            #expect(abs(bin.high - (1 + 29 * Double(j + 1) / 9)) < 1e-12)
        }
        #expect(bins.first?.low == 1)
        #expect(bins.last?.high == 30)
        // 1...4 lie below 1 + 29/9 = 4.22, 5...7 below 7.44; 30 is the maximum.
        #expect(bins.map(\.count) == [4, 3, 0, 0, 0, 0, 0, 0, 1])
    }

    @Test func maximumIsCountedInTheClosedLastBin() {
        let values: [Double] = [0, 0.5, 1, 2, 2]
        let bins = HistogramBins.make(values, integer: false)
        // n = 5: quartiles 0.5 and 2, IQR 1.5, width 3 / 5^(1/3) = 1.75, so ceil(2 / 1.75) = 2
        // bins [0, 1) and [1, 2]; both 2s are in the last.
        #expect(bins.map(\.high) == [1, 2])
        #expect(bins.map(\.count) == [2, 3])
        #expect(bins.reduce(0) { $0 + $1.count } == values.count)
    }

    @Test func sturgesWhenTheInterquartileRangeIsZero() {
        // Nine zeros and a 5: both quartiles are 0. Sturges: ceil(log2 10) + 1 = 5 bins of width 1.
        let values = [Double](repeating: 0, count: 9) + [5]
        let bins = HistogramBins.make(values, integer: false)
        #expect(bins.map(\.low) == [0, 1, 2, 3, 4])
        #expect(bins.map(\.high) == [1, 2, 3, 4, 5])
        #expect(bins.map(\.count) == [9, 0, 0, 0, 1])
    }

    @Test func sturgesCountIsExactAtPowersOfTwo() {
        // n = 8: ceil(log2 8) + 1 = 4 bins (not 5 from a rounded-up log).
        let values = [Double](repeating: 0, count: 7) + [1]
        #expect(HistogramBins.make(values, integer: false).count == 4)
    }

    @Test func continuousBinsAreCappedAtMaxBins() {
        // 1...100 would take ceil(100^(1/3)) = 5 Freedman-Diaconis bins; the cap allows 3.
        let values = (1...100).map(Double.init)
        #expect(HistogramBins.make(values, integer: false).count == 5)
        let capped = HistogramBins.make(values, integer: false, maxBins: 3)
        #expect(capped.count == 3)
        #expect(capped.first?.low == 1)
        #expect(capped.last?.high == 100)
        // Edges 1, 34, 67, 100: 1...33, 34...66, and 67...100 with the right-closed maximum.
        #expect(capped.map(\.count) == [33, 33, 34])
    }

    @Test(arguments: [false, true])
    func countsSumToNAndFractionsToOne(integer: Bool) {
        let stream = RandomStream(seed: 2024)
        let values = Distribution.gamma(shape: 2, scale: 7).samples(997, from: stream)
            .map { integer ? $0.rounded(.down) : $0 }
        let bins = HistogramBins.make(values, integer: integer)
        #expect(bins.count <= 60)
        #expect(bins.reduce(0) { $0 + $1.count } == values.count)
        #expect(abs(bins.reduce(0) { $0 + $1.fraction } - 1) < 1e-12)
        for bin in bins {
            #expect(bin.fraction == Double(bin.count) / Double(values.count))
            #expect(bin.low < bin.high)
        }
        // Contiguous, and covering the sample.
        #expect(zip(bins, bins.dropFirst()).allSatisfy { $0.high == $1.low })
        #expect(bins.first!.low <= values.min()!)
        #expect(bins.last!.high >= values.max()!)
        // Deterministic.
        #expect(HistogramBins.make(values, integer: integer) == bins)
    }

    @Test func constantContinuousInputIsOneDegenerateBin() {
        let bins = HistogramBins.make([2.5, 2.5, 2.5], integer: false)
        #expect(bins == [HistogramBin(low: 2.5, high: 2.5, count: 3, fraction: 1)])
    }

    @Test func constantIntegerInputIsOneUnitBin() {
        let bins = HistogramBins.make([4, 4], integer: true)
        #expect(bins == [HistogramBin(low: 4, high: 5, count: 2, fraction: 1)])
    }

    @Test(arguments: [false, true])
    func emptyInputHasNoBins(integer: Bool) {
        #expect(HistogramBins.make([], integer: integer).isEmpty)
    }

    /// Samples whose whole numbers reach 2^53 or beyond (a huge casualty count), or whose span
    /// overflows a Double: they once trapped (a precondition, or a conversion to Int).
    static let extremeSamples: [[Double]] = [
        [1e16, 1e16 + 2, 3e16],
        [0, 1e300],
        [1, 2, 1e16, -1e300, 1e300, 12],
        [9_007_199_254_740_992, 0],
        [-1.7e308, 1.7e308, 0, 5],
        [-.greatestFiniteMagnitude, .greatestFiniteMagnitude],
        [1e300, 1e300],
        [-9_007_199_254_740_992, 9_007_199_254_740_991],
    ]

    @Test(arguments: extremeSamples, [true, false])
    func extremeValuesGiveBoundedCoveringBins(values: [Double], integer: Bool) {
        let bins = HistogramBins.make(values, integer: integer)
        #expect(!bins.isEmpty && bins.count <= 60)
        #expect(bins.reduce(0) { $0 + $1.count } == values.count)
        #expect(bins.allSatisfy { $0.low.isFinite && $0.high.isFinite && $0.low <= $0.high })
        #expect(zip(bins, bins.dropFirst()).allSatisfy { $0.high == $1.low && $0.low < $1.low })
        #expect(bins.first!.low <= values.min()! && bins.last!.high >= values.max()!)
        #expect(abs(bins.reduce(0) { $0 + $1.fraction } - 1) < 1e-12)
    }

    @Test func integerValuesFrom2To53UseTheContinuousRule() {
        // Unit bins would not be exact there: the same bins as for non-integer data.
        let values: [Double] = [1e16, 2e16, 2e16, 5e16]
        #expect(HistogramBins.make(values, integer: true) == HistogramBins.make(values, integer: false))
        // Below 2^53, integer data keeps its whole-number bins.
        let below: [Double] = [0, 9_007_199_254_740_991]
        #expect(HistogramBins.make(below, integer: true).allSatisfy { $0.low == $0.low.rounded() })
        #expect(HistogramBins.make(below, integer: true).last!.high > 9_007_199_254_740_991)
    }

    @Test func aSpanBeyondDoublesRangeIsSplitIntoEqualFiniteBins() {
        let bins = HistogramBins.make([-1e308, 1e308], integer: false, maxBins: 4)
        // Sturges for n = 2 gives 2 bins: [-1e308, 0) and [0, 1e308].
        #expect(bins.map(\.low) == [-1e308, 0])
        #expect(bins.map(\.high) == [0, 1e308])
        #expect(bins.map(\.count) == [1, 1])
    }
}
