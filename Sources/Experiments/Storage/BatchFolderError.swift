/// An output folder escsim may not or cannot use as asked: held by another run, not its own,
/// holding files it did not write, or holding batch state that is damaged. One line per problem.
public struct BatchFolderError: Error, Sendable, CustomStringConvertible {
    public let problems: [String]

    public init(_ problem: String) {
        problems = [problem]
    }

    public init(problems: [String]) {
        precondition(!problems.isEmpty)
        self.problems = problems
    }

    public var description: String {
        problems.joined(separator: "\n")
    }
}
