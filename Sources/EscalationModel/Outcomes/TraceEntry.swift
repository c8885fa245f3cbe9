/// One thing that happened in a replication, for `escsim trace`: a sentence for people and
/// fields for `events.csv`.
public struct TraceEntry: Sendable, Hashable {
    public var day: Double
    /// Short event name, e.g. "capture", "airstrike", "reinforce".
    public var event: String
    /// Identifiers of the actors involved, acting one first.
    public var actors: [String]
    /// Identifier of the region, if any.
    public var region: String?
    /// What happened, in a plain sentence.
    public var sentence: String
}
