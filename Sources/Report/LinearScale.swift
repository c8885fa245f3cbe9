#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps data values linearly onto a pixel range, and picks round tick values for its axis.
public struct LinearScale: Sendable, Equatable {
    /// Data values at the two ends.
    public var domain: (low: Double, high: Double)
    /// Pixel positions of `domain.low` and `domain.high` (high may be smaller: y grows down).
    public var range: (start: Double, end: Double)

    public init(domain: (Double, Double), range: (Double, Double)) {
        var (low, high) = domain
        // A single value still needs a visible span; centre it.
        if !(high > low) {
            low -= 0.5
            high = low + 1
        }
        self.domain = (low, high)
        self.range = range
    }

    public static func == (a: LinearScale, b: LinearScale) -> Bool {
        a.domain == b.domain && a.range == b.range
    }

    /// The pixel position of `value` (values outside the domain extrapolate).
    public func callAsFunction(_ value: Double) -> Double {
        range.start + (value - domain.low) / (domain.high - domain.low) * (range.end - range.start)
    }

    /// Round values inside the domain, about `count` of them, and their step.
    public func ticks(count: Int = 6) -> (values: [Double], step: Double) {
        let step = Self.niceStep(span: domain.high - domain.low, count: count)
        var values: [Double] = []
        var k = (domain.low / step).rounded(.up)
        // A small tolerance keeps an end that is a multiple of the step despite rounding.
        while k * step <= domain.high + step * 1e-9 {
            values.append(k * step == 0 ? 0 : k * step)
            k += 1
        }
        return (values, step)
    }

    /// The domain widened outward to whole steps, for axes that should start and end on a tick
    /// (counts from zero, say): `(0, 134)` becomes `(0, 140)`.
    public func nice(count: Int = 6) -> LinearScale {
        let step = Self.niceStep(span: domain.high - domain.low, count: count)
        let low = (domain.low / step).rounded(.down) * step
        let high = (domain.high / step).rounded(.up) * step
        return LinearScale(domain: (low, high), range: (range.start, range.end))
    }

    /// A step of 1, 2, 2.5 or 5 times a power of ten that cuts `span` into about `count`
    /// pieces: Heckbert's "nice numbers" (Paul S. Heckbert, "Nice numbers for graph labels",
    /// Graphics Gems, Academic Press 1990, pp. 61-63), with 2.5 added for quarters.
    public static func niceStep(span: Double, count: Int) -> Double {
        guard span > 0, span.isFinite else { return 1 }
        let raw = span / Double(max(count, 1))
        let power = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / power
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
        return nice * power
    }

    /// Decimals that tick labels of `step` need: 0 for 5, 1 for 0.5, 2 for 0.25.
    public static func decimals(forStep step: Double) -> Int {
        var digits = 0
        var scaled = step
        while digits < 6 && (scaled - scaled.rounded()).magnitude > 1e-9 * max(1, scaled) {
            scaled *= 10
            digits += 1
        }
        return digits
    }
}
