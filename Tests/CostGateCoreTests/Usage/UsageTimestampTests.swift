import Foundation
import XCTest
@testable import CostGateCore
@testable import CostGateUsage

final class UsageTimestampTests: XCTestCase {
    func testZonesAndFractions() {
        let base = UsageTimestamp.parse("2026-11-01T00:00:00Z", zone: .required)
        XCTAssertNotNil(base)
        XCTAssertEqual(UsageTimestamp.parse("2026-11-01T00:00:00", zone: .optionalUTC), base)
        XCTAssertEqual(UsageTimestamp.parse("2026-11-01T01:00:00+01:00", zone: .required), base)
        XCTAssertEqual(UsageTimestamp.parse("2026-10-31T19:00:00-05:00", zone: .required), base)
        XCTAssertEqual(UsageTimestamp.parse("2026-11-01T00:00:00.500Z", zone: .required), base?.addingTimeInterval(0.5))
        XCTAssertNil(UsageTimestamp.parse("2026-11-01T00:00:00", zone: .required))
        XCTAssertNil(UsageTimestamp.parse("2026-11-01", zone: .optionalUTC))
        XCTAssertNil(UsageTimestamp.parse("2026-02-30T00:00:00Z", zone: .required))
        XCTAssertNil(UsageTimestamp.parse("2026-11-01T24:00:00Z", zone: .required))
        XCTAssertNil(UsageTimestamp.parse("2026-11-01T00:00:00Zjunk", zone: .required))
        XCTAssertNil(UsageTimestamp.parse("Unknown", zone: .optionalUTC))
    }

    func testExactNumbers() {
        XCTAssertEqual(UsageNumber.decimal("0.1"), Decimal(sign: .plus, exponent: -1, significand: 1))
        XCTAssertEqual(UsageNumber.decimal("-12.50"), Decimal(sign: .minus, exponent: -1, significand: 125))
        XCTAssertEqual(UsageNumber.decimal("4.5E+2"), 450)
        XCTAssertEqual(UsageNumber.decimal("+3"), 3)
        XCTAssertEqual(UsageNumber.decimal("1e-05"), Decimal(sign: .plus, exponent: -5, significand: 1))
        // 0.1 + 0.2 is 0.3 exactly: never through Double.
        XCTAssertEqual(UsageNumber.decimal("0.1")! + UsageNumber.decimal("0.2")!, UsageNumber.decimal("0.3"))
        for bad in ["", "-", ".", "1.2x", "12,50", "$5", "1e", "1 000", "NaN"] {
            XCTAssertNil(UsageNumber.decimal(bad), bad)
        }
    }
}
