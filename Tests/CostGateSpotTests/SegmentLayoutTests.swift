import XCTest
@testable import CostGateSpot

/// Spec §4: segment layout and the near-integer rule.
final class SegmentLayoutTests: XCTestCase {
    func testNearIntegerQuotientIsNotRoundedUp() {
        // At run time (literal folding may use extended precision): quotients just above an integer.
        let operands = [2.1, 0.7, 0.3, 1.1, 0.1]
        XCTAssertEqual(operands[0] / operands[1], 3.0000000000000004)
        XCTAssertEqual(operands[0] / operands[2], 7.000000000000001)
        XCTAssertEqual(SegmentLayout.segmentCount(workHours: operands[0], interval: operands[1]), 3, "not 4")
        XCTAssertEqual(SegmentLayout.segmentCount(workHours: operands[0], interval: operands[2]), 7, "not 8")
        // The spec's example (V31): 1.1 / 0.1 rounds to exactly 11 in doubles, 11 segments either way.
        let layout = SegmentLayout(workHours: operands[3], interval: operands[4], writeHours: 0.01)
        XCTAssertEqual(layout.segments, 11)
        XCTAssertEqual(layout.checkpoints, 10)
        XCTAssertEqual(layout.fullSegmentHours!, 0.11, accuracy: 1e-15)
        XCTAssertEqual(layout.lastSegmentHours, 0.1, accuracy: 1e-15)
        let spurious = SegmentLayout(workHours: operands[0], interval: operands[2], writeHours: 0.05)
        XCTAssertEqual(spurious.lastSegmentHours, 0.3, accuracy: 1e-15, "no extra segment of 1e-16 h")
    }

    func testPartialLastSegment() {
        let layout = SegmentLayout(workHours: 10.3, interval: 1, writeHours: 0.05)
        XCTAssertEqual(layout.segments, 11)
        XCTAssertEqual(layout.fullSegmentHours, 1.05)
        XCTAssertEqual(layout.lastSegmentHours, 0.3, accuracy: 1e-12)
        XCTAssertEqual(layout.remaining(from: 0), 10 * 1.05 + layout.lastSegmentHours)
        XCTAssertEqual(layout.remaining(from: 10), layout.lastSegmentHours)
        XCTAssertEqual(layout.duration(of: 9), 1.05)
        XCTAssertEqual(layout.duration(of: 10), layout.lastSegmentHours)
    }

    func testNoCheckpointsWhenIntervalIsNoneOrAtLeastTheWork() {
        for interval in [nil, 10.0, 12.5, 10.000000001] as [Double?] {
            let layout = SegmentLayout(workHours: 10, interval: interval, writeHours: 0.05)
            XCTAssertEqual(layout.segments, 1)
            XCTAssertNil(layout.fullSegmentHours)
            XCTAssertEqual(layout.lastSegmentHours, 10)
        }
        // Just below W: W/τ = 1 + 1e-12 counts as 1 segment by the near-integer rule.
        XCTAssertEqual(SegmentLayout.segmentCount(workHours: 10, interval: 10 - 1e-11), 1)
    }

    func testPlainCeilingAwayFromIntegers() {
        XCTAssertEqual(SegmentLayout.segmentCount(workHours: 10, interval: 3), 4)
        XCTAssertEqual(SegmentLayout.segmentCount(workHours: 48, interval: 1), 48)
        XCTAssertEqual(SegmentLayout.segmentCount(workHours: 10, interval: 9.99), 2)
    }

    /// `τ* = W/N*` must read back as `N*` segments (§4, §6).
    func testOptimumIntervalReadsBackAsItsSegmentCount() {
        for work in [1.1, 7.0, 10.3, 48.0, 72.0, 100.0, 150.0, 1234.5] {
            for n in 1...400 {
                let interval = n > 1 ? work / Double(n) : nil
                XCTAssertEqual(SegmentLayout(workHours: work, interval: interval, writeHours: 0.05).segments, n, "W \(work), N \(n)")
            }
        }
    }

    func testLayoutsMatchWithinRelativeTolerance() {
        let a = SegmentLayout(workHours: 12, interval: 3, writeHours: 0.05)
        let b = SegmentLayout(workHours: 12, interval: 12.0 / 4.0, writeHours: 0.05)
        let c = SegmentLayout(workHours: 12, interval: 2.9, writeHours: 0.05)
        XCTAssertTrue(a.matches(b))
        XCTAssertFalse(a.matches(c))
        XCTAssertFalse(a.matches(SegmentLayout(workHours: 12, interval: nil, writeHours: 0.05)))
    }
}
