import Foundation
import XCTest
@testable import CostGateSpot

/// Spec §5 and §8: the exact expectations and their self-checks.
final class SpotDynamicProgrammeTests: XCTestCase {
    private func job(work: Double = 72, nodes: Int = 32, rate: Double = 2.635231e-4, tau: Double? = 1, write: Double = 0.05,
                     restart: Double = 0.25, beta: Double = 1, kMax: Int? = nil, limit: Double? = nil) throws -> SpotJob {
        try SpotJob(workHours: work, nodes: nodes, interruption: .rate(perInstanceHour: rate), checkpointIntervalHours: tau,
                    checkpointWriteHours: write, restartHours: restart, restartBilledFraction: beta, priceSpotPerHour: 30,
                    priceOnDemandPerHour: 98, fallbackAfterInterruptions: kMax, maxRuntimeHours: limit)
    }

    private func assertRelative(_ got: Double, _ want: Double, _ rtol: Double = 1e-9, _ message: String = "",
                                file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertLessThanOrEqual(abs(got - want), rtol * max(abs(want), 1e-12), "\(message): got \(got), want \(want)",
                                 file: file, line: line)
    }

    private func assertSame(_ a: SpotMoments, _ b: SpotMoments, _ rtol: Double = 1e-9, _ message: String = "",
                            file: StaticString = #filePath, line: UInt = #line) {
        assertRelative(a.wall, b.wall, rtol, message + " wall", file: file, line: line)
        assertRelative(a.run, b.run, rtol, message + " run", file: file, line: line)
        assertRelative(a.restart, b.restart, rtol, message + " restart", file: file, line: line)
        assertRelative(a.interruptions, b.interruptions, rtol, message + " K", file: file, line: line)
        XCTAssertEqual(a.onDemand, b.onDemand, accuracy: 1e-12, message + " od", file: file, line: line)
        XCTAssertEqual(a.forced, b.forced, accuracy: 1e-12, message + " forced", file: file, line: line)
    }

    private let cases: [(work: Double, nodes: Int, rate: Double, tau: Double?, restart: Double)] = [
        (24, 1, 3.468193e-05, nil, 0.25), (48, 8, 1.829197e-4, 1, 0.25), (72, 32, 2.635231e-4, 4, 0.25),
        (100, 128, 3.940850e-4, 0.25, 0.25), (30, 16, 0.02, 8, 0.25), (72, 32, 2.635231e-4, 1, 3), (10.3, 4, 0.005, 1, 0.25),
        (1.1, 2, 0.05, 0.1, 0.25), (8, 1, 0.192372, nil, 0.25),
    ]

    /// §8.1 without `k_max` reproduces §5 (the spec's self-check).
    func testMemorylessProgrammeEqualsClosedForm() throws {
        for c in cases {
            let s = SpotScenario(job: try job(work: c.work, nodes: c.nodes, rate: c.rate, tau: c.tau, restart: c.restart), interval: c.tau)
            assertSame(SpotDynamicProgramme.memoryless(s), SpotClosedForm.moments(s).moments, 1e-9, "W \(c.work) n \(c.nodes)")
        }
    }

    /// §8.2 with an `L` no incarnation can reach, run through the incarnation programme itself, equals §5.
    func testIncarnationProgrammeWithUnreachableLimitEqualsClosedForm() throws {
        for c in cases {
            let s = SpotScenario(job: try job(work: c.work, nodes: c.nodes, rate: c.rate, tau: c.tau, restart: c.restart,
                                              limit: 1e6), interval: c.tau)
            assertSame(SpotDynamicProgramme.Incarnations(s).moments(), SpotClosedForm.moments(s).moments, 1e-9, "W \(c.work)")
        }
    }

    /// A `k_max` that is practically never reached changes nothing (both programmes).
    func testUnreachableFallbackEqualsNoFallback() throws {
        for c in cases where c.rate < 0.01 {
            let s = SpotScenario(job: try job(work: c.work, nodes: c.nodes, rate: c.rate, tau: c.tau, restart: c.restart, kMax: 60),
                                 interval: c.tau)
            let exact = SpotClosedForm.moments(s).moments
            let programme = SpotDynamicProgramme.withFallback(s, kMax: 60)
            assertSame(programme, exact, 1e-9, "8.1 W \(c.work)")
            XCTAssertLessThan(programme.fallback, 1e-12)
            let limited = SpotScenario(job: try job(work: c.work, nodes: c.nodes, rate: c.rate, tau: c.tau, restart: c.restart,
                                                    kMax: 60, limit: 1e6), interval: c.tau)
            assertSame(SpotDynamicProgramme.Incarnations(limited).moments(), exact, 1e-9, "8.2 W \(c.work)")
        }
    }

    /// Fallback at the first interruption: `P(fallback) = E[K] = 1 − P(no interruption)`.
    func testFallbackAtFirstInterruption() throws {
        let s = SpotScenario(job: try job(work: 48, nodes: 8, rate: 3.940850e-4, tau: 1, kMax: 1), interval: 1)
        let m = SpotDynamicProgramme.withFallback(s, kMax: 1)
        let pNone = SpotClosedForm.moments(s).pNoInterruption
        assertRelative(m.fallback, 1 - pNone, 1e-12)
        assertRelative(m.interruptions, m.fallback, 1e-12)
        XCTAssertEqual(m.restart, 0, "the only restart is the on-demand one")
    }

    /// `λ = 0` with `L`: the deterministic run (V33: 60 h in 2 h segments, two forced stops).
    func testNoRandomInterruptionsOnlyTheLimit() throws {
        let s = SpotScenario(job: try job(work: 60, nodes: 1, rate: 0, tau: 2, limit: 24), interval: 2)
        let mean = try SpotDynamicProgramme.mean(s)
        XCTAssertEqual(mean.source, .dynamicProgramme)
        assertRelative(mean.wallHours!, 64.600000002)
        assertRelative(mean.runHours!, 64.100000002)
        XCTAssertEqual(mean.restartHours, 0.5)
        XCTAssertEqual(mean.interruptions, 2)
        XCTAssertEqual(mean.forcedInterruptions, 2)
    }

    /// §7.4: 30 segments of 0.8 h end exactly at `L = 24` and complete; the forced stop comes at `L + ε_t`.
    func testSegmentEndingExactlyAtTheLimitCompletes() throws {
        let s = SpotScenario(job: try job(work: 45, nodes: 1, rate: 0, tau: 0.75, limit: 24), interval: 0.75)
        let run = try XCTUnwrap(try SpotSimulation(scenario: s).deterministicRun())
        XCTAssertEqual(run.interruptions, 2)
        XCTAssertEqual(run.forced, 2)
        XCTAssertEqual(run.run, 48.500000002, accuracy: 1e-9)
        XCTAssertEqual(run.restart, 0.5)
        XCTAssertEqual(run.wall, 49.000000002, accuracy: 1e-9)
    }

    /// §7.6: without `k_max`, a segment that cannot fit after a restart means the job never completes.
    func testNeverCompletingJobs() throws {
        let random = SpotScenario(job: try job(work: 30, nodes: 4, rate: 0.001, tau: nil, limit: 24), interval: nil)
        XCTAssertTrue(random.neverCompletesWithRandomInterruptions)
        XCTAssertFalse(try SpotDynamicProgramme.mean(random).isFinite)
        let deterministic = SpotScenario(job: try job(work: 30, nodes: 4, rate: 0, tau: nil, limit: 24), interval: nil)
        XCTAssertNil(try SpotSimulation(scenario: deterministic).deterministicRun())
        XCTAssertFalse(try SpotDynamicProgramme.mean(deterministic).isFinite)
        // With a fallback every job completes.
        let fallback = SpotScenario(job: try job(work: 30, nodes: 4, rate: 0.001, tau: nil, kMax: 2, limit: 24), interval: nil)
        let mean = try SpotDynamicProgramme.mean(fallback)
        XCTAssertTrue(mean.isFinite)
        XCTAssertEqual(mean.fallbackProbability!, 1, accuracy: 1e-12, "the 30 h segment always hits the 24 h limit")
    }

    /// `Λ = 0` limits of §5.3.
    func testZeroRateLimits() throws {
        let plain = SpotScenario(job: try job(work: 10, nodes: 1, rate: 0, tau: nil), interval: nil)
        let mean = SpotClosedForm.mean(plain)
        XCTAssertEqual(mean.costSpot, 10 * 30, "exactly W·p_spot")
        XCTAssertEqual(mean.interruptions, 0)
        XCTAssertEqual(mean.pNoInterruption, 1)
        XCTAssertEqual(mean.restartHours, 0)
        let checkpointed = SpotScenario(job: try job(work: 10, nodes: 4, rate: 0, tau: 1), interval: 1)
        let withCheckpoints = SpotClosedForm.mean(checkpointed)
        XCTAssertEqual(withCheckpoints.runHours!, 10 + 9 * 0.05, accuracy: 1e-12)
        XCTAssertEqual(withCheckpoints.costSpot!, (10 + 9 * 0.05) * 30, accuracy: 1e-9)
    }

    /// `expm1` keeps the digits for tiny rates: `U ≈ W + Λ·W²/2` when `Λ·W ≪ 1`.
    func testTinyRatesKeepTheirDigits() throws {
        let s = SpotScenario(job: try job(work: 24, nodes: 1, rate: 1e-9, tau: nil), interval: nil)
        let m = SpotClosedForm.moments(s).moments
        assertRelative(m.run - 24, 1e-9 * 24 * 24 / 2, 1e-6, "the excess over W")
    }

    /// §5.3: an overflowing `expm1` reports an infinite expectation, not NaN.
    func testOverflowIsInfinite() throws {
        let s = SpotScenario(job: try job(work: 2000, nodes: 1000, rate: 0.5, tau: nil), interval: nil)
        let mean = SpotClosedForm.mean(s)
        XCTAssertFalse(mean.isFinite)
        XCTAssertNil(mean.costSpot)
        XCTAssertNil(mean.savings)
        XCTAssertEqual(mean.costOnDemand, 2000 * 98)
        let estimate = try SpotModel.estimate(try SpotJob(workHours: 2000, nodes: 1000, interruption: .rate(perInstanceHour: 0.5),
                                                          priceSpotPerHour: 30, priceOnDemandPerHour: 98, trials: 10))
        XCTAssertFalse(estimate.completes)
        XCTAssertNil(estimate.monteCarlo)
        XCTAssertNoThrow(try JSONEncoder().encode(estimate), "infinite values encode as null")
    }
}

