import XCTest
@testable import CostGateSpot

/// Spec §7.5 aggregates.
final class SpotStatisticsTests: XCTestCase {
    func testNearestRankInIntegers() {
        XCTAssertEqual(SpotStatistics.nearestRank(percent: 50, count: 100_000), 50_000)
        XCTAssertEqual(SpotStatistics.nearestRank(percent: 90, count: 100_000), 90_000)
        XCTAssertEqual(SpotStatistics.nearestRank(percent: 99, count: 100_000), 99_000)
        XCTAssertEqual(SpotStatistics.nearestRank(percent: 50, count: 1), 1)
        XCTAssertEqual(SpotStatistics.nearestRank(percent: 50, count: 3), 2)
        XCTAssertEqual(SpotStatistics.nearestRank(percent: 99, count: 3), 3)
        XCTAssertEqual(SpotStatistics.nearestRank(percent: 90, count: 11), 10)
    }

    /// The reference sums like NumPy (pairwise): a constant sample of 775.200000024 has mean
    /// 775.2000000240001 and standard deviation 1.1368740616006792e-13 (vector V33), not 0.
    func testPairwiseSummationMatchesTheReference() {
        let values = [Double](repeating: 775.200000024, count: 100_000)
        let mean = SpotStatistics.mean(values)
        XCTAssertEqual(mean, 775.2000000240001)
        XCTAssertEqual(SpotStatistics.standardDeviation(values, mean: mean), 1.1368740616006792e-13)
        let walls = [Double](repeating: 64.600000002, count: 100_000)
        XCTAssertEqual(SpotStatistics.mean(walls), 64.600000002)
        XCTAssertEqual(SpotStatistics.standardDeviation(walls, mean: 64.600000002), 0)
    }

    func testPairwiseSumOfSmallAndOddSizes() {
        for n in [0, 1, 7, 8, 9, 127, 128, 129, 1000, 4099] {
            let values = (0..<n).map { Double($0 % 17) * 0.5 }
            XCTAssertEqual(SpotStatistics.sum(values), values.reduce(0, +), "n \(n)")
        }
    }

    func testSelectionEqualsSortedRanks() {
        var state: UInt64 = 12_345
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(Int64(bitPattern: state)) / 1e15
        }
        for count in [0, 1, 65, 1000, 50_000] {
            var values = (0..<count).map { _ in next() }
            if count > 10 {
                values[3] = 0
                values[4] = -0.0
                values[5] = .infinity
                values[6] = -.infinity
                values[7] = values[8]
                values[9] = .leastNonzeroMagnitude
            }
            guard count > 0 else { continue }
            let sorted = values.sorted()
            let ranks = [0, 1, 2, count / 3, count / 2, (9 * count + 9) / 10, count - 1, count, count + 5]
            var scratch = values
            let selected = SpotStatistics.elements(ofRanks: ranks, in: &scratch)
            XCTAssertEqual(selected, ranks.map { sorted[min(max($0, 1), count) - 1] }, "count \(count)")
        }
        // Mostly one value (the uninterrupted run), in both orders.
        let atom = [Double](repeating: 4833.6, count: 9000) + (0..<1000).map { 4833.6 + Double($0) }
        for sample in [atom, atom.reversed()] {
            var scratch = sample
            XCTAssertEqual(SpotStatistics.elements(ofRanks: [5000, 9000, 9001, 9900, 10_000], in: &scratch),
                           [4833.6, 4833.6, 4833.6, 4833.6 + 899, 4833.6 + 999])
        }
    }
}
