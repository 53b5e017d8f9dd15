import Foundation
import XCTest
import CostGateTestSupport
@testable import CostGateSpot

/// The exact distribution (`SpotDistribution`) against the §7 simulation: on seeded random jobs —
/// single nodes to gangs of 1,000, no interruption to hundreds per run, frequent and no checkpoints,
/// restarts billed or not — every quantile of the exact method lies inside the acceptance range of
/// 100,000 simulated trials (§10, ranks `p ± 7·sqrt(p(1−p)/T)`).
final class SpotDistributionTests: XCTestCase {
    private static let cases = 300
    private static let trials = 100_000

    /// A random basic job (no `k_max`, no `L`) with `E[K]` per run in `interruptions`.
    private static func randomJob(_ g: inout SplitMix64, interruptions: ClosedRange<Double>) throws -> SpotJob {
        while true {
            let work = g.logUniform(0.5, 200)
            let nodes = g.chance(0.3) ? Int(g.logUniform(64, 1024)) : Int(g.logUniform(1, 64))
            let rate = g.chance(0.05) ? 0 : g.logUniform(1e-5, 0.05)
            let interval: Double? = g.chance(0.3) ? nil : g.logUniform(0.05, work)
            let write = g.chance(0.1) ? 0 : g.logUniform(0.005, 0.5)
            let restart = g.chance(0.1) ? 0 : g.uniform(0.02, 3)
            let billed = [1.0, 1.0, 0.5, 0, g.unit()][Int(g.next() % 5)]
            let spot = g.uniform(0.5, 40)
            let job = try SpotJob(workHours: work, nodes: nodes, interruption: .rate(perInstanceHour: rate),
                                  checkpointIntervalHours: interval, checkpointWriteHours: write, restartHours: restart,
                                  restartBilledFraction: billed, priceSpotPerHour: Double(nodes) * spot,
                                  priceOnDemandPerHour: Double(nodes) * spot * 3, trials: trials, seed: g.next())
            let mean = try SpotModel.mean(job)
            if mean.isFinite, interruptions.contains(mean.expectedInterruptions) { return job }
        }
    }

    func testExactQuantilesInsideTheSimulationsAcceptanceRanges() throws {
        var g = SplitMix64(state: 2026)
        var jobs: [SpotJob] = []
        for index in 0..<Self.cases {
            // A fifth of the cases with many interruptions (gangs of hundreds, Azure-like rates).
            jobs.append(try Self.randomJob(&g, interruptions: index % 5 == 0 ? 10...300 : 0...30))
        }
        let manyInterruptions = try jobs.filter { try SpotModel.mean($0).expectedInterruptions >= 10 }.count
        let largeGangs = jobs.filter { $0.nodes >= 128 }.count
        XCTAssertGreaterThanOrEqual(manyInterruptions, 30, "cases with at least 10 interruptions per run")
        XCTAssertGreaterThanOrEqual(largeGangs, 30, "cases with gangs of 128 nodes or more")

        try check(jobs)
    }

    /// A maximum runtime (GKE preemptible) that binds: forced interruptions every incarnation, random ones
    /// between them, ties at the limit; no fallback.
    func testMaxRuntimeQuantilesInsideTheSimulationsAcceptanceRanges() throws {
        var g = SplitMix64(state: 24)
        var jobs: [SpotJob] = []
        while jobs.count < Self.maxRuntimeCases {
            let limit = [24.0, 24, 12, 6, g.uniform(4, 48)][Int(g.next() % 5)]
            let work = g.uniform(limit * 0.6, limit * 8)
            let nodes = g.chance(0.3) ? Int(g.logUniform(16, 256)) : Int(g.logUniform(1, 16))
            let rate = g.logUniform(1e-5, 0.01)
            let restart = g.chance(0.1) ? 0 : g.uniform(0.05, 1)
            let write = g.chance(0.1) ? 0 : g.logUniform(0.005, 0.2)
            // Tie cases: segments that end exactly at the limit (τ + δ dividing L − R).
            let interval = g.chance(0.2) ? (limit - restart) / Double(Int(g.uniform(2, 12))) - write : g.uniform(0.1, limit / 2)
            guard interval > 0.01 else { continue }
            let billed = [1.0, 1.0, 0.5, 0][Int(g.next() % 4)]
            let spot = g.uniform(0.5, 40)
            let job = try SpotJob(workHours: work, nodes: nodes, interruption: .rate(perInstanceHour: rate),
                                  checkpointIntervalHours: interval, checkpointWriteHours: write, restartHours: restart,
                                  restartBilledFraction: billed, priceSpotPerHour: Double(nodes) * spot,
                                  priceOnDemandPerHour: Double(nodes) * spot * 3, maxRuntimeHours: limit, trials: Self.trials,
                                  seed: g.next())
            let scenario = SpotScenario(job: job, interval: interval)
            let mean = try SpotModel.mean(job)
            guard mean.isFinite, !scenario.maxRuntimeNeverBinds, mean.expectedInterruptions <= 200 else { continue }
            jobs.append(job)
        }
        let exact = try jobs.filter { job in
            let scenario = SpotScenario(job: job, interval: job.checkpointIntervalHours)
            return try SpotQuantiles(runtime: scenario, mean: SpotModel.mean(job), memo: nil) != nil
        }
        XCTAssertEqual(exact.count, jobs.count, "every job with a binding limit and no fallback has the exact distribution")
        try check(jobs)
    }

    private static let maxRuntimeCases = 150

    /// Every exact quantile (the method `estimate` and `spot` use) inside the 100,000-trial acceptance ranges.
    private func check(_ jobs: [SpotJob]) throws {
        // The simulations on all cores: each is independent of the others.
        let failures = ConcurrentFailures()
        let cases = jobs
        DispatchQueue.concurrentPerform(iterations: cases.count) { index in
            let job = cases[index]
            do {
                let scenario = SpotScenario(job: job, interval: job.checkpointIntervalHours)
                let mean = try SpotModel.expectation(scenario)
                let simulated = try SpotModel.simulate(scenario, job: job)
                let accept = SpotMonteCarloAcceptance(monteCarlo: simulated, mean: mean)
                let (exact, _) = try SpotModel.spread(scenario, job: job, mean: mean, method: .exact)
                guard exact.method == .exact else {
                    failures.add("case \(index): simulated, not exact")
                    return
                }
                let checks: [(String, Double, [Double])] = [
                    ("p50 cost", exact.p50Cost, accept.p50CostRange), ("p90 cost", exact.p90Cost, accept.p90CostRange),
                    ("p99 cost", exact.p99Cost, accept.p99CostRange), ("p50 wall", exact.p50Wall, accept.p50WallRange),
                    ("p90 wall", exact.p90Wall, accept.p90WallRange), ("p99 wall", exact.p99Wall, accept.p99WallRange),
                ]
                for (name, value, range) in checks where !(range[0] <= value && value <= range[1]) {
                    failures.add("case \(index) \(name): exact \(value), simulated \(range) — W \(job.workHours), n \(job.nodes), "
                                 + "λ \(job.ratePerInstanceHour), τ \(job.checkpointIntervalHours.map { "\($0)" } ?? "none"), "
                                 + "δ \(job.checkpointWriteHours), R \(job.restartHours), β \(job.restartBilledFraction), "
                                 + "E[K] \(mean.expectedInterruptions)")
                }
            } catch {
                failures.add("case \(index): \(error)")
            }
        }
        let found = failures.all
        XCTAssert(found.isEmpty, "\(found.count) quantiles outside: " + found.prefix(20).joined(separator: "\n"))
    }

    /// The atom of the uninterrupted run is exact: the same bits as the simulation's.
    func testUninterruptedRunIsExact() throws {
        let job = try SpotJob(workHours: 48, nodes: 8, interruption: .band(.from10To15, provider: .aws),
                              checkpointIntervalHours: 1, priceSpotPerHour: 96, priceOnDemandPerHour: 320)
        let estimate = try SpotModel.estimate(job, method: .exact)
        let simulated = try SpotModel.estimate(job, method: .monteCarlo)
        let exact = try XCTUnwrap(estimate.quantiles)
        XCTAssertEqual(exact.method, .exact)
        XCTAssertNil(estimate.monteCarlo)
        XCTAssertEqual(exact.p50Cost, simulated.monteCarlo?.p50Cost)
        XCTAssertEqual(exact.p90Cost, simulated.monteCarlo?.p90Cost)
        XCTAssertEqual(exact.p50Wall, simulated.monteCarlo?.p50Wall)
    }

    /// Without interruptions every quantile is the uninterrupted run.
    func testZeroRate() throws {
        let job = try SpotJob(workHours: 10, nodes: 4, interruption: .rate(perInstanceHour: 0), checkpointIntervalHours: 1,
                              priceSpotPerHour: 30, priceOnDemandPerHour: 98)
        let q = try XCTUnwrap(try SpotModel.estimate(job).quantiles)
        XCTAssertEqual([q.p50Cost, q.p90Cost, q.p99Cost], [313.5, 313.5, 313.5].map { $0 }, accuracy: 1e-9)
        XCTAssertEqual(q.p99Wall, 10.45, accuracy: 1e-12)
    }

    /// `k_max` is simulated even when the exact method is asked for.
    func testFallbackIsSimulated() throws {
        let job = try SpotJob(workHours: 100, interruption: .rate(perInstanceHour: 0.005), checkpointIntervalHours: 1,
                              priceSpotPerHour: 12, priceOnDemandPerHour: 40, fallbackAfterInterruptions: 3, trials: 2000)
        let estimate = try SpotModel.estimate(job, method: .exact)
        XCTAssertEqual(estimate.quantiles?.method, .monteCarlo)
        XCTAssertEqual(estimate.quantiles?.p90Cost, estimate.monteCarlo?.p90Cost)
    }
}

/// Failure messages collected from concurrent iterations.
private final class ConcurrentFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []

    func add(_ message: String) {
        lock.lock()
        messages.append(message)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return messages
    }
}

private func XCTAssertEqual(_ a: [Double], _ b: [Double], accuracy: Double, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, file: file, line: line)
    for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, file: file, line: line) }
}

private extension SplitMix64 {
    mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * unit() }
    mutating func logUniform(_ low: Double, _ high: Double) -> Double { exp(uniform(log(low), log(high))) }
    mutating func chance(_ p: Double) -> Bool { unit() < p }
}
