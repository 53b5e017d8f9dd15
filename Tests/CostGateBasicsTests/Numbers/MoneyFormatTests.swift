import Foundation
import XCTest
@testable import CostGateBasics

final class MoneyFormatTests: XCTestCase {
    func testCentsGroupingAndSign() {
        XCTAssertEqual(MoneyFormat.usd(0), "$0.00")
        XCTAssertEqual(MoneyFormat.usd(Decimal(string: "0.005")!), "$0.01", "half a cent rounds away from zero")
        XCTAssertEqual(MoneyFormat.usd(Decimal(string: "7.5")!), "$7.50")
        XCTAssertEqual(MoneyFormat.usd(Decimal(string: "999.999")!), "$1,000.00")
        XCTAssertEqual(MoneyFormat.usd(Decimal(string: "1234567.891")!), "$1,234,567.89")
        XCTAssertEqual(MoneyFormat.usd(Decimal(string: "-42.1")!), "-$42.10")
    }

    func testCentsAtTheEdges() {
        XCTAssertEqual(MoneyFormat.text(cents: 0), "$0.00")
        XCTAssertEqual(MoneyFormat.text(cents: -1), "-$0.01")
        XCTAssertEqual(MoneyFormat.text(cents: 99), "$0.99")
        XCTAssertEqual(MoneyFormat.text(cents: 100), "$1.00")
        XCTAssertEqual(MoneyFormat.text(cents: 100_000), "$1,000.00")
        XCTAssertEqual(MoneyFormat.text(cents: 99_999), "$999.99")
        XCTAssertEqual(MoneyFormat.text(cents: Int64.max), "$92,233,720,368,547,758.07")
        XCTAssertEqual(MoneyFormat.text(cents: Int64.min), "-$92,233,720,368,547,758.08")
    }

    func testJSONMoneyIsRoundedToCents() {
        XCTAssertEqual(JSONValue.money(Decimal(string: "12.345")!).rendered(), "12.35\n")
        XCTAssertEqual(JSONValue.object(["b": .int(1), "a": .string("x\"y")]).rendered(), "{\n  \"a\": \"x\\\"y\",\n  \"b\": 1\n}\n",
                       "keys sorted, strings escaped")
    }

    func testCentsFromTheMantissaMatchFoundation() {
        var values: [Decimal] = [Decimal(string: "-0.001")!, Decimal(string: "0.004999")!, Decimal(string: "92233720368547758.07")!,
                                 Decimal(string: "1e30")!, Decimal(100) / 3, Decimal(-2) / 3, Decimal(string: "929.085")!]
        var state: UInt64 = 5
        for _ in 0..<2000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let mantissa = state >> 20
            values.append(Decimal(sign: state % 7 == 0 ? .minus : .plus, exponent: -Int(state % 9), significand: Decimal(mantissa)) / 7)
        }
        for value in values {
            let cents = NSDecimalNumber(decimal: (value * 100).rounded(0)).int64Value
            let magnitude = cents.magnitude
            let whole = String(magnitude / 100)
            var grouped = ""
            for (index, character) in whole.enumerated() {
                if index > 0 && (whole.count - index) % 3 == 0 { grouped.append(",") }
                grouped.append(character)
            }
            let fraction = magnitude % 100
            let expected = (cents < 0 ? "-$" : "$") + grouped + (fraction < 10 ? ".0" : ".") + String(fraction)
            XCTAssertEqual(MoneyFormat.usd(value), expected, "\(value)")
        }
    }
}
