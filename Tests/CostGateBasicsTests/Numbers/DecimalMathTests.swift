import Foundation
import XCTest
import CostGateTestSupport
@testable import CostGateBasics

/// `DecimalMath` must return Foundation's Decimal bit for bit (the same value in the same stored
/// form), so every figure and text derived from it is unchanged.
final class DecimalMathTests: XCTestCase {
    /// Prices, quantities, durations and products of them: short and 38-digit mantissas, both signs.
    private func samples() -> [Decimal] {
        var values: [Decimal] = [1, 2, 10, 730, 3600, Decimal(string: "0.5")!, Decimal(string: "0.031611")!,
                                 Decimal(string: "0.004237")!, Decimal(string: "0.000000000931322574615478515625")!,
                                 Decimal(string: "-1.25")!, Decimal(100) / 3, Decimal(string: "99999999999999999999999999999999999999")!,
                                 Decimal(string: "340282366920938463463374607431768211455")!, Decimal(string: "1e100")!]
        var generator = SplitMix64(state: 11)
        for _ in 0..<400 {
            let digits = Int(generator.next() % 19) + 1
            var mantissa: UInt64 = 0
            for _ in 0..<digits { mantissa = mantissa * 10 + generator.next() % 10 }
            let exponent = Int(generator.next() % 30) - 20
            values.append(Decimal(sign: generator.next() % 4 == 0 ? .minus : .plus, exponent: exponent, significand: Decimal(mantissa)))
            // Spot costs come from the model's Doubles.
            values.append(Decimal(Double(mantissa) / Double(1 << 20)))
        }
        return values
    }

    func testLayoutIsRecognised() {
        XCTAssertTrue(DecimalParts.isUsable, "the fast paths are off: Foundation's Decimal layout changed")
    }

    func testProductSumAndQuotientMatchFoundation() {
        let values = samples()
        for (index, a) in values.enumerated() {
            for b in values[index...] {
                XCTAssertEqual(storedBytes(DecimalMath.product(a, b)), storedBytes(a * b), "\(a) * \(b)")
                XCTAssertEqual(storedBytes(DecimalMath.sum(a, b)), storedBytes(a + b), "\(a) + \(b)")
                XCTAssertEqual(storedBytes(DecimalMath.sum(a, -b)), storedBytes(a - b), "\(a) - \(b)")
                if b != 0 { XCTAssertEqual(storedBytes(DecimalMath.quotient(a, b)), storedBytes(a / b), "\(a) / \(b)") }
            }
        }
    }

    func testComparisonsMatchFoundation() {
        let values = samples() + [0, Decimal(sign: .plus, exponent: -1, significand: 0), Decimal.nan, Decimal(string: "12.50")!,
                                  Decimal(string: "12.5")!, Decimal(string: "-0.001")!]
        for a in values {
            XCTAssertEqual(DecimalMath.isPositive(a), a > 0, "\(a) > 0")
            for b in values {
                XCTAssertEqual(DecimalMath.isLess(a, b), a < b, "\(a) < \(b)")
            }
        }
    }

    func testQuotientWhereFoundationAlignsExponentsFirst() {
        let a = Decimal(string: "-1870596773768203893000000000")!, b = Decimal(string: "0.000244140625")!
        XCTAssertEqual(storedBytes(DecimalMath.quotient(a, b)), storedBytes(a / b), "Foundation drops digits here; so must the fast path")
    }

    func testDurationsInHours() {
        for seconds in [1, 60, 90, 3600, 5400, 9000, 86_400, 129_600, 7] {
            XCTAssertEqual(storedBytes(DecimalMath.hours(seconds: Decimal(seconds))), storedBytes(Decimal(seconds) / 3600))
            XCTAssertEqual(storedBytes(DecimalMath.hours(minutes: Decimal(seconds))), storedBytes(Decimal(seconds) / 60))
        }
    }
}
