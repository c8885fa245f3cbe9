/// Who reported an observed fact, when, and what they counted: every observation carries one,
/// so a score can always be traced back to the reporting it tests the model against.
public struct ObservationSource: Sendable, Hashable, Codable {
    /// The outlet or body (`SOHR`, `UN OCHA`, `Reuters`).
    public var outlet: String
    /// When the source published, as written (`2024-12-05`).
    public var published: String
    /// What the source counted, in its own terms ("people displaced in Idlib and Aleppo since 27 Nov").
    public var counted: String
    /// Where to read it; optional.
    public var url: String?

    public init(outlet: String, published: String, counted: String, url: String? = nil) {
        self.outlet = outlet
        self.published = published
        self.counted = counted
        self.url = url
    }
}
