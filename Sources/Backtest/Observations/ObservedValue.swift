import Foundation

/// What a source reported: one number, or a range the truth lies somewhere in (two sources that
/// differ, a window of dates). A range is read as uniform over it, so a score averages over it.
public enum ObservedValue: Sendable, Hashable {
    case point(Double)
    case range(low: Double, high: Double)

    public var low: Double {
        switch self {
        case .point(let value): value
        case .range(let low, _): low
        }
    }

    public var high: Double {
        switch self {
        case .point(let value): value
        case .range(_, let high): high
        }
    }

    /// The number as a table shows it: `12` or `11-14`.
    public func text(_ format: (Double) -> String) -> String {
        switch self {
        case .point(let value): format(value)
        case .range(let low, let high): format(low) + "-" + format(high)
        }
    }

    /// A number as tables show it: whole numbers without a decimal point, others to 4 significant digits.
    public static func plain(_ value: Double) -> String {
        if value.isNaN { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(format: "%.4g", value)
    }
}
