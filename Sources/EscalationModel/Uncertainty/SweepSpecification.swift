/// The scenario's `sweep:` section: parameter ranges to explore, as a full grid or a Latin
/// hypercube. Each point is run like a variant, with the swept values in its rows. Plain data,
/// here so that Experiments can lay out a design without the YAML layer.
public struct SweepSpecification: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable, CaseIterable {
        case grid
        case latinHypercube = "latin_hypercube"
    }

    public struct Parameter: Sendable, Hashable {
        /// Dotted path, as in variants.
        public var path: String
        /// Explicit values (grid only), or nil for a range.
        public var values: [Double]?
        public var low: Double
        public var high: Double
        /// Grid points across [low, high], both ends included.
        public var steps: Int

        public init(path: String, values: [Double]?, low: Double, high: Double, steps: Int) {
            self.path = path
            self.values = values
            self.low = low
            self.high = high
            self.steps = steps
        }
    }

    /// The most points a sweep may have: a grid's product of steps, or a Latin hypercube's points
    /// (Experiments' `SweepDesign.maximumPoints`, checked here so that `validate` says so too).
    public static let maximumPoints = 10_000

    public var method: Method
    /// Points of a Latin hypercube.
    public var points: Int
    public var parameters: [Parameter]

    public init(method: Method, points: Int, parameters: [Parameter]) {
        self.method = method
        self.points = points
        self.parameters = parameters
    }
}
