import XCTest
@testable import CostGateBasics
@testable import CostGateBasics

final class GlobTests: XCTestCase {
    func testWildcards() {
        XCTAssertTrue(Glob("vision-*").matches("vision-train"))
        XCTAssertTrue(Glob("vision-*").matches("vision-"))
        XCTAssertFalse(Glob("vision-*").matches("vision"))
        XCTAssertTrue(Glob("*").matches(""))
        XCTAssertTrue(Glob("a?c").matches("abc"))
        XCTAssertFalse(Glob("a?c").matches("ac"))
        XCTAssertTrue(Glob("Job/*/train-*").matches("Job/ml/train-7"))
        XCTAssertTrue(Glob("*a*b*").matches("xxaxxbxx"))
        XCTAssertFalse(Glob("*a*b").matches("xxaxxbxx"))
        XCTAssertTrue(Glob("exact").matches("exact"))
        XCTAssertFalse(Glob("exact").matches("exactly"))
    }

    func testPathologicalPatternsStayFast() {
        let subject = String(repeating: "a", count: 2_000)
        XCTAssertFalse(Glob(String(repeating: "*a", count: 50) + "b").matches(subject))
    }
}

final class CalendarDayTests: XCTestCase {
    func testParsingAndOrder() {
        XCTAssertEqual(CalendarDay("2026-02-28")?.description, "2026-02-28")
        XCTAssertNil(CalendarDay("2026-02-29"))
        XCTAssertNotNil(CalendarDay("2028-02-29"))
        XCTAssertNil(CalendarDay("2026-1-01"))
        XCTAssertNil(CalendarDay("2026-12-32"))
        XCTAssertNil(CalendarDay("next week"))
        XCTAssertLessThan(CalendarDay("2026-11-30")!, CalendarDay("2026-12-01")!)
        XCTAssertEqual(CalendarDay("2026-11-22")!.calendarMonth.description, "2026-11")
    }
}
