import Foundation
import XCTest
import CostGateTestSupport
@testable import CostGateBasics

/// `FixedText` against Foundation's `%.Nf` on values as the spot notes meet them (hours, minutes,
/// interruptions), on ties and near-ties, and on the cases it leaves to Foundation.
final class FixedTextTests: XCTestCase {
    private func assertPrintf(_ value: Double, _ places: Int, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(FixedText.format(value, places: places), String(format: "%.\(places)f", value),
                       "\(value) to \(places) places", file: file, line: line)
    }

    func testEqualsPrintfOnRandomValues() {
        var g = SplitMix64(state: 11)
        for _ in 0..<20_000 {
            let magnitude = [1e-4, 0.01, 1, 24, 730, 1e6, 1e11][Int(g.next() % 7)]
            let value = g.unit() * magnitude
            assertPrintf(value, Int(g.next() % 6))
        }
    }

    func testTiesAndNearTiesEqualPrintf() {
        // Exact binary ties (round half to even in printf), and decimal "ties" that are not exact in binary.
        for value in [0.125, 0.375, 2.5, 3.5, 0.5, 1.5, 0.005, 0.015, 1.005, 2.675, 1.115, 0.0625, 1e-7, 0.99999999] {
            for places in 0...4 { assertPrintf(value, places) }
        }
        for k in 0..<2_000 {
            let value = (Double(k) + 0.5) / 1000
            assertPrintf(value, 3)
            assertPrintf(value, 2)
            assertPrintf(value.nextUp, 3)
            assertPrintf(value.nextDown, 3)
        }
    }

    func testLeavesSignsLargeValuesAndNonFiniteToFoundation() {
        XCTAssertNil(FixedText.fast(-0.001, places: 2))
        XCTAssertNil(FixedText.fast(2e12, places: 2))
        XCTAssertNil(FixedText.fast(.infinity, places: 2))
        XCTAssertNil(FixedText.fast(.nan, places: 2))
        XCTAssertNil(FixedText.fast(0.125, places: 2), "a tie")
        for value in [-0.001, -0.0, -2.5, 2e12, 1e300] { assertPrintf(value, 2) }
    }

    func testCommonValuesTakeTheFastPath() {
        XCTAssertEqual(FixedText.fast(23.548387096774192, places: 2), "23.55")
        XCTAssertEqual(FixedText.fast(0.14286367585351573, places: 3), "0.143")
        XCTAssertEqual(FixedText.fast(15, places: 0), "15")
        XCTAssertEqual(FixedText.fast(0.25 * 60, places: 0), "15")
        XCTAssertEqual(FixedText.fast(0.04, places: 3), "0.040")
    }
}
