import Foundation

/// What a design batch is, kept in its plan and written to `manifest.json` as `"design"`: how
/// its points were made, over which parameters and ranges, and the policies (the baseline and
/// named variants) run at every point. `escsim sensitivity` reads it back to know how the rows of
/// `experiments.csv` fit together (Saltelli's blocks, Morris's trajectories).
///
/// A batch's experiments are its points crossed with its policies, point-major: experiment `e`
/// is point `e / policies.count` under policy `e % policies.count` (EMA Workbench's "every
/// policy against every scenario", with common random numbers across the policies of a point).
public struct DesignDescription: Codable, Sendable, Hashable {
    /// One swept parameter: its dotted path and, when the design drew it from a range, the range.
    public struct Parameter: Codable, Sendable, Hashable {
        public var path: String
        public var low: Double?
        public var high: Double?

        public init(path: String, low: Double? = nil, high: Double? = nil) {
            self.path = path
            self.low = low
            self.high = high
        }
    }

    /// The policy that applies no variant (the scenario's own name for its baseline).
    public static let baselinePolicy = "baseline"

    /// `grid`, `latin_hypercube` (the scenario's `sweep:` section), `file` (a CSV of points),
    /// `sobol` or `morris` (`--design sobol:N`, `--design morris:R[:L]`).
    public var method: String
    public var points: Int
    /// "baseline" first, then the named variants run at every point.
    public var policies: [String]
    public var parameters: [Parameter]
    /// Saltelli's base samples N (sobol).
    public var baseSamples: Int?
    /// Morris's trajectories R and grid levels L (morris).
    public var trajectories: Int?
    public var levels: Int?
    /// The CSV the points were read from (file), as given.
    public var file: String?

    private enum CodingKeys: String, CodingKey {
        case method, points, policies, parameters, file, trajectories, levels
        case baseSamples = "base_samples"
    }

    public init(
        method: String, points: Int, policies: [String], parameters: [Parameter], baseSamples: Int? = nil,
        trajectories: Int? = nil, levels: Int? = nil, file: String? = nil
    ) {
        self.method = method
        self.points = points
        self.policies = policies
        self.parameters = parameters
        self.baseSamples = baseSamples
        self.trajectories = trajectories
        self.levels = levels
        self.file = file
    }

    /// The number of experiments: every point under every policy.
    public var experiments: Int { points * policies.count }

    /// The point (0-based) of experiment `experiment`.
    public func point(ofExperiment experiment: Int) -> Int { experiment / policies.count }

    /// The policy of experiment `experiment`.
    public func policy(ofExperiment experiment: Int) -> String { policies[experiment % policies.count] }

    /// The batch's name of an experiment: `point_0001` without policies, `point_0001/<policy>` with.
    public func experimentName(point: Int, policy: String) -> String {
        let name = String(format: "point_%04d", point + 1)
        return policies.count > 1 ? name + "/" + policy : name
    }

    /// Every experiment's name, in batch order.
    public var experimentNames: [String] {
        (0..<experiments).map { experimentName(point: point(ofExperiment: $0), policy: policy(ofExperiment: $0)) }
    }
}
