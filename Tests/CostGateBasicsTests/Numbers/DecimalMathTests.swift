import Foundation
import XCTest
import CostGateTestSupport
@testable import CostGateBasics

/// `DecimalMath` is exact where the exact result has at most 38 digits (there Foundation's Decimal bit for bit, the
/// same value in the same stored form) and rounds to 38 digits elsewhere, checked against `DecimalOracle`.
final class DecimalMathTests: XCTestCase {
    /// Prices, quantities, durations and products of them: short and 38-digit mantissas, both signs.
    private func samples() -> [Decimal] {
        var values: [Decimal] = [1, 2, 10, 730, 3600, Decimal(string: "0.5")!, Decimal(string: "0.031611")!,
                                 Decimal(string: "0.004237")!, Decimal(string: "0.000000000931322574615478515625")!,
                                 Decimal(string: "-1.25")!, Decimal(100) / 3, Decimal(string: "99999999999999999999999999999999999999")!,
                                 Decimal(string: "340282366920938463463374607431768211455")!, Decimal(string: "1e100")!]
        var generator = SplitMix64(state: 11)
        // Each pair is checked against the digit-array oracle, which is slow: fewer random values than pairs would allow.
        for _ in 0..<70 {
            let digits = Int(generator.next() % 19) + 1
            var mantissa: UInt64 = 0
            for _ in 0..<digits { mantissa = mantissa * 10 + generator.next() % 10 }
            let exponent = Int(generator.next() % 30) - 20
            values.append(Decimal(sign: generator.next() % 4 == 0 ? .minus : .plus, exponent: exponent, significand: Decimal(mantissa)))
            // Spot costs come from the model's Doubles.
            values.append(Decimal(Double(mantissa) / Double(1 << 20)))
            // Derived prices: 38-digit quotients.
            if mantissa % 7 != 0 { values.append(Decimal(mantissa) / 7) }
        }
        return values
    }

    func testLayoutIsRecognised() {
        XCTAssertTrue(DecimalParts.isUsable, "the fast paths are off: Foundation's Decimal layout changed")
    }

    func testProductSumAndQuotientAreExactOrRoundedTo38Digits() {
        let values = samples()
        for (index, a) in values.enumerated() {
            for b in values[index...] {
                guard let x = DecimalOracle(a), let y = DecimalOracle(b) else {
                    XCTAssertEqual(storedBytes(DecimalMath.product(a, b)), storedBytes(a * b), "\(a) * \(b)")
                    XCTAssertEqual(storedBytes(DecimalMath.sum(a, b)), storedBytes(a + b), "\(a) + \(b)")
                    continue
                }
                check(DecimalMath.product(a, b), exact: x * y, foundation: a * b, "\(a) * \(b)")
                // Foundation's sum is exact when both mantissas, brought to the smaller exponent, stay below 10^38.
                let exponent = min(x.exponent, y.exponent)
                let aligned = max(x.digits.count + x.exponent - exponent, y.digits.count + y.exponent - exponent) <= 38
                check(DecimalMath.sum(a, b), exact: x + y, foundation: a + b, compareWithFoundation: aligned, "\(a) + \(b)")
                var minusY = y
                minusY.negative.toggle()
                check(DecimalMath.sum(a, -b), exact: x + minusY, foundation: a - b, compareWithFoundation: aligned, "\(a) - \(b)")
                let (quotient, inexact) = DecimalOracle.divide(x, y, places: 42)
                // Foundation's quotient is exact only for short ones: it aligns the exponents first when they are
                // 19 or more apart, and its 128-bit long division drops digits of longer quotients.
                let foundationExact = !inexact && x.exponent - y.exponent < 19 && quotient.compacted.digits.count <= 19
                    && x.digits.count <= 19 && y.digits.count <= 19
                check(DecimalMath.quotient(a, b), exact: quotient, exactFits: !inexact, foundation: a / b,
                      compareWithFoundation: foundationExact, "\(a) / \(b)")
            }
        }
    }

    /// `result` must be `exact` rounded to 38 digits, half away from zero, in compact form; and Foundation's value,
    /// bit for bit, when `exact` has at most 38 digits. Near the exponent's limits it may be Foundation's instead.
    private func check(_ result: Decimal, exact: DecimalOracle, exactFits: Bool = true, foundation: Decimal,
                       compareWithFoundation: Bool = true, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        let expected = exact.rounded().compacted
        let compactForm = expected.digits.isEmpty ? nil
            : DecimalParts(mantissa: UInt128(expected.digits.reversed().map(String.init).joined())!, exponent: expected.exponent,
                           negative: expected.negative).compactDecimal
        if compactForm == nil || abs(expected.exponent) > 80 {
            // Zeros and exponents near Decimal's limits are Foundation's.
            XCTAssertTrue(compactForm.map { storedBytes($0) == storedBytes(result) } ?? false || storedBytes(result) == storedBytes(foundation),
                          "\(label): \(result), neither \(expected) nor Foundation's \(foundation)", file: file, line: line)
            return
        }
        XCTAssertEqual(DecimalOracle(result), expected, label, file: file, line: line)
        XCTAssertEqual(storedBytes(result), storedBytes(compactForm!), "\(label): not in compact form", file: file, line: line)
        if exactFits, exact.compacted.digits.count <= 38, compareWithFoundation {
            XCTAssertEqual(storedBytes(result), storedBytes(foundation), "\(label): Foundation's exact result", file: file, line: line)
        }
    }

    /// Rounding at the 38th digit, where Foundation (which keeps up to 2^128) differs.
    func testRoundingAtThe38thDigit() {
        let nines = Decimal(string: "99999999999999999999999999999999999999")!   // 38 nines
        // 3·(10^38 − 1) = 2999…9997, 39 digits: the dropped 7 rounds the other 38 up to 3·10^38.
        XCTAssertEqual(DecimalMath.product(nines, 3).description, "300000000000000000000000000000000000000")
        let third = DecimalMath.quotient(1, 3)
        XCTAssertEqual(third.description, "0.33333333333333333333333333333333333333")
        XCTAssertEqual(DecimalMath.quotient(2, 3).description, "0.66666666666666666666666666666666666667")
        XCTAssertEqual(DecimalMath.sum(nines, Decimal(string: "0.5")!).description, "100000000000000000000000000000000000000")
        XCTAssertEqual(DecimalMath.product(Decimal(string: "-1.5")!, DecimalMath.quotient(1, 3)).description,
                       "-0.5", "half away from zero on a negative product")
    }

    func testDecimalFromDoubleMatchesFoundation() {
        var generator = SplitMix64(state: 5)
        var values: [Double] = [0, -0.0, 1, 0.1, 1e-300, .leastNonzeroMagnitude, 1e300, -2.5, 730, 1.0 / 3, .greatestFiniteMagnitude, .nan, .infinity]
        for _ in 0..<3000 {
            let bits = generator.next()
            values.append(Double(bitPattern: bits))
            values.append(Double(bits % 10_000_000) / 100)
            values.append(Double(bits >> 11) * 0x1p-53 * 10_000)
        }
        for value in values where !value.isInfinite {
            XCTAssertEqual(storedBytes(DecimalMath.decimal(value)), storedBytes(Decimal(value)), "\(value)")
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
        // Foundation drops digits here (it aligns the exponents first); the quotient is a × 2^12 exactly.
        let a = Decimal(string: "-1870596773768203893000000000")!, b = Decimal(string: "0.000244140625")!
        XCTAssertEqual(DecimalMath.quotient(a, b).description, "-7661964385354563145728000000000")
    }

    func testDurationsInHours() {
        for seconds in [1, 60, 90, 3600, 5400, 9000, 86_400, 129_600, 7] {
            for (divisor, hours) in [(3600, DecimalMath.hours(seconds: Decimal(seconds))), (60, DecimalMath.hours(minutes: Decimal(seconds)))] {
                let (exact, inexact) = DecimalOracle.divide(DecimalOracle(Decimal(seconds))!, DecimalOracle(Decimal(divisor))!, places: 42)
                check(hours, exact: exact, exactFits: !inexact, foundation: Decimal(seconds) / Decimal(divisor), "\(seconds) / \(divisor)")
            }
        }
    }
}
