import XCTest
@testable import CostGateWorkloads

/// Replica ranges use the saturating counts of CostGateBasics: they stop at the bounds and stay ordered.
final class ReplicaRangeSaturationTests: XCTestCase {
    func testReplicaRangesSaturateAndStayOrdered() {
        let huge = ReplicaRange(min: 1, nominal: Int.max / 2, max: Int.max)
        XCTAssertEqual(huge * 4, ReplicaRange(min: 4, nominal: .max, max: .max))
        XCTAssertEqual(huge + huge, ReplicaRange(min: 2, nominal: Int.max - 1, max: .max))
        XCTAssertEqual(ReplicaRange(min: 1, nominal: 2, max: 3) * -1, ReplicaRange(exactly: 0), "a negative factor counts as none")
    }
}
