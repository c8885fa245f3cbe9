import Backtest
import Testing

@Suite struct CalendarDateTests {
    @Test func readsOnlyRealDates() {
        #expect(CalendarDate("2024-11-27")?.description == "2024-11-27")
        #expect(CalendarDate("2024-02-29") != nil)  // a leap year
        #expect(CalendarDate("2023-02-29") == nil)
        #expect(CalendarDate("1900-02-29") == nil)  // divisible by 100, not by 400
        #expect(CalendarDate("2000-02-29") != nil)
        #expect(CalendarDate("2024-13-01") == nil)
        #expect(CalendarDate("2024-11-31") == nil)
        #expect(CalendarDate("24-11-27") == nil)
        #expect(CalendarDate("2024-1-27") == nil)
        #expect(CalendarDate("2024/11/27") == nil)
    }

    /// Known spans: the offensive (27 Nov 2024) to the fall of Damascus (8 Dec 2024) is 11 days;
    /// a leap year has 366; 1 Jan 1970 to 1 Jan 2000 is 10,957 days (the Unix day of 2000-01-01).
    @Test func countsTheDaysBetweenDates() throws {
        let start = try #require(CalendarDate("2024-11-27"))
        #expect(try #require(CalendarDate("2024-12-08")).days(since: start) == 11)
        #expect(try #require(CalendarDate("2024-11-26")).days(since: start) == -1)
        let leap = try #require(CalendarDate("2024-01-01"))
        #expect(try #require(CalendarDate("2025-01-01")).days(since: leap) == 366)
        let epoch = try #require(CalendarDate("1970-01-01"))
        #expect(try #require(CalendarDate("2000-01-01")).days(since: epoch) == 10_957)
        #expect(try #require(CalendarDate("2024-03-01")) > (try #require(CalendarDate("2024-02-29"))))
    }
}
