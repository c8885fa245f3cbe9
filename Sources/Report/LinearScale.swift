#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Maps data values linearly onto a pixel range, and picks round tick values for its axis.
///
/// Total over any input: whatever the domain (huge, tiny, equal, infinite or NaN ends), the
/// scale ends up with a finite, visible span, pixel positions stay finite and near the range,
/// and `ticks` returns at most `maximumTicks` values without looping over the span.
struct LinearScale: Sendable, Equatable {
    /// Data values at the two ends.
    var domain: (low: Double, high: Double)
    /// Pixel positions of `domain.low` and `domain.high` (high may be smaller: y grows down).
    var range: (start: Double, end: Double)

    /// The largest magnitude a domain end may have; beyond it an end is clamped. Well inside
    /// `Double`'s range, so a span, a rounded-out `nice()` domain and a tick step stay finite.
    static let limit = 1e300
    /// The most ticks `ticks(count:)` ever returns, whatever `count` asks for.
    static let maximumTicks = 50
    /// How far (in pixels) outside its range a position may be drawn; farther is clamped.
    static let overshoot = 10_000.0

    init(domain: (Double, Double), range: (Double, Double)) {
        var (low, high) = (Self.clamped(domain.0), Self.clamped(domain.1))
        // One missing end: the other end alone; both missing: the unit interval.
        if low.isNaN { low = high.isNaN ? 0 : high }
        if high.isNaN { high = low }
        // A single value still needs a visible span; centre it. The half-width grows with the
        // value, so that 1e16 +- 0.5 (the same double as 1e16) does not collapse the span.
        if !(high > low) {
            let half = Swift.max(0.5, low.magnitude * 1e-9)
            high = low + half
            low -= half
        }
        // A span too small against its ends (or against the smallest useful step) could not be
        // cut into distinct round ticks: widen it around its middle.
        let needed = Swift.max(1e-250, Swift.max(low.magnitude, high.magnitude) * 1e-9)
        if high - low < needed {
            let middle = low / 2 + high / 2
            (low, high) = (middle - needed / 2, middle + needed / 2)
        }
        self.domain = (low, high)
        self.range = (Self.finite(range.0), Self.finite(range.1))
    }

    /// `value` with infinities and magnitudes beyond `limit` brought to `±limit` (NaN stays NaN).
    static func clamped(_ value: Double) -> Double {
        value.isNaN ? value : Swift.min(Swift.max(value, -limit), limit)
    }

    private static func finite(_ value: Double) -> Double {
        value.isFinite ? value : 0
    }

    static func == (a: LinearScale, b: LinearScale) -> Bool {
        a.domain == b.domain && a.range == b.range
    }

    /// The pixel position of `value`. Values outside the domain extrapolate, up to `overshoot`
    /// pixels beyond the range (so a huge value gives a position an SVG viewer can still draw).
    /// NaN gives NaN, which the canvas writes as 0.
    func callAsFunction(_ value: Double) -> Double {
        // Computed on a fraction of the span so that neither the difference nor the quotient
        // overflows for ends near `limit`.
        guard !value.isNaN else { return .nan }
        let fraction = (value / 2 - domain.low / 2) / (domain.high / 2 - domain.low / 2)
        let position = range.start + fraction * (range.end - range.start)
        // An infinite value on a range of no width.
        guard !position.isNaN else { return range.start }
        let lowest = Swift.min(range.start, range.end) - Self.overshoot
        let highest = Swift.max(range.start, range.end) + Self.overshoot
        return Swift.min(Swift.max(position, lowest), highest)
    }

    /// Round values inside the domain, about `count` of them (never more than `maximumTicks`),
    /// and their step.
    func ticks(count: Int = 6) -> (values: [Double], step: Double) {
        let count = Swift.min(Swift.max(count, 1), Self.maximumTicks)
        let step = Self.niceStep(span: domain.high - domain.low, count: count)
        // The first and last multiples of the step inside the domain, counted rather than
        // stepped to, so the loop below is bounded. A small tolerance keeps an end that is a
        // multiple of the step despite rounding.
        let first = (domain.low / step).rounded(.up)
        let last = (domain.high / step + 1e-9).rounded(.down)
        guard first.isFinite, last.isFinite, last >= first else { return ([], step) }
        let number = Int(Swift.min(last - first + 1, Double(Self.maximumTicks)))
        let values = (0..<number).map { index -> Double in
            let value = (first + Double(index)) * step
            return value == 0 ? 0 : value
        }
        return (values, step)
    }

    /// The domain widened outward to whole steps, for axes that should start and end on a tick
    /// (counts from zero, say): `(0, 134)` becomes `(0, 140)`.
    func nice(count: Int = 6) -> LinearScale {
        let step = Self.niceStep(span: domain.high - domain.low, count: count)
        let low = (domain.low / step).rounded(.down) * step
        let high = (domain.high / step).rounded(.up) * step
        return LinearScale(domain: (low, high), range: (range.start, range.end))
    }

    /// A step of 1, 2, 2.5 or 5 times a power of ten that cuts `span` into about `count`
    /// pieces: Heckbert's "nice numbers" (Paul S. Heckbert, "Nice numbers for graph labels",
    /// Graphics Gems, Academic Press 1990, pp. 61-63), with 2.5 added for quarters. Always
    /// finite and positive: 1 for a span that is not, the raw step when the power of ten
    /// under- or overflows.
    static func niceStep(span: Double, count: Int) -> Double {
        guard span > 0, span.isFinite else { return 1 }
        let raw = span / Double(max(count, 1))
        let power = pow(10, (log10(raw)).rounded(.down))
        guard power > 0, power.isFinite else { return raw }
        let fraction = raw / power
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
        let step = nice * power
        return step.isFinite ? step : raw
    }

    /// Decimals that tick labels of `step` need: 0 for 5, 1 for 0.5, 2 for 0.25.
    static func decimals(forStep step: Double) -> Int {
        var digits = 0
        var scaled = step
        while digits < 6 && (scaled - scaled.rounded()).magnitude > 1e-9 * max(1, scaled) {
            scaled *= 10
            digits += 1
        }
        return digits
    }
}
