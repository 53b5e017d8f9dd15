import Foundation
import XCTest
import CostGateTestSupport
@testable import CostGateBasics

/// `DecimalText` must give Foundation's text byte for byte: reports are golden-tested.
final class DecimalTextTests: XCTestCase {
    /// Values of the kinds reports print: parsed prices, products and quotients of them (38-digit
    /// mantissas), integers, halves at every rounding place, negatives and zero.
    private func samples() -> [Decimal] {
        var values: [Decimal] = [0, 1, -1, 10, 100, 730, Decimal(string: "0.005")!, Decimal(string: "-0.005")!,
                                 Decimal(string: "12.345")!, Decimal(string: "999.9999995")!, Decimal(string: "0.0000001")!,
                                 Decimal(string: "1000.00")!, Decimal(string: "-0.001")!, Decimal(100) / 3, Decimal(-2) / 3,
                                 Decimal(string: "1e20")!, Decimal(string: "123456789012345678901234567890.5")!]
        var generator = SplitMix64(state: 7)
        for _ in 0..<3000 {
            let digits = Int(generator.next() % 19) + 1
            var mantissa: UInt64 = 0
            for _ in 0..<digits { mantissa = mantissa * 10 + generator.next() % 10 }
            let exponent = Int(generator.next() % 24) - 18
            var value = Decimal(sign: generator.next() % 5 == 0 ? .minus : .plus, exponent: exponent, significand: Decimal(mantissa))
            switch generator.next() % 4 {
            case 0: value = value * Decimal(string: "0.000000000931322574615478515625")!
            case 1: value = value / Decimal(Int(generator.next() % 3600) + 1)
            case 2: value = value * Decimal(string: "1.084096")! + Decimal(string: "0.5")!
            default: break
            }
            values.append(value)
        }
        return values
    }

    func testTextMatchesFoundationDescription() {
        for value in samples() {
            var output: [UInt8] = []
            DecimalText.append(value, to: &output)
            XCTAssertEqual(String(decoding: output, as: UTF8.self), value.description)
        }
    }

    func testRoundingMatchesNSDecimalRound() {
        for value in samples() {
            for places in [0, 2, 3, 6] {
                XCTAssertEqual(DecimalText.rounded(value, places: places), value.rounded(places).description,
                               "\(value) rounded to \(places)")
            }
        }
    }

    func testNaNTakesFoundationsPath() {
        XCTAssertNil(DecimalText.parts(of: .nan))
        XCTAssertEqual(DecimalText.rounded(.nan, places: 2), Decimal.nan.rounded(2).description)
    }
}
