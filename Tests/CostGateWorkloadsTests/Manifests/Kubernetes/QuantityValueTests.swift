import Foundation
import XCTest
@testable import CostGateWorkloads

/// A Kubernetes quantity's value is Foundation's Decimal bit for bit.
final class QuantityValueTests: XCTestCase {
    private func bits(_ value: Decimal) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }

    func testQuantityValueMatchesFoundationsConstruction() throws {
        for text in ["500m", "4", "16Gi", "1.5", "100n", "0.000000001", "3e-4", "-2", "123456789012345678"] {
            let quantity = try Quantity(parsing: text)
            let reference = Decimal(sign: .plus, exponent: -9, significand: Decimal(string: String(quantity.nanos.magnitude))!)
            XCTAssertEqual(bits(quantity.value), bits(quantity.nanos < 0 ? -reference : reference), text)
        }
    }
}
