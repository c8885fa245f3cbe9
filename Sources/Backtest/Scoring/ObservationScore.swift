/// How the model's runs did against one observation: where the observation falls in their
/// distribution and how far off they were. Scores that do not apply to its kind are NaN.
public struct ObservationScore: Sendable, Hashable {
    public var observation: Observation
    /// Runs that gave a value (runs that failed or lack the number are left out).
    public var runs: Int
    /// The model's median and central 90% interval of what the source would have reported (for
    /// an event, the day; for a fact, NaN).
    public var median: Double
    public var low90: Double
    public var high90: Double
    /// The probability integral transform: the share of runs below the observation (randomised
    /// among ties and, for a window or range, at a uniform point of it). Near 0 or 1, the model
    /// missed. NaN for a fact.
    public var pit: Double
    /// The continuous ranked probability score, in the observation's units (days for an event).
    /// NaN for a fact.
    public var crps: Double
    /// For a fact: the share of runs in which it happened, and the Brier score `(p - o)^2`.
    public var probability: Double
    public var brier: Double
    /// Whether the 90% interval meets the observed value or range (for a fact, whether the
    /// model gave what happened the larger share).
    public var covered: Bool

    public init(
        observation: Observation, runs: Int, median: Double, low90: Double, high90: Double, pit: Double,
        crps: Double, probability: Double, brier: Double, covered: Bool
    ) {
        self.observation = observation
        self.runs = runs
        self.median = median
        self.low90 = low90
        self.high90 = high90
        self.pit = pit
        self.crps = crps
        self.probability = probability
        self.brier = brier
        self.covered = covered
    }

    /// What was observed, as a number or range in the model's units (for an event, model days).
    public var observed: ObservedValue {
        switch observation.fact {
        case .event(_, let window): window
        case .quantity(_, let value, _): value
        case .binary(_, let happened): .point(happened ? 1 : 0)
        }
    }
}
