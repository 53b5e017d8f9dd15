import Foundation
import XCTest
@testable import CostGateCore

final class MoneyFormatTests: XCTestCase {
    func testCentsGroupingAndSign() {
        XCTAssertEqual(MoneyFormat.usd(0), "$0.00")
        XCTAssertEqual(MoneyFormat.usd(Decimal(string: "0.005")!), "$0.01", "half a cent rounds away from zero")
        XCTAssertEqual(MoneyFormat.usd(Decimal(string: "7.5")!), "$7.50")
        XCTAssertEqual(MoneyFormat.usd(Decimal(string: "999.999")!), "$1,000.00")
        XCTAssertEqual(MoneyFormat.usd(Decimal(string: "1234567.891")!), "$1,234,567.89")
        XCTAssertEqual(MoneyFormat.usd(Decimal(string: "-42.1")!), "-$42.10")
    }

    func testJSONMoneyIsRoundedToCents() {
        XCTAssertEqual(JSONValue.money(Decimal(string: "12.345")!).rendered(), "12.35\n")
        XCTAssertEqual(JSONValue.object(["b": .int(1), "a": .string("x\"y")]).rendered(), "{\n  \"a\": \"x\\\"y\",\n  \"b\": 1\n}\n",
                       "keys sorted, strings escaped")
    }
}
