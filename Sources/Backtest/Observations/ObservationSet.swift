/// The observations of one file: the scenario they test, the date of its day 0, and the facts.
public struct ObservationSet: Sendable, Hashable {
    /// The file they were read from, as given.
    public var file: String
    /// The `name:` of the scenario they test.
    public var scenario: String
    /// The date of the scenario's day 0: a date d is the model's day `d - start + 1`, the times
    /// `[d - start, d - start + 1)`.
    public var start: CalendarDate
    public var observations: [Observation]

    public init(file: String, scenario: String, start: CalendarDate, observations: [Observation]) {
        self.file = file
        self.scenario = scenario
        self.start = start
        self.observations = observations
    }

    /// The observations of `kind`, in file order.
    public func of(_ kind: Observation.Kind) -> [Observation] {
        observations.filter { $0.kind == kind }
    }
}
