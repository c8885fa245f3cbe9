import CGSL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One bin of a histogram: the values in `[low, high)`, or in `[low, high]` for the last bin of
/// a continuous histogram (and for the single bin `[v, v]` of a constant sample).
public struct HistogramBin: Sendable, Hashable {
    /// Lower edge (inclusive).
    public let low: Double
    /// Upper edge: exclusive, except for the last bin of a continuous histogram.
    public let high: Double
    /// Number of values in the bin.
    public let count: Int
    /// `count / n`, the share of all values that fall in the bin.
    public let fraction: Double

    /// A bin with the given edges, count and fraction.
    public init(low: Double, high: Double, count: Int, fraction: Double) {
        self.low = low
        self.high = high
        self.count = count
        self.fraction = fraction
    }
}

/// Chooses histogram bins for a sample and counts the values in each (with `gsl_histogram`).
public enum HistogramBins {
    /// The largest magnitude an integer-binned value may have: 2^53, below which every whole
    /// number is exactly representable as a `Double` (so integer bin edges stay exact).
    public static let maximumIntegerMagnitude: Double = 9_007_199_254_740_992

    /// Bins for `values` (finite; may be empty -> []).
    ///
    /// **Integer data** (`integer == true`: counts, days, ladder levels): unit-width bins
    /// `[k, k + 1)` for every integer `k` from `floor(min)` to `floor(max)`. If that is more than
    /// `maxBins` bins, the width becomes the smallest integer `w` that fits, `w = ceil(span /
    /// maxBins)` with `span = floor(max) - floor(min) + 1`, and the bins are `[floor(min) + j w,
    /// floor(min) + (j + 1) w)`; their edges stay whole numbers and every bin is half-open,
    /// so the last one reaches past `max`. A constant integer sample is the one unit bin
    /// `[floor(v), floor(v) + 1)`. Whole-number edges are exact only below 2^53
    /// (`maximumIntegerMagnitude`): a sample with a value of that magnitude or more (a huge
    /// casualty count) is binned by the continuous rule below, as if `integer` were false.
    ///
    /// **Continuous data** (`integer == false`): the bin width is the Freedman-Diaconis rule
    /// `h = 2 IQR n^(-1/3)` (Freedman & Diaconis 1981, "On the histogram as a density
    /// estimator: L2 theory", Zeitschrift für Wahrscheinlichkeitstheorie und verwandte Gebiete
    /// 57:453-476), where IQR is the difference of the type-7 quartiles (as in `SampleSummary`,
    /// from `gsl_stats_quantile_from_sorted_data`). The number of bins is `ceil((max - min) /
    /// h)`, capped at `maxBins` (a width too small to divide by, or a range beyond `Double`'s,
    /// gives `maxBins`). When the IQR is 0 (more than half the sample on one value) the
    /// rule gives no width, and Sturges' rule is used instead: `ceil(log2 n) + 1` bins (Sturges
    /// 1926, "The choice of a class interval", JASA 21(153):65-66), also capped at `maxBins`.
    /// The bins then split `[min, max]` into equal widths (the chosen count of bins, each at most
    /// `h` wide, as NumPy's `histogram_bin_edges` does; when `max - min` overflows, edge `j` of
    /// `k` is `min (1 - j/k) + max j/k` instead, which stays finite), the last bin closed on the right so
    /// that `max` is counted. All values equal gives one bin `[v, v]` (`low == high`) holding
    /// everything.
    ///
    /// Counting goes through `gsl_histogram` (`gsl_histogram_alloc`, `gsl_histogram_set_ranges`,
    /// `gsl_histogram_increment`). GSL's bins are half-open, `[range[i], range[i+1])`, so values
    /// equal to the last edge are added to the last bin here. When `max - min` overflows, the
    /// values are counted by a binary search over the same edges instead (GSL's bin lookup
    /// divides by that span). `fraction = count / n`. Deterministic: no randomness is involved.
    /// Total over finite input: never traps, at most `maxBins` bins.
    ///
    /// - Precondition: every value is finite; `maxBins >= 1`.
    public static func make(_ values: [Double], integer: Bool, maxBins: Int = 60) -> [HistogramBin] {
        precondition(maxBins >= 1, "maxBins must be at least 1, got \(maxBins)")
        precondition(
            values.allSatisfy { $0.isFinite },
            "HistogramBins takes finite values only (no NaN or infinity)"
        )
        guard let minimum = values.min(), let maximum = values.max() else {
            return []
        }
        let edges: [Double]
        // Beyond 2^53 whole numbers are not all representable, and the span of unit bins would
        // not fit an Int: such a sample takes the continuous rule.
        let integer = integer && Swift.max(-minimum, maximum) < maximumIntegerMagnitude
        if integer {
            edges = integerEdges(minimum: minimum, maximum: maximum, maxBins: maxBins)
        } else {
            guard minimum < maximum else {
                let n = values.count
                return [HistogramBin(low: minimum, high: maximum, count: n, fraction: 1)]
            }
            edges = continuousEdges(values, minimum: minimum, maximum: maximum, maxBins: maxBins)
        }
        let counts = count(values, edges: edges, closedOnRight: !integer)
        let n = Double(values.count)
        return counts.indices.map { i in
            HistogramBin(
                low: edges[i], high: edges[i + 1], count: counts[i],
                fraction: Double(counts[i]) / n)
        }
    }

    /// Whole-number edges `lo, lo + w, ..., lo + m w` with `lo = floor(min)` and `m w >= span`,
    /// where `span = floor(max) - lo + 1` is the number of unit bins needed and
    /// `w = ceil(span / maxBins)` the smallest whole width giving at most `maxBins` bins
    /// (`span / w <= maxBins`, while `span / (w - 1) > maxBins`).
    static func integerEdges(minimum: Double, maximum: Double, maxBins: Int) -> [Double] {
        let lowest = Int(minimum.rounded(.down))
        let span = Int(maximum.rounded(.down)) - lowest + 1
        let width = (span + maxBins - 1) / maxBins
        let bins = (span + width - 1) / width
        return (0...bins).map { Double(lowest + $0 * width) }
    }

    /// Equal-width edges from `minimum` to `maximum` (exactly), for a sample that is not
    /// constant, with the number of bins from Freedman-Diaconis or, for a zero IQR, Sturges.
    static func continuousEdges(
        _ values: [Double], minimum: Double, maximum: Double, maxBins: Int
    ) -> [Double] {
        let n = values.count
        var sorted = values
        let iqr = sorted.withUnsafeMutableBufferPointer { buffer -> Double in
            // Non-empty (minimum < maximum needs two values), so baseAddress is non-nil.
            let base = buffer.baseAddress!
            gsl_sort(base, 1, buffer.count)
            let q1 = gsl_stats_quantile_from_sorted_data(base, 1, buffer.count, 0.25)
            let q3 = gsl_stats_quantile_from_sorted_data(base, 1, buffer.count, 0.75)
            return q3 - q1
        }
        let bins: Int
        if iqr > 0 {
            // Freedman-Diaconis: h = 2 IQR n^(-1/3); the count is compared as a Double first so
            // that a tiny h (an extreme outlier) cannot overflow the conversion to Int.
            let width = 2 * iqr / cbrt(Double(n))
            var wanted = ((maximum - minimum) / width).rounded(.up)
            if !wanted.isFinite {
                // The range or the IQR overflowed: the same ratio, (range / IQR) n^(1/3) / 2, on
                // halves that cannot (the quantile difference may already be infinite; then the
                // IQR is taken as the range). Still infinite: a width too small to resolve.
                let halfRange = maximum / 2 - minimum / 2
                let halfIQR = Swift.min(iqr / 2, halfRange)
                wanted = (halfRange / halfIQR * cbrt(Double(n)) / 2).rounded(.up)
            }
            bins = wanted.isNaN || wanted >= Double(maxBins) ? maxBins : Swift.max(1, Int(wanted))
        } else {
            // Sturges: ceil(log2 n) + 1, with ceil(log2 n) computed exactly as the bit length
            // of n - 1 (n >= 2 here): the smallest k with 2^k >= n.
            let ceilLog2 = (n - 1).bitWidth - (n - 1).leadingZeroBitCount
            bins = Swift.min(ceilLog2 + 1, maxBins)
        }
        let range = maximum - minimum
        var edges = (0...bins).map { j -> Double in
            guard range.isFinite else {
                // A range beyond Double's (-1e308 to 1e308): weighted means of the ends, which
                // stay between them.
                let t = Double(j) / Double(bins)
                return minimum * (1 - t) + maximum * t
            }
            return minimum + range * Double(j) / Double(bins)
        }
        edges[0] = minimum
        edges[bins] = maximum
        // A range only a few ulps wide cannot be split into distinct edges; GSL needs them
        // strictly increasing, so such a sample gets a single bin [min, max].
        if zip(edges, edges.dropFirst()).contains(where: { $0 >= $1 }) {
            edges = [minimum, maximum]
        }
        return edges
    }

    /// Counts `values` in the bins `[edges[i], edges[i+1])` with a `gsl_histogram`. With
    /// `closedOnRight`, values equal to the last edge (which GSL rejects) count in the last bin.
    static func count(_ values: [Double], edges: [Double], closedOnRight: Bool) -> [Int] {
        let bins = edges.count - 1
        guard (edges[bins] - edges[0]).isFinite else {
            return searchCount(values, edges: edges)
        }
        GSLRuntime.prepare()
        guard let histogram = gsl_histogram_alloc(bins) else {
            fatalError("gsl_histogram_alloc failed: out of memory")
        }
        defer { gsl_histogram_free(histogram) }
        let status = edges.withUnsafeBufferPointer {
            gsl_histogram_set_ranges(histogram, $0.baseAddress, $0.count)
        }
        precondition(status == 0, "gsl_histogram_set_ranges failed with GSL status \(status)")

        let top = edges[bins]
        var extraInLast = 0
        for value in values {
            if closedOnRight && value == top {
                extraInLast += 1
                continue
            }
            let status = gsl_histogram_increment(histogram, value)
            precondition(status == 0, "value \(value) fell outside the histogram's edges")
        }
        var counts = (0..<bins).map { Int(gsl_histogram_get(histogram, $0)) }
        counts[bins - 1] += extraInLast
        return counts
    }

    /// Counts `values` (all within `edges[0]...edges[last]`) in the bins `[edges[i],
    /// edges[i+1])`, the last closed on the right, by binary search: for edges whose span
    /// overflows a Double, where GSL's lookup (which divides by that span) cannot be used.
    static func searchCount(_ values: [Double], edges: [Double]) -> [Int] {
        let bins = edges.count - 1
        var counts = [Int](repeating: 0, count: bins)
        for value in values {
            // The last i with edges[i] <= value, among 0..<bins.
            var low = 0
            var high = bins - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if edges[middle] <= value { low = middle } else { high = middle - 1 }
            }
            counts[low] += 1
        }
        return counts
    }
}
