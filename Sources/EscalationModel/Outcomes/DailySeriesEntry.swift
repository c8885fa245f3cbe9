/// One entry of the daily-series catalogue: a series measured at the end of each day, or a
/// family of them, with its name, unit and meaning and how a `DailySnapshot` fills it.
public struct DailySeriesEntry: Sendable {
    /// The series name; for a family, with the family's placeholder for the member.
    public let name: String
    public let family: DailySeriesFamily
    /// The unit of the values (`share`, `fighters`, `actor id`...).
    public let unit: String
    /// One line: what the series holds; a family's placeholder stands for the member.
    public let meaning: String
    /// Whether the value is an actor's index, written as the actor's id.
    public let isController: Bool
    /// The value of `member` in a snapshot.
    let value: @Sendable (DailySnapshot, DailySeriesFamily.Member) -> Double

    init(
        _ name: String, _ family: DailySeriesFamily = .single, unit: String, _ meaning: String,
        isController: Bool = false,
        value: @escaping @Sendable (DailySnapshot, DailySeriesFamily.Member) -> Double
    ) {
        precondition(
            family == .single || name.contains(family.placeholder),
            "the name of a family names its member with \(family.placeholder)")
        self.name = name
        self.family = family
        self.unit = unit
        self.meaning = meaning
        self.isController = isController
        self.value = value
    }

    /// The series name of `member` (an identifier of the family's list).
    public func name(of member: String) -> String {
        family == .single ? name : name.replacing(family.placeholder, with: member)
    }
}
