import XCTest
@testable import CostGatePolicy
@testable import CostGateBasics

final class PolicyExceptionTests: XCTestCase {
    func testAnExceptionAppliesThroughItsLastDay() {
        let exception = PolicyException(target: .team("a"), monthly: 1, expires: CalendarDay("2026-11-30")!, reason: "r",
                                        location: .wholeFile("p"))
        XCTAssertFalse(exception.isExpired(on: CalendarDay("2026-11-30")!))
        XCTAssertTrue(exception.isExpired(on: CalendarDay("2026-12-01")!))
    }
}
