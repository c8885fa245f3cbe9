/// A problem with a distribution's parameters, stated in one sentence that names the family,
/// the parameter, the requirement and the offending value, e.g.
/// "gamma shape must be positive and finite, got -1".
public struct DistributionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The human-readable explanation.
    public let message: String

    /// Creates an error with the given explanation.
    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
