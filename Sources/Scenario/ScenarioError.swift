/// One problem with a scenario, reported as `file:line:column: message`.
public struct ScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ message: String, at location: SourceLocation) {
        self.location = location
        self.message = message
    }

    public var description: String {
        "\(location): \(message)"
    }
}

/// Every problem found in a scenario, in file order. Thrown when there is at least one.
public struct ScenarioErrors: Error, Sendable, Hashable, CustomStringConvertible {
    public var errors: [ScenarioError]

    /// Whether escsim stopped listing problems at `NodeDecoder.maximumProblems`.
    public var isTruncated: Bool

    /// Sorts by location; problems at one location keep the order they were found in (required
    /// keys in the order the format lists them), so the output is the same on every run.
    public init(_ errors: [ScenarioError], isTruncated: Bool = false) {
        var seen: Set<ScenarioError> = []
        let unique = errors.filter { seen.insert($0).inserted }
        self.errors = unique.enumerated()
            .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            .map(\.element)
        self.isTruncated = isTruncated
    }

    /// "1 problem", "3 problems", or, past the limit, "the first 100 problems".
    public var countDescription: String {
        let count = "\(errors.count) problem\(errors.count == 1 ? "" : "s")"
        return isTruncated ? "the first \(count)" : count
    }

    /// One line per problem.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
