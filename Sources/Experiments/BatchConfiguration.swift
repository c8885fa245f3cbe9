import Scenario

/// What to run: a scenario, a master seed, a number of replications, and how many threads.
public struct BatchConfiguration: Sendable {
    public var scenario: Scenario
    public var seed: UInt64
    public var replications: Int
    /// Worker threads; results never depend on it.
    public var threads: Int

    public init(scenario: Scenario, seed: UInt64, replications: Int, threads: Int) {
        self.scenario = scenario
        self.seed = seed
        self.replications = replications
        self.threads = threads
    }
}
