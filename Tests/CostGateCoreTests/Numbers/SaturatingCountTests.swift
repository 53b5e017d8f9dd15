import XCTest
@testable import CostGateCore

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

    func testReplicaRangesSaturateAndStayOrdered() {
        let huge = ReplicaRange(min: 1, nominal: Int.max / 2, max: Int.max)
        XCTAssertEqual(huge * 4, ReplicaRange(min: 4, nominal: .max, max: .max))
        XCTAssertEqual(huge + huge, ReplicaRange(min: 2, nominal: Int.max - 1, max: .max))
        XCTAssertEqual(ReplicaRange(min: 1, nominal: 2, max: 3) * -1, ReplicaRange(exactly: 0), "a negative factor counts as none")
    }
}
