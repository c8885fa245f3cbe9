/// What a number in a scenario must satisfy, below its ceiling: the model's own demand on the
/// value (a rate cannot be negative, a probability lies in [0, 1]). The catalogue gives each
/// numeric key one; the decoder enforces it, the schema and the docs print it.
public enum NumberConstraint: Sendable, Hashable {
    case any
    case positive
    case nonNegative
    /// A probability or share, in [0, 1].
    case unitInterval
    /// In (0, 1]: morale and similar.
    case positiveUnit
    case atLeast(Double)
    /// Zero up to a ceiling: counts of fighters, which the model draws binomial losses from.
    case upTo(Double)

    /// The most fighters one number may hold: the binomial sampler takes at most 2^32 - 1 trials,
    /// and a force can grow by reinforcements, so the ceiling leaves a factor of 40 of room.
    public static let fighters = NumberConstraint.upTo(100_000_000)

    public func admits(_ x: Double) -> Bool {
        switch self {
        case .any: return true
        case .positive: return x > 0
        case .nonNegative: return x >= 0
        case .unitInterval: return (0...1).contains(x)
        case .positiveUnit: return x > 0 && x <= 1
        case .atLeast(let low): return x >= low
        case .upTo(let high): return x >= 0 && x <= high
        }
    }

    /// Whether every value in [low, high] satisfies the constraint.
    public func admits(low: Double, high: Double) -> Bool {
        admits(low) && admits(high)
    }

    /// The constraint in the words of an error message ("must be ...").
    public var phrase: String {
        switch self {
        case .any: return "a finite number"
        case .positive: return "positive"
        case .nonNegative: return "zero or more"
        case .unitInterval: return "between 0 and 1"
        case .positiveUnit: return "above 0 and at most 1"
        case .atLeast(let low): return "at least \(low)"
        case .upTo(let high): return "between 0 and \(Int(high))"
        }
    }

    /// The constraint as the key tables write a range ("> 0", "[0, 1]"), bounds written by `format`.
    public func range(_ format: (Double) -> String = ParameterSpec.format) -> String {
        switch self {
        case .any: return "any number"
        case .positive: return "> 0"
        case .nonNegative: return ">= 0"
        case .unitInterval: return "[0, 1]"
        case .positiveUnit: return "(0, 1]"
        case .atLeast(let low): return ">= \(format(low))"
        case .upTo(let high): return "0 to \(format(high))"
        }
    }

    /// The lowest value allowed and whether it is itself excluded; nil when there is no floor.
    public var floor: (value: Double, exclusive: Bool)? {
        switch self {
        case .any: return nil
        case .positive, .positiveUnit: return (0, true)
        case .nonNegative, .unitInterval, .upTo: return (0, false)
        case .atLeast(let low): return (low, false)
        }
    }

    /// The highest value allowed by the constraint itself (a ceiling may come on top).
    public var top: Double? {
        switch self {
        case .unitInterval, .positiveUnit: return 1
        case .upTo(let high): return high
        default: return nil
        }
    }
}
