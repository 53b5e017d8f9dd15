import Foundation
import CostGateTestSupport
import XCTest
@testable import CostGateSpot

/// Spec §9 decisions, and the shape of the encoded estimate.
final class SpotRecommendationTests: XCTestCase {
    private func candidate(_ name: SpotCandidate.Name, cost: Double?, segments: Int = 1, interval: Double? = nil) -> SpotCandidate {
        SpotCandidate(name: name, intervalHours: interval, segments: segments, meanCost: cost)
    }

    private func decide(_ candidates: [SpotCandidate], onDemand: Double = 100, minSavings: Double = 0, budget: Double? = nil,
                        p90: Double = 50) throws -> SpotRecommendation {
        try SpotRecommendation.decide(candidates: candidates, onDemandCost: onDemand, minSavingsFraction: minSavings,
                                      budget: budget) { (_: SpotCandidate) throws(SpotError) -> Double in p90 }
    }

    func testTiesStayWithTheConfiguredJob() throws {
        let r = try decide([candidate(.configured, cost: 40), candidate(.recommended, cost: 40, segments: 3, interval: 2)])
        XCTAssertEqual(r.bestCandidate, .configured)
        XCTAssertEqual(r.action, .spot)
        XCTAssertNil(r.checkpointIntervalHours)
        XCTAssertNil(r.withinBudget)
        XCTAssertNil(r.bestP90Cost)
    }

    func testCheckpointingCandidateWins() throws {
        let r = try decide([candidate(.configured, cost: 90), candidate(.recommended, cost: 60, segments: 3, interval: 2)])
        XCTAssertEqual(r.bestCandidate, .recommended)
        XCTAssertEqual(r.action, .spotCheckpoint)
        XCTAssertEqual(r.reason, .expectedSavings)
        XCTAssertEqual(r.checkpointIntervalHours, 2)
    }

    func testNeverCompletes() throws {
        let r = try decide([candidate(.configured, cost: nil), candidate(.recommended, cost: nil, segments: 2, interval: 1)])
        XCTAssertEqual(r.action, .onDemand)
        XCTAssertEqual(r.reason, .neverCompletes)
    }

    func testMinimumSavingsFraction() throws {
        XCTAssertEqual(try decide([candidate(.configured, cost: 70)], minSavings: 0.3).reason, .noExpectedSavings, "70 ≥ 0.7·100")
        XCTAssertEqual(try decide([candidate(.configured, cost: 69.9)], minSavings: 0.3).reason, .expectedSavings)
    }

    func testBudgetRule() throws {
        let over = try decide([candidate(.configured, cost: 60)], budget: 120, p90: 130)
        XCTAssertEqual(over.action, .onDemand)
        XCTAssertEqual(over.reason, .p90OverBudget)
        XCTAssertEqual(over.withinBudget, true)
        XCTAssertEqual(over.bestP90Cost, 130)
        let bothOver = try decide([candidate(.configured, cost: 60)], budget: 90, p90: 130)
        XCTAssertEqual(bothOver.action, .spot, "on-demand does not fit either: keep spot")
        XCTAssertEqual(bothOver.withinBudget, false)
        let within = try decide([candidate(.configured, cost: 60)], budget: 120, p90: 110)
        XCTAssertEqual(within.action, .spot)
        XCTAssertEqual(within.withinBudget, true)
        let skipped = try decide([candidate(.configured, cost: 60)], budget: 120, p90: .infinity)
        XCTAssertEqual(skipped.reason, .p90OverBudget, "an unavailable P90 counts as infinite")
        XCTAssertNil(skipped.bestP90Cost)
    }

    func testMeanAloneEqualsTheEstimatesMean() throws {
        let job = try SpotJob(workHours: 100, interruption: .rate(perInstanceHour: 0.005), checkpointIntervalHours: 1,
                              priceSpotPerHour: 12, priceOnDemandPerHour: 40, maxRuntimeHours: 24, trials: 200)
        XCTAssertEqual(try SpotModel.mean(job), try SpotModel.estimate(job).mean)
    }

    /// `Λ = 0` with checkpoints: the checkpoints only cost time, the recommendation drops them (V02).
    func testZeroRateDropsCheckpoints() throws {
        let job = try SpotJob(workHours: 10, nodes: 4, interruption: .rate(perInstanceHour: 0), checkpointIntervalHours: 1,
                              priceSpotPerHour: 48, priceOnDemandPerHour: 160, trials: 100)
        let e = try SpotModel.estimate(job)
        XCTAssertEqual(e.mean.costSpot!, 501.6, accuracy: 1e-9)
        XCTAssertEqual(e.recommendation.candidates.map(\.meanCost), [e.mean.costSpot, 480])
        XCTAssertEqual(e.recommendation.bestCandidate, .recommended)
        XCTAssertEqual(e.recommendation.action, .spot)
        XCTAssertNil(e.optimum.youngHours)
        XCTAssertEqual(e.optimum.exactSegments, 1)
        XCTAssertNil(e.mtbiHours)
    }

    /// A job that never completes under `L` is rescued by checkpointing (V25), and encodes with nulls.
    func testNeverCompletingJobRecommendsCheckpoints() throws {
        let job = try SpotJob(workHours: 30, nodes: 4, interruption: .rate(perInstanceHour: 0.001), priceSpotPerHour: 48,
                              priceOnDemandPerHour: 160, maxRuntimeHours: 24, trials: 100)
        let e = try SpotModel.estimate(job)
        XCTAssertFalse(e.completes)
        XCTAssertNil(e.monteCarlo)
        XCTAssertNil(e.monteCarloSkipped)
        XCTAssertEqual(e.optimum.recommendedSegments, 6)
        XCTAssertEqual(e.recommendation.action, .spotCheckpoint)
        XCTAssertEqual(e.recommendation.checkpointIntervalHours, 5)
        let json = try SpotJSON.encoding(e)
        XCTAssertEqual(json["mean"]?["cost_spot"], .null)
        XCTAssertEqual(json["mean"]?["cost_on_demand"], .number(4800))
        XCTAssertNil(json["mean"]?["p_no_interruption"], "only the closed form reports it")
        XCTAssertEqual(json["monte_carlo"], .null)
        XCTAssertNil(json["monte_carlo_skipped"])
        XCTAssertEqual(json["recommendation"]?["candidate_mean_cost"]?["configured"], .null)
        XCTAssertEqual(json["recommendation"]?["candidate_mean_cost"]?.keys, ["configured", "recommended"])
    }

    /// Under `L` the recommended interval is raised until a segment fits after a restart.
    func testMaxRuntimeRaisesTheRecommendedSegments() throws {
        let job = try SpotJob(workHours: 60, interruption: .rate(perInstanceHour: 0), checkpointIntervalHours: 2,
                              priceSpotPerHour: 12, priceOnDemandPerHour: 40, maxRuntimeHours: 24, trials: 10)
        let e = try SpotModel.estimate(job)
        XCTAssertEqual(e.optimum.exactSegments, 1)
        XCTAssertEqual(e.optimum.recommendedSegments, 3, "R + 60/3 + δ = 20.3 ≤ 24 but R + 30.05 > 24")
        XCTAssertEqual(e.optimum.recommendedIntervalHours, 20)
        XCTAssertEqual(CheckpointOptimum.feasibleSegments(from: 1, job: job), 3)
        let impossible = try SpotJob(workHours: 60, interruption: .rate(perInstanceHour: 0.01), checkpointWriteHours: 1,
                                     restartHours: 23.5, priceSpotPerHour: 12, priceOnDemandPerHour: 40, maxRuntimeHours: 24, trials: 10)
        XCTAssertNil(CheckpointOptimum.feasibleSegments(from: 2, job: impossible), "R + δ > L: no interval fits")
    }
}
