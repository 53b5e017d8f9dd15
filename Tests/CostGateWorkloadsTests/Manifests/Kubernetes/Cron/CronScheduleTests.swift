import Foundation
import XCTest
@testable import CostGateWorkloads

/// Expected counts were checked against robfig/cron v3.0.1 itself (a Go program iterating `ParseStandard("TZ=<zone> …")
/// .Next` over the month, as the CronJob controller does).
final class CronScheduleTests: XCTestCase {
    private let utc = TimeZone(identifier: "UTC")!
    private let newYork = TimeZone(identifier: "America/New_York")!

    private func runs(_ schedule: String, _ year: Int, _ month: Int, _ zone: TimeZone? = nil,
                      file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        try CronSchedule(parsing: schedule).runs(inYear: year, month: month, timeZone: zone ?? utc)
    }

    private func parseError(_ schedule: String, file: StaticString = #filePath, line: UInt = #line) -> CronError? {
        do {
            _ = try CronSchedule(parsing: schedule)
            XCTFail("'\(schedule)' parsed", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Counts

    func testEveryFifteenMinutesInThirtyDayMonth() throws {
        XCTAssertEqual(try runs("*/15 * * * *", 2027, 4), 2_880)
        XCTAssertEqual(try runs("*/15 * * * *", 2027, 6), 2_880)
    }

    func testDailyInFebruaryCommonAndLeapYear() throws {
        XCTAssertEqual(try runs("0 3 * * *", 2027, 2), 28)
        XCTAssertEqual(try runs("0 3 * * *", 2028, 2), 29)
    }

    func testWeekdays() throws {
        // March 2027: 23 weekdays (starts on a Monday, 31 days); June 2027: 22.
        XCTAssertEqual(try runs("0 9 * * 1-5", 2027, 3), 23)
        XCTAssertEqual(try runs("0 9 * * mon-fri", 2027, 6), 22)
        XCTAssertEqual(try runs("0 9,17 * * MON-FRI", 2027, 6), 44)
    }

    func testDayOfMonthOrDayOfWeekWhenBothRestricted() throws {
        // January 2027 starts on a Friday: the 1st, the 15th and Fridays 1, 8, 15, 22, 29 = 5 distinct days.
        XCTAssertEqual(try runs("0 0 1,15 * 5", 2027, 1), 5)
        // February 2027: 1st, 15th + Fridays 5, 12, 19, 26 = 6.
        XCTAssertEqual(try runs("0 0 1,15 * fri", 2027, 2), 6)
        // A star on either side means both must match: only the 1st and the 15th.
        XCTAssertEqual(try runs("0 0 1,15 * *", 2027, 1), 2)
        // `*/1` keeps robfig's star bit, `*/2` drops it: then the either-rule applies.
        XCTAssertEqual(try runs("0 0 13 * */1", 2027, 8), 1)
        // August 2027: the 13th, or a day-of-week in {0, 2, 4, 6} (Sun, Tue, Thu, Sat) = 18 days + the 13th (a Friday).
        XCTAssertEqual(try runs("0 0 13 * */2", 2027, 8), 19)
        // `?` is a star too.
        XCTAssertEqual(try runs("0 0 13 * ?", 2027, 8), 1)
    }

    func testMacros() throws {
        XCTAssertEqual(try runs("@hourly", 2027, 4), 720)
        XCTAssertEqual(try runs("@daily", 2027, 4), 30)
        XCTAssertEqual(try runs("@midnight", 2027, 2), 28)
        XCTAssertEqual(try runs("@weekly", 2027, 8), 5)  // Sundays 1, 8, 15, 22, 29
        XCTAssertEqual(try runs("@weekly", 2027, 9), 4)
        XCTAssertEqual(try runs("@monthly", 2027, 9), 1)
        XCTAssertEqual(try runs("@yearly", 2027, 1), 1)
        XCTAssertEqual(try runs("@annually", 2027, 2), 0)
        XCTAssertEqual(try CronSchedule(parsing: "@daily"), try CronSchedule(parsing: "0 0 * * *"))
        XCTAssertEqual(try CronSchedule(parsing: "@weekly"), try CronSchedule(parsing: "0 0 * * 0"))
    }

    func testNames() throws {
        XCTAssertEqual(try CronSchedule(parsing: "0 0 * JAN-mar sun"), try CronSchedule(parsing: "0 0 * 1-3 0"))
        XCTAssertEqual(try runs("0 12 * feb *", 2027, 2), 28)
        XCTAssertEqual(try runs("0 12 * feb *", 2027, 3), 0)
        XCTAssertEqual(try runs("0 12 * * Sat,SUN", 2027, 5), 10)  // May 2027: 5 Saturdays + 5 Sundays
    }

    func testSteps() throws {
        XCTAssertEqual(try CronSchedule(parsing: "*/20 * * * *"), try CronSchedule(parsing: "0,20,40 * * * *"))
        XCTAssertEqual(try CronSchedule(parsing: "10-30/10 * * * *"), try CronSchedule(parsing: "10,20,30 * * * *"))
        // robfig: `a/n` runs from a to the field's maximum.
        XCTAssertEqual(try CronSchedule(parsing: "45/5 * * * *"), try CronSchedule(parsing: "45,50,55 * * * *"))
        // A step past the range keeps only its start: `*/61` is minute 0.
        XCTAssertEqual(try CronSchedule(parsing: "*/61 * * * *"), try CronSchedule(parsing: "0 * * * *"))
        XCTAssertEqual(try runs("0 */6 * * *", 2027, 4), 120)
        XCTAssertEqual(try runs("0 0 */10 * *", 2027, 1), 4)  // 1, 11, 21, 31
    }

    func testRobfigOdditiesAcceptedByKubernetes() throws {
        XCTAssertEqual(try CronSchedule(parsing: "1,,2 * * * *"), try CronSchedule(parsing: "1,2 * * * *"))
        XCTAssertEqual(try CronSchedule(parsing: "+5 * * * *"), try CronSchedule(parsing: "05 * * * *"))
        XCTAssertEqual(try CronSchedule(parsing: "*-5 * * * *"), try CronSchedule(parsing: "* * * * *"))
        XCTAssertEqual(try runs(", * * * *", 2027, 1), 0)  // a field of only commas matches nothing
        XCTAssertEqual(try runs("0 0 31 2 *", 2027, 2), 0)
    }

    func testEveryMinuteIsFastAndExact() throws {
        let schedule = try CronSchedule(parsing: "* * * * *")
        XCTAssertEqual(schedule.runs(inYear: 2027, month: 1, timeZone: utc), 44_640)
        XCTAssertEqual(schedule.runs(inYear: 2027, month: 3, timeZone: newYork), 44_580)  // 60 minutes skipped
        XCTAssertEqual(schedule.runs(inYear: 2027, month: 11, timeZone: newYork), 43_260)  // 60 minutes repeated
        let start = Date()
        for month in 1...12 { _ = schedule.runs(inYear: 2027, month: month, timeZone: newYork) }
        XCTAssertLessThan(Date().timeIntervalSince(start), 1.0, "12 months of '* * * * *' should take milliseconds")
    }

    // MARK: - Daylight saving time (robfig: a skipped wall time does not run, a repeated one runs twice)

    func testSpringForwardSkipsTheGap() throws {
        // 2027-03-14 02:00 EST → 03:00 EDT: 02:30 does not exist that day.
        XCTAssertEqual(try runs("30 2 * * *", 2027, 3, newYork), 30)
        XCTAssertEqual(try runs("0 * * * *", 2027, 3, newYork), 743)
        XCTAssertEqual(try runs("30 3 * * *", 2027, 3, newYork), 31)
        XCTAssertEqual(try runs("30 2 * * *", 2027, 3, utc), 31)
    }

    func testFallBackRepeatsTheHour() throws {
        // 2027-11-07 02:00 EDT → 01:00 EST: 01:00–01:59 happen twice, 02:30 once.
        XCTAssertEqual(try runs("30 2 * * *", 2027, 11, newYork), 30)
        XCTAssertEqual(try runs("0 * * * *", 2027, 11, newYork), 721)
        XCTAssertEqual(try runs("30 1 * * *", 2027, 11, newYork), 31)
        XCTAssertEqual(try runs("@daily", 2027, 11, newYork), 30)
    }

    func testZonesWithOtherTransitions() throws {
        let london = TimeZone(identifier: "Europe/London")!  // 2027-03-28 01:00 GMT → 02:00 BST
        XCTAssertEqual(try runs("30 1 * * *", 2027, 3, london), 30)
        let lordHowe = TimeZone(identifier: "Australia/Lord_Howe")!  // 30-minute shift, 2027-10-03 02:00 → 02:30
        XCTAssertEqual(try runs("*/15 * * * *", 2027, 10, lordHowe), 2_974)
        let kolkata = TimeZone(identifier: "Asia/Kolkata")!  // no DST, +05:30
        XCTAssertEqual(try runs("0 * * * *", 2027, 3, kolkata), 744)
    }

    func testRobfigLoopingForeverEndsTheCount() throws {
        // Samoa skipped 2011-12-30. robfig's day loop (`AddDate(0, 0, 1)` from the 29th lands on the 29th again) never
        // returns for a schedule that needs another day, so the controller starts nothing after the last run before it.
        let apia = TimeZone(identifier: "Pacific/Apia")!
        XCTAssertEqual(try runs("0 0 1,15 * 5", 2011, 12, apia), 6)  // 1, 2, 9, 15, 16, 23 and then no more
        XCTAssertEqual(try runs("0 0 * * *", 2011, 12, apia), 30)
    }

    func testEveryIsCountedAtItsMostRunsPerMonth() throws {
        let hourly = try CronSchedule(parsing: "@every 1h")
        XCTAssertEqual(hourly.everySeconds, 3_600)
        XCTAssertEqual(hourly.runs(inYear: 2027, month: 4, timeZone: utc), 720)
        XCTAssertEqual(hourly.runs(inYear: 2027, month: 3, timeZone: newYork), 743)  // 743 elapsed hours
        XCTAssertEqual(try runs("@every 7h", 2027, 4), 103)  // 720 h / 7 = 102.9 → at most 103
        XCTAssertEqual(try CronSchedule(parsing: "@every 1h30m").everySeconds, 5_400)
        XCTAssertEqual(try CronSchedule(parsing: "@every 1.5s").everySeconds, 1)
        XCTAssertEqual(try CronSchedule(parsing: "@every 500ms").everySeconds, 1)  // robfig rounds up to 1 s
    }

    func testMonthOutsideOneToTwelveRollsOver() throws {
        XCTAssertEqual(try runs("0 3 * * *", 2027, 14), 29)  // February 2028
    }

    // MARK: - Invalid schedules

    func testOutOfRange() {
        let minute = parseError("61 * * * *")
        XCTAssertEqual(minute, .valueOutOfRange(field: .minute, value: 61, text: "61", offset: 0))
        XCTAssertEqual(minute?.message, "minute '61' is above the maximum 59: allowed 0-59")
        XCTAssertEqual(parseError("0 0 0 * *"), .valueOutOfRange(field: .dayOfMonth, value: 0, text: "0", offset: 4))
        XCTAssertEqual(parseError("0 9-24 * * *"), .valueOutOfRange(field: .hour, value: 24, text: "24", offset: 4))
        XCTAssertEqual(parseError("0 0 * 13 *"), .valueOutOfRange(field: .month, value: 13, text: "13", offset: 6))
    }

    func testDayOfWeekSevenIsRejectedAsRobfigDoes() {
        let error = parseError("0 0 * * 7")
        XCTAssertEqual(error, .valueOutOfRange(field: .dayOfWeek, value: 7, text: "7", offset: 8))
        XCTAssertEqual(error?.message, "day-of-week '7' is above the maximum 6 (sunday is 0 or 'sun'): allowed 0-6")
        XCTAssertEqual(parseError("0 0 * * 1-7"), .valueOutOfRange(field: .dayOfWeek, value: 7, text: "7", offset: 10))
    }

    func testBadSteps() {
        XCTAssertEqual(parseError("*/0 * * * *"), .invalidStep(field: .minute, text: "0", offset: 2))
        XCTAssertEqual(parseError("0 */x * * *"), .invalidStep(field: .hour, text: "x", offset: 4))
        XCTAssertEqual(parseError("0 1/-2 * * *"), .invalidStep(field: .hour, text: "-2", offset: 4))
        XCTAssertEqual(parseError("*/ * * * *"), .invalidStep(field: .minute, text: "", offset: 2))
        XCTAssertEqual(parseError("*/2/3 * * * *"), .malformedRange(field: .minute, text: "*/2/3", offset: 0))
        XCTAssertEqual(parseError("1-2-3 * * * *"), .malformedRange(field: .minute, text: "1-2-3", offset: 0))
        XCTAssertEqual(parseError("0/0 * * * *")?.message, "minute step '0' must be a positive whole number")
    }

    func testReversedRangeAndBadValues() {
        let reversed = parseError("0 22-2 * * *")
        XCTAssertEqual(reversed, .reversedRange(field: .hour, text: "22-2", offset: 2))
        XCTAssertEqual(reversed?.message,
                       "hour range '22-2' starts after it ends: ranges do not wrap around, use a list such as '22-23,0-2'")
        XCTAssertEqual(parseError("0 0 * january *"), .invalidValue(field: .month, text: "january", offset: 6))
        XCTAssertEqual(parseError("0 0 * january *")?.message,
                       "month 'january' is not a number or a name (jan-dec): did you mean 'jan'?")
        XCTAssertEqual(parseError("mon * * * *")?.message, "minute 'mon' is not a number")
        XCTAssertEqual(parseError("0 0 * * mon-"), .invalidValue(field: .dayOfWeek, text: "", offset: 12))
        XCTAssertEqual(parseError("0 0 * * 1_5"), .invalidValue(field: .dayOfWeek, text: "1_5", offset: 8))
    }

    func testFieldCount() {
        let six = parseError("0 0 3 * * *")
        XCTAssertEqual(six, .wrongFieldCount(found: 6, text: "0 0 3 * * *", offset: 0))
        XCTAssertEqual(six?.message, "'0 0 3 * * *' has 6 fields: kubernetes schedules have 5 fields (no seconds)")
        XCTAssertEqual(parseError("  0 3 * *"), .wrongFieldCount(found: 4, text: "0 3 * *", offset: 2))
        XCTAssertEqual(parseError(" @daily")?.message,
                       "'@daily' is a macro only at the very start of the schedule: remove the leading whitespace")
    }

    func testEmpty() {
        XCTAssertEqual(parseError(""), .empty(text: "", offset: 0))
        XCTAssertEqual(parseError("   "), .empty(text: "   ", offset: 0))
    }

    func testTimeZoneInScheduleIsRejected() {
        let error = parseError("CRON_TZ=Europe/Berlin 0 3 * * *")
        XCTAssertEqual(error, .timeZoneInSchedule(text: "CRON_TZ=Europe/Berlin", offset: 0))
        XCTAssertEqual(error?.message, "'CRON_TZ=Europe/Berlin' is not allowed in a kubernetes schedule: "
                                     + "remove it and set spec.timeZone: Europe/Berlin")
        XCTAssertEqual(parseError("TZ=UTC @daily"), .timeZoneInSchedule(text: "TZ=UTC", offset: 0))
        XCTAssertEqual(parseError("TZ=UTC"), .timeZoneInSchedule(text: "TZ=UTC", offset: 0))
    }

    func testMacroErrors() {
        XCTAssertEqual(parseError("@Daily"), .unknownMacro(text: "@Daily", offset: 0))
        XCTAssertEqual(parseError("@Daily")?.message, "unknown macro '@Daily': did you mean '@daily'?")
        XCTAssertEqual(parseError("@daily ")?.message, "unknown macro '@daily ': did you mean '@daily'?")
        XCTAssertNotNil(parseError("@minutely"))
        XCTAssertEqual(parseError("@every 1d"), .invalidDuration(text: "1d", offset: 7))
        XCTAssertEqual(parseError("@every"), .unknownMacro(text: "@every", offset: 0))
        XCTAssertEqual(parseError("@every  1h"), .invalidDuration(text: " 1h", offset: 7))
    }

    func testOffsetsCountUnicodeScalars() {
        XCTAssertEqual(parseError("0 0 * * lün"), .invalidValue(field: .dayOfWeek, text: "lün", offset: 8))
        XCTAssertEqual(parseError("0\u{3000}0 * * 9"), .valueOutOfRange(field: .dayOfWeek, value: 9, text: "9", offset: 8))
    }

    // MARK: - Time zones

    func testTimeZoneNames() throws {
        XCTAssertEqual(try CronSchedule.timeZone(named: "America/New_York").identifier, "America/New_York")
        XCTAssertEqual(try CronSchedule.timeZone(named: "UTC").secondsFromGMT(), 0)
        XCTAssertEqual(try CronSchedule.timeZone(named: "Etc/GMT+5").secondsFromGMT(), -18_000)
        for bad in ["Mars/Olympus_Mons", "", "Local", "local", "GMT+5", "America/New York", "../etc/passwd", "america/new_york"] {
            XCTAssertThrowsError(try CronSchedule.timeZone(named: bad), bad) { error in
                XCTAssertEqual(error as? CronError, .unknownTimeZone(text: bad, offset: 0))
            }
        }
        XCTAssertEqual(CronError.unknownTimeZone(text: "Mars/Olympus_Mons", offset: 0).message,
                       "unknown time zone 'Mars/Olympus_Mons': use an IANA name such as 'Europe/Berlin' or 'America/New_York'")
    }
}
