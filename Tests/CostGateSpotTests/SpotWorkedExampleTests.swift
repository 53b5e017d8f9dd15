import XCTest
@testable import CostGateSpot

/// Spec §11 worked examples and the exact columns of the §12 verification table, numbers typed in
/// from the spec (rounded there, hence the tolerances).
final class SpotWorkedExampleTests: XCTestCase {
    private func assertClose(_ got: Double?, _ want: Double, digits: Int, _ message: String = "",
                             file: StaticString = #filePath, line: UInt = #line) {
        guard let got else { return XCTFail("nil, want \(want) \(message)", file: file, line: line) }
        // The spec prints `digits` decimals: allow just over half a unit in the last place.
        let tolerance = 0.51 * pow10(-digits)
        XCTAssertEqual(got, want, accuracy: tolerance, message, file: file, line: line)
    }

    private func pow10(_ e: Int) -> Double {
        var value = 1.0
        for _ in 0..<abs(e) { value *= 10 }
        return e < 0 ? 1 / value : value
    }

    /// Example 1 (V06): 8-node gang, AWS 10-15 %, hourly checkpoints.
    func testExample1EightNodeGang() throws {
        let job = try SpotJob(workHours: 48, nodes: 8, interruption: .band(.from10To15, provider: .aws),
                              checkpointIntervalHours: 1, priceSpotPerHour: 96, priceOnDemandPerHour: 320, seed: 106)
        XCTAssertEqual(job.ratePerInstanceHour, 1.829197e-4, accuracy: 1e-10)
        XCTAssertEqual(job.jobRatePerHour, 1.4633577e-3, accuracy: 1e-10)
        let e = try SpotModel.estimate(job, method: .monteCarlo)
        assertClose(e.mtbiHours, 683.36, digits: 2)
        XCTAssertEqual(e.segments, 48)
        XCTAssertEqual(e.checkpoints, 47)
        XCTAssertEqual(e.layout.fullSegmentHours, 1.05)
        XCTAssertEqual(e.layout.lastSegmentHours, 1.0)
        assertClose(e.mean.runHours, 50.388665, digits: 6)
        assertClose(e.mean.restartHours, 0.018438, digits: 6)
        assertClose(e.mean.wallHours, 50.407103, digits: 6)
        assertClose(e.mean.interruptions, 0.073764, digits: 6)
        assertClose(e.mean.costSpot, 4839.08, digits: 2)
        XCTAssertEqual(e.mean.costOnDemand, 15_360)
        assertClose(e.mean.savings, 10_520.92, digits: 2)
        assertClose(e.mean.savingsFraction, 0.685, digits: 3)
        assertClose(e.mean.pNoInterruption, 0.92897, digits: 5)
        let mc = try XCTUnwrap(e.monteCarlo)
        XCTAssertEqual(mc.p50Cost, 96 * 50.35, accuracy: 1e-9, "the no-interruption atom")
        XCTAssertEqual(mc.p90Cost, 96 * 50.35, accuracy: 1e-9)
        assertClose(mc.p99Cost, 4946.42, digits: 2)
        assertClose(mc.meanCost, 4839.03, digits: 2)
        assertClose(e.optimum.youngHours, 8.2666, digits: 4)
        assertClose(e.optimum.dalyHours, 8.2333, digits: 4)
        assertClose(e.optimum.lambertHours, 8.2333, digits: 4)
        let lambda = job.jobRatePerHour
        for (n, want) in [(3, 48.6687), (4, 48.5766), (5, 48.5416), (6, 48.5350), (7, 48.5447), (8, 48.5644)] {
            let scaled = CheckpointOptimum.expectedRunScaled(segments: n, workHours: 48, rate: lambda, writeHours: 0.05)
            assertClose(scaled / lambda, want, digits: 4, "U(\(n))")
        }
        XCTAssertEqual(e.optimum.exactSegments, 6)
        XCTAssertEqual(e.optimum.exactIntervalHours, 8)
        XCTAssertEqual(e.recommendation.action, .spotCheckpoint)
        XCTAssertEqual(e.recommendation.checkpointIntervalHours, 8)
        assertClose(e.recommendation.candidates.last?.meanCost, 4661.07, digits: 2)
    }

    /// Example 2 (V15): an Azure band is a per-hour probability.
    func testExample2AzureBandPerHour() throws {
        let job = try SpotJob(workHours: 8, interruption: .band(.from15To20, provider: .azure),
                              priceSpotPerHour: 20, priceOnDemandPerHour: 40, seed: 115)
        assertClose(job.ratePerInstanceHour, 0.192372, digits: 6)
        let e = try SpotModel.estimate(job, method: .monteCarlo)
        assertClose(e.mtbiHours, 5.198, digits: 3)
        assertClose(e.mean.wallHours, 19.962, digits: 3)
        assertClose(e.mean.interruptions, 3.84, digits: 2)
        assertClose(e.mean.costSpot, 399.24, digits: 2)
        XCTAssertGreaterThan(e.mean.costSpot!, e.mean.costOnDemand)
        let mc = try XCTUnwrap(e.monteCarlo)
        assertClose(mc.p50Cost, 310.98, digits: 2)
        assertClose(mc.p90Cost, 772.18, digits: 2)
        assertClose(mc.p99Cost, 1426.86, digits: 2)
        assertClose(e.optimum.youngHours, 0.7210, digits: 4)
        assertClose(e.optimum.dalyHours, 0.6880, digits: 4)
        assertClose(e.optimum.lambertHours, 0.6880, digits: 4)
        XCTAssertEqual(e.optimum.exactSegments, 12)
        assertClose(e.optimum.exactIntervalHours, 0.6667, digits: 4)
        let recommended = SpotScenario(job: job, interval: 8.0 / 12)
        let mean = SpotClosedForm.mean(recommended)
        assertClose(mean.wallHours, 9.615, digits: 3)
        assertClose(mean.costSpot, 192.31, digits: 2)
        XCTAssertEqual(e.recommendation.action, .spotCheckpoint)
        assertClose(e.recommendation.checkpointIntervalHours, 0.6667, digits: 4)
    }

    /// Example 3 (V19): fallback to on-demand after 3 interruptions.
    func testExample3Fallback() throws {
        let job = try SpotJob(workHours: 72, nodes: 32, interruption: .band(.from15To20, provider: .aws), checkpointIntervalHours: 1,
                              priceSpotPerHour: 384, priceOnDemandPerHour: 1280, fallbackAfterInterruptions: 3, seed: 119)
        assertClose(job.jobRatePerHour, 8.43274e-3, digits: 8)
        let e = try SpotModel.estimate(job, method: .monteCarlo)
        XCTAssertEqual(e.mean.source, .dynamicProgramme)
        assertClose(e.mean.wallHours, 76.0414, digits: 4)
        assertClose(e.mean.interruptions, 0.63597, digits: 5)
        assertClose(e.mean.fallbackProbability, 0.02835, digits: 5)
        assertClose(e.mean.costSpot, 29_759.22, digits: 2)
        let withoutFallback = try SpotJob(workHours: 72, nodes: 32, interruption: .band(.from15To20, provider: .aws),
                                          checkpointIntervalHours: 1, priceSpotPerHour: 384, priceOnDemandPerHour: 1280)
        assertClose(SpotClosedForm.mean(SpotScenario(job: withoutFallback, interval: 1)).costSpot, 29_201.43, digits: 2)
        let mc = try XCTUnwrap(e.monteCarlo)
        assertClose(mc.meanCost, 29_729.37, digits: 2)
        assertClose(mc.p50Cost, 29_011.20, digits: 2)
        assertClose(mc.p90Cost, 29_517.43, digits: 2)
        assertClose(mc.p99Cost, 52_496.32, digits: 2)
        assertClose(mc.fallbackFraction, 0.0271, digits: 4)
        XCTAssertEqual(e.mean.costOnDemand, 92_160)
        XCTAssertEqual(e.optimum.exactSegments, 21)
        assertClose(e.recommendation.candidates.last?.meanCost, 29_087.53, digits: 2)
        XCTAssertEqual(e.recommendation.action, .spotCheckpoint)
        assertClose(e.recommendation.checkpointIntervalHours, 3.4286, digits: 4)
    }

    /// Example 4 (V22): GCP preemptible, L = 24 h; the recommendation keeps the configured interval.
    func testExample4MaxRuntime() throws {
        let job = try SpotJob(workHours: 100, interruption: .rate(perInstanceHour: 0.005), checkpointIntervalHours: 1,
                              priceSpotPerHour: 12, priceOnDemandPerHour: 40, maxRuntimeHours: 24, seed: 122)
        let e = try SpotModel.estimate(job, method: .monteCarlo)
        assertClose(e.mean.wallHours, 108.985, digits: 3)
        assertClose(e.mean.interruptions, 4.3195, digits: 4)
        assertClose(e.mean.forcedInterruptions, 3.7746, digits: 4)
        assertClose(e.mean.costSpot, 1307.82, digits: 2)
        let noLimit = try SpotJob(workHours: 100, interruption: .rate(perInstanceHour: 0.005), checkpointIntervalHours: 1,
                                  priceSpotPerHour: 12, priceOnDemandPerHour: 40)
        assertClose(SpotClosedForm.mean(SpotScenario(job: noLimit, interval: 1)).costSpot, 1264.29, digits: 2)
        assertClose(SpotClosedForm.mean(SpotScenario(job: noLimit, interval: 100.0 / 23)).costSpot, 1228.16, digits: 2)
        let mc = try XCTUnwrap(e.monteCarlo)
        assertClose(mc.meanCost, 1307.83, digits: 2)
        assertClose(mc.p50Cost, 1305.60, digits: 2)
        assertClose(mc.p90Cost, 1316.54, digits: 2)
        assertClose(mc.p99Cost, 1326.18, digits: 2)
        XCTAssertEqual(e.optimum.exactSegments, 23)
        assertClose(e.recommendation.candidates.last?.meanCost, 1322.73, digits: 2)
        XCTAssertEqual(e.recommendation.bestCandidate, .configured)
        XCTAssertEqual(e.recommendation.action, .spotCheckpoint)
        XCTAssertEqual(e.recommendation.checkpointIntervalHours, 1)
    }

    /// Example 5 (V27): spot worse than on-demand even at the optimum interval.
    func testExample5SpotWorse() throws {
        let job = try SpotJob(workHours: 12, nodes: 1024, interruption: .band(.over20, provider: .aws),
                              priceSpotPerHour: 32_768, priceOnDemandPerHour: 40_960, trials: 2_000, seed: 127)
        assertClose(job.jobRatePerHour, 0.403543, digits: 6)
        let e = try SpotModel.estimate(job, method: .monteCarlo)
        assertClose(e.mtbiHours, 2.478, digits: 3)
        assertClose(e.mean.wallHours, 344.80, digits: 2)
        assertClose(e.mean.interruptions, 139.14, digits: 2)
        XCTAssertEqual(e.mean.costSpot!, 11_298_312, accuracy: 1)
        XCTAssertEqual(e.optimum.exactSegments, 26)
        assertClose(e.optimum.exactIntervalHours, 0.4615, digits: 4)
        let best = SpotClosedForm.mean(SpotScenario(job: job, interval: 12.0 / 26))
        assertClose(best.wallHours, 16.273, digits: 3)
        XCTAssertEqual(best.costSpot!, 533_236, accuracy: 1)
        XCTAssertEqual(e.recommendation.action, .onDemand)
        XCTAssertEqual(e.recommendation.reason, .noExpectedSavings)
    }

    /// Example 6 (V28): expected savings, but the P90 is over a budget that on-demand fits.
    func testExample6BudgetRule() throws {
        let job = try SpotJob(workHours: 10, nodes: 8, interruption: .rate(perInstanceHour: 0.005), checkpointWriteHours: 1,
                              priceSpotPerHour: 208, priceOnDemandPerHour: 320, budget: 3400, seed: 128)
        let e = try SpotModel.estimate(job, method: .monteCarlo)
        assertClose(e.mean.costSpot, 2583.19, digits: 2)
        XCTAssertEqual(e.mean.costOnDemand, 3200)
        assertClose(e.mean.pNoInterruption, 0.6703, digits: 4)
        XCTAssertEqual(e.optimum.exactSegments, 1)
        let mc = try XCTUnwrap(e.monteCarlo)
        XCTAssertEqual(mc.p50Cost, 2080)
        assertClose(mc.p90Cost, 3933.16, digits: 2)
        XCTAssertEqual(e.recommendation.action, .onDemand)
        XCTAssertEqual(e.recommendation.reason, .p90OverBudget)
        XCTAssertEqual(e.recommendation.withinBudget, true)
        assertClose(e.recommendation.bestP90Cost, 3933.16, digits: 2)
    }

    /// Daly (2006) published optima: M = 24 h, 6 h, 15 min with δ = 5 min give 117, 57, 9.1 min.
    func testDalyPublishedChecks() {
        XCTAssertEqual(CheckpointOptimum.daly(write: 5, mtbi: 24 * 60).rounded(), 117)
        XCTAssertEqual(CheckpointOptimum.daly(write: 5, mtbi: 6 * 60).rounded(), 57)
        XCTAssertEqual(CheckpointOptimum.daly(write: 5, mtbi: 15), 9.1, accuracy: 0.05)
        XCTAssertEqual(CheckpointOptimum.daly(write: 5, mtbi: 2), 2, "δ ≥ 2M gives M")
    }

    /// §12: exact expectations (closed form or §8) of 22 cases, prices 30 / 98 per job-hour.
    func testVerificationTableExactColumns() throws {
        typealias Row = (work: Double, nodes: Int, source: InterruptionSource, tau: Double?, restart: Double, beta: Double,
                         kMax: Int?, limit: Double?, wall: Double, cost: Double, interruptions: Double)
        let aws = { (band: InterruptionBand) in InterruptionSource.band(band, provider: .aws) }
        let rows: [Row] = [
            (24, 1, aws(.under5), nil, 0.25, 1, nil, nil, 24.0102, 720.31, 0.0008),
            (200, 1, aws(.over20), nil, 0.25, 1, nil, nil, 208.1134, 6243.40, 0.0820),
            (48, 8, aws(.from10To15), 1, 0.25, 1, nil, nil, 50.4071, 1512.21, 0.0738),
            (48, 8, aws(.over20), nil, 0.25, 1, nil, nil, 51.8631, 1555.89, 0.1635),
            (72, 32, aws(.from5To10), 0.5, 0.25, 1, nil, nil, 79.2921, 2378.76, 0.2710),
            (72, 32, aws(.from15To20), 4, 0.25, 1, nil, nil, 74.2638, 2227.91, 0.6262),
            (100, 128, aws(.over20), 0.25, 0.25, 1, nil, nil, 122.3957, 3671.87, 6.1740),
            (6, 128, aws(.from10To15), nil, 0.25, 1, nil, nil, 6.4797, 194.39, 0.1517),
            (72, 32, aws(.from15To20), 1, 3, 0.5, nil, nil, 77.8295, 2305.72, 0.6563),
            (20, 4, .band(.under5, provider: .azure), 0.5, 0.25, 1, nil, nil, 23.1503, 694.51, 2.3445),
            (30, 16, .rate(perInstanceHour: 0.02), 0.1, 0.25, 1, nil, nil, 49.8804, 1496.41, 15.9617),
            (30, 16, .rate(perInstanceHour: 0.02), 8, 0.25, 1, nil, nil, 143.0424, 4291.27, 45.7736),
            (48, 8, aws(.over20), 1, 0.25, 1, 1, nil, 50.4636, 1779.55, 0.1468),
            (72, 32, aws(.from15To20), 1, 0.25, 1, 3, nil, 76.0414, 2323.69, 0.6360),
            (100, 128, aws(.over20), 0.5, 0.25, 1, 10, nil, 112.8709, 3470.08, 5.6313),
            (100, 1, aws(.from5To10), 1, 0.25, 1, nil, 24, 108.8039, 3264.12, 4.0068),
            (200, 16, aws(.over20), 2, 0.25, 1, nil, 24, 218.5512, 6556.54, 9.4299),
            (20, 8, aws(.from10To15), nil, 0.25, 1, nil, 24, 20.3030, 609.09, 0.0297),
            (150, 16, aws(.over20), 3, 0.25, 1, 4, 24, 162.7473, 9891.17, 4.0000),
            (40, 2, .band(.from5To10, provider: .azure), 0.5, 0.25, 1, nil, 12, 48.2791, 1448.37, 8.6549),
            (120, 4, .rate(perInstanceHour: 0.003), 0.75, 0.25, 1, nil, 24, 131.9907, 3959.72, 5.8800),
            (10, 4, .rate(perInstanceHour: 0), 1, 0.25, 1, nil, nil, 10.4500, 313.50, 0.0000),
        ]
        for row in rows {
            let job = try SpotJob(workHours: row.work, nodes: row.nodes, interruption: row.source, checkpointIntervalHours: row.tau,
                                  restartHours: row.restart, restartBilledFraction: row.beta, priceSpotPerHour: 30,
                                  priceOnDemandPerHour: 98, fallbackAfterInterruptions: row.kMax, maxRuntimeHours: row.limit)
            let mean = try SpotModel.expectation(SpotScenario(job: job, interval: row.tau))
            let label = "W=\(row.work) n=\(row.nodes) \(row.source.summary) tau=\(String(describing: row.tau))"
            XCTAssertEqual(mean.source, row.kMax == nil && row.limit == nil ? .closedForm : .dynamicProgramme, label)
            assertClose(mean.wallHours, row.wall, digits: 4, label)
            assertClose(mean.costSpot, row.cost, digits: 2, label)
            assertClose(mean.interruptions, row.interruptions, digits: 4, label)
        }
    }
}
