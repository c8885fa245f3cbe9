/// Why an ABC-SMC run could not start: one readable sentence each.
public enum ABCError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The settings are out of range.
    case invalidSettings(String)
    /// A parameter's prior cannot be used (invalid, or discrete but not fixed).
    case unsupportedPrior(String)
    /// The state to resume from belongs to other settings, another seed or other parameters.
    case stateMismatch(String)

    public var description: String {
        switch self {
        case .invalidSettings(let message), .unsupportedPrior(let message), .stateMismatch(let message):
            message
        }
    }
}
