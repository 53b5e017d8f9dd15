import Foundation
import XCTest
import CostGateTestSupport
@testable import CostGateBasics

/// `PercentText` must give the text of Foundation's division, rounded, for every pair.
final class PercentTextTests: XCTestCase {
    private func foundation(_ part: Decimal, _ whole: Decimal) -> String {
        DecimalText.rounded(DecimalMath.product(part / whole, 100), places: 0)
    }

    func testMatchesFoundationOnRandomMoney() {
        var random = SplitMix64(state: 7)
        for _ in 0..<20_000 {
            let whole = Decimal(sign: .plus, exponent: -Int(random.next() % 12), significand: Decimal(random.next() % 10_000_000_000 + 1))
            let spot = Decimal(sign: .plus, exponent: -Int(random.next() % 14), significand: Decimal(random.next() % 100_000_000_000))
            let part = DecimalMath.sum(whole, -spot)
            XCTAssertEqual(PercentText.rounded(part, of: whole), foundation(part, whole), "\(part) / \(whole)")
        }
    }

    func testMatchesFoundationOnSpotModelDoubles() {
        var random = SplitMix64(state: 11)
        for _ in 0..<5_000 {
            let whole = DecimalMath.product(Decimal(Double(random.next() % 1_000_000) / 977), 24)
            let expected = DecimalMath.product(Decimal(Double(random.next() % 1_000_000) / 1_013), 3)
            let part = DecimalMath.sum(whole, -expected)
            XCTAssertEqual(PercentText.rounded(part, of: whole), foundation(part, whole), "\(part) / \(whole)")
        }
    }

    func testTiesAndEdgesTakeFoundationsPath() {
        let cases: [(Decimal, Decimal)] = [
            (1, 8), (-1, 8), (5, 1000), (-5, 1000), (25, 1000), (1, 3), (2, 3), (-2, 3), (0, 5), (1, 200), (-1, 200),
            (Decimal(string: "0.000001")!, Decimal(string: "123456789012345678901234567890.5")!),
            (Decimal(string: "99999999999999999999999999999999999999")!, Decimal(string: "0.0000001")!),
            (Decimal(string: "1e-60")!, Decimal(string: "7e-80")!), (Decimal(string: "3e40")!, 7),
        ]
        for (part, whole) in cases {
            XCTAssertEqual(PercentText.rounded(part, of: whole), foundation(part, whole), "\(part) / \(whole)")
        }
        // Exact halves never take the Double path.
        XCTAssertNil(PercentText.fastRounded(1, of: 8))
        XCTAssertNil(PercentText.fastRounded(-5, of: 1000))
        XCTAssertEqual(PercentText.fastRounded(1, of: 3), 33)
        XCTAssertEqual(PercentText.fastRounded(-2, of: 3), -67)
    }
}
