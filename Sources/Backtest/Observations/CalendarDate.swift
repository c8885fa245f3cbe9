/// A date of the proleptic Gregorian calendar, as observation files write it (`2024-11-30`), and
/// the whole days between two of them: enough to turn "the source says 30 November" into the
/// model's clock without a time zone ever entering.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil unless `text` is `YYYY-MM-DD` naming a real date.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public var description: String {
        let month = month < 10 ? "0\(month)" : "\(month)"
        let day = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(month)-\(day)"
    }

    /// Days from `start` to this date (negative before it).
    public func days(since start: CalendarDate) -> Int {
        serial - start.serial
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        lhs.serial < rhs.serial
    }

    /// A day count that grows by one per day: whole 400-year cycles of 146,097 days, then the
    /// days of the years and months before (March-based years put the leap day last, so the
    /// month lengths before it never depend on the year; Richards, "Mapping Time", 1998).
    private var serial: Int {
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
