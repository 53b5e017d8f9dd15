import Foundation
import XCTest
import CostGateSpot
import CostGateTestSupport

/// Laws of the spot model checked on seeded random jobs (a few hundred each, deterministic): the
/// `λ = 0` limit, monotone cost in the rate, the work and the gang, the recommended interval, and the
/// simulation against the closed form (spec §5, §6, §9, §10).
final class SpotPropertyTests: XCTestCase {
    private static let cases = 300

    /// The parameters of one random job; `job(...)` builds it with some of them replaced.
    private struct Draw {
        var work: Double
        var nodes: Int
        var rate: Double
        var interval: Double?
        var write: Double
        var restart: Double
        var billed: Double
        /// USD per node-hour.
        var spotPerNode: Double
        var onDemandPerNode: Double

        init(_ g: inout Generator, zeroRateChance: Double = 0.1) {
            work = g.logUniform(0.5, 300)
            nodes = Int(g.logUniform(1, 512).rounded(.down))
            rate = g.chance(zeroRateChance) ? 0 : g.logUniform(1e-6, 0.05)
            interval = g.chance(0.25) ? nil : g.uniform(0.05, 1.5 * work)
            write = g.logUniform(0.001, 0.5)
            restart = g.chance(0.1) ? 0 : g.uniform(0, 2)
            billed = g.unit()
            spotPerNode = g.uniform(0.1, 40)
            onDemandPerNode = spotPerNode * g.uniform(1, 5)
        }

        func job(work: Double? = nil, nodes: Int? = nil, rate: Double? = nil, interval: Double?? = nil, trials: Int = 1,
                 seed: UInt64 = 1) throws -> SpotJob {
            let n = nodes ?? self.nodes
            return try SpotJob(
                workHours: work ?? self.work, nodes: n, interruption: .rate(perInstanceHour: rate ?? self.rate),
                checkpointIntervalHours: interval ?? self.interval, checkpointWriteHours: write, restartHours: restart,
                restartBilledFraction: billed, priceSpotPerHour: Double(n) * spotPerNode,
                priceOnDemandPerHour: Double(n) * onDemandPerNode, trials: trials, seed: seed)
        }
    }

    /// `E[cost]`, `+∞` when the expectation is infinite.
    private func cost(_ job: SpotJob) throws -> Double {
        try SpotModel.mean(job).costSpot ?? .infinity
    }

    /// `a ≤ b` up to rounding (`1e-12` relative); any finite value is below `+∞`.
    private func atMost(_ a: Double, _ b: Double) -> Bool {
        b == .infinity || a <= b + 1e-12 * max(abs(a), abs(b))
    }

    func testZeroRateCostsWorkPlusCheckpointWrites() throws {
        var g = Generator(state: 1)
        for index in 0..<Self.cases {
            var draw = Draw(&g)
            draw.rate = 0
            let job = try draw.job(trials: 25)
            let layout = SegmentLayout(workHours: job.workHours, interval: job.checkpointIntervalHours,
                                       writeHours: job.checkpointWriteHours)
            let want = job.priceSpotPerHour * (job.workHours + Double(layout.checkpoints) * job.checkpointWriteHours)
            let estimate = try SpotModel.estimate(job, method: .monteCarlo)
            let got = try XCTUnwrap(estimate.mean.costSpot, "case \(index)")
            XCTAssertEqual(got, want, accuracy: 1e-12 * want, "case \(index): \(job)")
            XCTAssertEqual(estimate.mean.interruptions, 0, "case \(index)")
            XCTAssertEqual(estimate.mean.pNoInterruption, 1, "case \(index)")
            let simulated = try XCTUnwrap(estimate.monteCarlo, "case \(index)")
            XCTAssertEqual(simulated.p50Cost, simulated.p99Cost, "case \(index): one deterministic run")
            XCTAssertEqual(simulated.p50Cost, want, accuracy: 1e-12 * want, "case \(index)")
            if job.checkpointIntervalHours == nil || layout.segments == 1 {
                // No checkpoints: exactly W·p_spot, every trial.
                XCTAssertEqual(simulated.p50Cost, job.workHours * job.priceSpotPerHour, "case \(index)")
                XCTAssertEqual(simulated.p99Cost, job.workHours * job.priceSpotPerHour, "case \(index)")
            }
            // Checkpoints only cost time without interruptions: the recommendation drops them.
            XCTAssertNil(estimate.optimum.recommendedIntervalHours, "case \(index)")
        }
    }

    func testMeanCostIsNonDecreasingInTheRate() throws {
        var g = Generator(state: 2)
        var finite = 0
        for index in 0..<Self.cases {
            let draw = Draw(&g)
            let higher = draw.rate == 0 ? g.logUniform(1e-6, 0.05) : draw.rate * g.uniform(1, 3)
            let low = try cost(draw.job())
            let high = try cost(draw.job(rate: higher))
            XCTAssert(atMost(low, high), "case \(index): λ \(draw.rate) → \(low), λ \(higher) → \(high)")
            if high.isFinite { finite += 1 }
        }
        XCTAssertGreaterThan(finite, Self.cases / 2, "most cases compare finite costs")
    }

    func testMeanCostIsNonDecreasingInTheWork() throws {
        var g = Generator(state: 3)
        var finite = 0
        for index in 0..<Self.cases {
            let draw = Draw(&g)
            let longer = draw.work * g.uniform(1, 2)
            let short = try cost(draw.job())
            let long = try cost(draw.job(work: longer))
            XCTAssert(atMost(short, long), "case \(index): W \(draw.work) → \(short), W \(longer) → \(long)")
            if long.isFinite { finite += 1 }
        }
        XCTAssertGreaterThan(finite, Self.cases / 2, "most cases compare finite costs")
    }

    /// More nodes at the same per-node price: the gang is interrupted more often, so a node-hour of work
    /// never gets cheaper.
    func testLargerGangIsNeverCheaperPerNodeHour() throws {
        var g = Generator(state: 4)
        var finite = 0
        for index in 0..<Self.cases {
            let draw = Draw(&g)
            let bigger = draw.nodes + g.integer(1, 256)
            let small = try cost(draw.job()) / (Double(draw.nodes) * draw.work)
            let large = try cost(draw.job(nodes: bigger)) / (Double(bigger) * draw.work)
            XCTAssert(atMost(small, large), "case \(index): n \(draw.nodes) → \(small), n \(bigger) → \(large) per node-hour")
            if large.isFinite { finite += 1 }
        }
        XCTAssertGreaterThan(finite, Self.cases / 2, "most cases compare finite costs")
    }

    /// In the basic model the recommended interval (`W/N*`) is the exact fixed-interval optimum: no
    /// configured interval is cheaper, and the recommendation never picks a dearer candidate.
    func testRecommendedIntervalNeverCostsMoreThanTheConfiguredOne() throws {
        var g = Generator(state: 5)
        var compared = 0
        for index in 0..<Self.cases {
            let draw = Draw(&g)
            let job = try draw.job()
            let estimate = try SpotModel.estimate(job, method: .monteCarlo)
            guard estimate.optimum.recommendedSegments != nil else { continue }
            let recommended = try cost(draw.job(interval: .some(estimate.optimum.recommendedIntervalHours)))
            let configured = try cost(job)
            XCTAssert(atMost(recommended, configured),
                      "case \(index): recommended \(String(describing: estimate.optimum.recommendedIntervalHours)) → \(recommended), "
                      + "configured \(String(describing: job.checkpointIntervalHours)) → \(configured)")
            let candidates = estimate.recommendation.candidates
            let best = candidates.first { $0.name == estimate.recommendation.bestCandidate }
            XCTAssert(atMost(best?.meanCost ?? .infinity, candidates[0].meanCost ?? .infinity), "case \(index)")
            compared += 1
        }
        XCTAssertGreaterThan(compared, Self.cases / 2)
    }

    /// With a maximum runtime the recommended layout always fits: `R + s_max ≤ L + ε_t` (§9).
    func testRecommendedLayoutFitsTheMaximumRuntime() throws {
        var g = Generator(state: 6)
        for index in 0..<Self.cases {
            let draw = Draw(&g)
            let limit = g.uniform(1, 48)
            let job = try SpotJob(
                workHours: draw.work, nodes: draw.nodes, interruption: .rate(perInstanceHour: draw.rate),
                checkpointIntervalHours: draw.interval, checkpointWriteHours: draw.write, restartHours: draw.restart,
                priceSpotPerHour: draw.spotPerNode, priceOnDemandPerHour: draw.onDemandPerNode, maxRuntimeHours: limit, trials: 1)
            let optimum = try SpotModel.estimate(job, method: .monteCarlo).optimum
            guard let segments = optimum.recommendedSegments else { continue }
            let layout = SegmentLayout(workHours: job.workHours, interval: optimum.recommendedIntervalHours,
                                       writeHours: job.checkpointWriteHours)
            XCTAssertEqual(layout.segments, segments, "case \(index)")
            let longest = layout.segments >= 2 ? (layout.fullSegmentHours ?? 0) : layout.lastSegmentHours
            XCTAssertLessThanOrEqual(job.restartHours + longest, limit + 1e-9, "case \(index)")
        }
    }

    /// §10: `|MC mean − closed form| ≤ 5·sd/√T` in the basic model, for jobs whose sample sees enough
    /// interruptions (at least 100 expected over all trials) for the standard error to describe it: with
    /// rarer ones a sample without any interruption has `sd = 0` and misses the closed form's small tail.
    func testSimulationMeanAgreesWithTheClosedForm() throws {
        var g = Generator(state: 7)
        let trials = 4000
        var simulated = 0
        for index in 0..<80 {
            var draw = Draw(&g, zeroRateChance: 0)
            draw.rate = g.logUniform(1e-4, 0.05)
            let job = try draw.job(trials: trials, seed: g.next())
            let estimate = try SpotModel.estimate(job, method: .monteCarlo)
            guard let exact = estimate.mean.costSpot, let monteCarlo = estimate.monteCarlo,
                  (estimate.mean.interruptions ?? 0) * Double(trials) >= 100 else { continue }
            let bound = 5 * (monteCarlo.stdCost ?? 0) / Double(trials).squareRoot()
            XCTAssertLessThanOrEqual(abs(monteCarlo.meanCost - exact), bound,
                                     "case \(index): MC \(monteCarlo.meanCost), closed form \(exact)")
            simulated += 1
        }
        XCTAssertGreaterThanOrEqual(simulated, 30)
    }
}

/// The draws the properties are made of, on the shared deterministic generator.
private typealias Generator = SplitMix64

private extension SplitMix64 {
    mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * unit() }

    /// Log-uniform in `[low, high]`.
    mutating func logUniform(_ low: Double, _ high: Double) -> Double { exp(uniform(log(low), log(high))) }

    mutating func integer(_ low: Int, _ high: Int) -> Int { low + Int(next() % UInt64(high - low + 1)) }

    mutating func chance(_ p: Double) -> Bool { unit() < p }
}
