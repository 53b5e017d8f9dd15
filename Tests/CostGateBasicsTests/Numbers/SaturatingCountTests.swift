import XCTest
@testable import CostGateBasics

final class SaturatingCountTests: XCTestCase {
    func testInRangeArithmeticIsExact() {
        XCTAssertEqual(7.saturatingAdding(5), 12)
        XCTAssertEqual(7.saturatingMultiplied(by: -5), -35)
        XCTAssertEqual(Int64(1 << 40).saturatingMultiplied(by: 1 << 20), 1 << 60)
    }

    func testOverflowStopsAtTheBoundOfItsSign() {
        XCTAssertEqual(Int.max.saturatingAdding(1), .max)
        XCTAssertEqual(Int.min.saturatingAdding(-1), .min)
        XCTAssertEqual(Int(Int32.max).saturatingMultiplied(by: Int(Int32.max)).saturatingMultiplied(by: 8), .max)
        XCTAssertEqual(Int.max.saturatingMultiplied(by: -2), .min)
        XCTAssertEqual(Int.min.saturatingMultiplied(by: -1), .max)
    }
}
