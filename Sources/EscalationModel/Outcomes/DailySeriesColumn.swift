/// One series of a scenario's daily table: an entry of `DailySeriesCatalogue` spelled out for
/// one member (a region, an actor, a camp), and how a snapshot fills it.
public struct DailySeriesColumn: Sendable {
    public let name: String
    public let unit: String
    /// The entry's meaning with the member's name in place of the placeholder.
    public let meaning: String
    /// Whether the value is an actor's index (written as the actor's id).
    public let isController: Bool
    private let entry: DailySeriesEntry
    private let member: DailySeriesFamily.Member

    init(entry: DailySeriesEntry, member: DailySeriesFamily.Member) {
        self.name = entry.name(of: member.id)
        self.unit = entry.unit
        self.meaning =
            entry.family == .single
            ? entry.meaning : entry.meaning.replacing(entry.family.placeholder, with: member.name)
        self.isController = entry.isController
        self.entry = entry
        self.member = member
    }

    /// The series' value at the end of `snapshot`'s day.
    public func value(_ snapshot: DailySnapshot) -> Double {
        entry.value(snapshot, member)
    }
}

/// Two columns are the same series when they say the same: the name fixes the entry and the member.
extension DailySeriesColumn: Hashable {
    public static func == (a: DailySeriesColumn, b: DailySeriesColumn) -> Bool {
        a.name == b.name && a.unit == b.unit && a.meaning == b.meaning && a.isController == b.isController
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
    }
}
