/// What the scenario says about one camp: its name, and how it stands towards the others at the
/// start (every pair not listed is hostile).
public struct CampSpec: Sendable, Hashable {
    /// Identifier used by actors' `side` and in output columns ("sdf", "loyalist").
    public var id: String
    /// Human-readable name for traces and reports.
    public var name: String
    /// Camps it does not fight at the start (either may later strike a deal with the other).
    public var neutral: [Int]
    /// Camps it fights beside at the start (their ground is its staging ground, their patrons may
    /// act for it).
    public var allied: [Int]

    public init(id: String, name: String, neutral: [Int] = [], allied: [Int] = []) {
        self.id = id
        self.name = name
        self.neutral = neutral
        self.allied = allied
    }

    /// The camps of a scenario that declares none: the opposition and the loyalists, hostile.
    public static let defaults = [
        CampSpec(id: "opposition", name: "the opposition camp"),
        CampSpec(id: "loyalist", name: "the loyalist camp"),
    ]
}
