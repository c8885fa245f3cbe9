import Stochastic

/// How a source's number relates to the model's: the source may count something the model
/// counts only part of (a factor: all deaths where the model counts deaths by airstrikes), and
/// it measures with an error of its own. The model's prediction of the source's number for one
/// run is `factor x value + error`, each drawn afresh per run, so a score compares like with like.
public struct MeasurementModel: Sendable, Hashable {
    /// The source's own error, as a normal with this standard deviation.
    public enum Error: Sendable, Hashable {
        case none
        /// A share of the value (0.2: the source is typically 20% off).
        case relative(Double)
        /// In the observation's units.
        case absolute(Double)
    }

    /// The source's count per unit of the model's value; nil means 1.
    public var factor: Distribution?
    public var error: Error

    public init(factor: Distribution? = nil, error: Error = .none) {
        self.factor = factor
        self.error = error
    }

    /// Whether the model's value is compared as it is.
    public var isExact: Bool { factor == nil && error == .none }

    /// What the source would report had the run been what happened: `factor x value` plus the
    /// source's error, never below zero when the value is not (counts stay counts).
    public func report(of value: Double, stream: RandomStream) -> Double {
        var reported = value
        if let factor { reported *= factor.sample(stream) }
        switch error {
        case .none: break
        case .relative(let share):
            reported += share * abs(reported) * Distribution.normal(mean: 0, sd: 1).sample(stream)
        case .absolute(let sd): reported += Distribution.normal(mean: 0, sd: sd).sample(stream)
        }
        return value >= 0 ? max(0, reported) : reported
    }
}
