import Foundation
import XCTest
import CostGateTestSupport
@testable import CostGatePricing

/// Catalog prices read from text are Foundation's Decimal bit for bit (the same value in the same stored form).
final class PriceTextTests: XCTestCase {
    func testPriceTextMatchesFoundationsConstruction() {
        for text in ["12", "0.5", "3.67339", "0", "0.000", "100.10", "98.32", "0.0001", "1234567890123456789"] {
            let digits = text.replacingOccurrences(of: ".", with: "")
            let fraction = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
            let reference = Decimal(sign: .plus, exponent: -fraction, significand: Decimal(UInt64(digits)!))
            XCTAssertEqual(PriceText.decimal(text).map(storedBytes), storedBytes(reference), text)
        }
    }
}
