import XCTest
@testable import CostGateSpot

/// Spec §7 and the property tests of §10.
final class SpotSimulationTests: XCTestCase {
    /// A small deterministic generator for test inputs (not the model's generator).
    private struct InputGenerator {
        var state: UInt64
        mutating func unit() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) * 0x1p-53
        }
        mutating func pick<T>(_ values: [T]) -> T { values[Int(unit() * Double(values.count)) % values.count] }
    }

    /// `Λ = 0`, no checkpoints: every trial costs exactly `W·p_spot`.
    func testZeroRateEveryTrialCostsWorkTimesSpotPrice() throws {
        var inputs = InputGenerator(state: 7)
        for _ in 0..<20 {
            let work = 0.5 + 100 * inputs.unit()
            let price = 1000 * inputs.unit()
            let job = try SpotJob(workHours: work, nodes: inputs.pick([1, 8, 128]), interruption: .rate(perInstanceHour: 0),
                                  priceSpotPerHour: price, priceOnDemandPerHour: price * 2, trials: 50)
            let sample = try SpotSimulation(scenario: SpotScenario(job: job, interval: nil)).run(trials: 50, seed: 1)
            XCTAssertTrue(sample.costs.allSatisfy { $0 == work * price }, "W \(work) p \(price)")
            XCTAssertTrue(sample.walls.allSatisfy { $0 == work })
            XCTAssertEqual(sample.interruptions, 0)
            XCTAssertEqual(sample.uninterrupted, 50)
        }
    }

    /// Basic model on random inputs: `|MC mean − closed form| ≤ 5·sd/sqrt(T)`.
    func testSimulationAgreesWithClosedForm() throws {
        var inputs = InputGenerator(state: 2024)
        let trials = 20_000
        for index in 0..<12 {
            let work = 1 + 150 * inputs.unit()
            let tau: Double? = inputs.unit() < 0.25 ? nil : work / (1 + 60 * inputs.unit())
            let job = try SpotJob(
                workHours: work, nodes: inputs.pick([1, 4, 16, 64]), interruption: .rate(perInstanceHour: 0.0005 + 0.01 * inputs.unit()),
                checkpointIntervalHours: tau, checkpointWriteHours: 0.2 * inputs.unit(), restartHours: 2 * inputs.unit(),
                restartBilledFraction: inputs.unit(), priceSpotPerHour: 10, priceOnDemandPerHour: 30, trials: trials)
            let scenario = SpotScenario(job: job, interval: tau)
            let exact = SpotClosedForm.mean(scenario)
            guard exact.expectedInterruptions < 50 else { continue }
            let mc = SpotMonteCarlo(sample: try SpotSimulation(scenario: scenario).run(trials: trials, seed: UInt64(index)))
            let costError = 5 * (mc.stdCost ?? 0) / Double(trials).squareRoot()
            let wallError = 5 * (mc.stdWall ?? 0) / Double(trials).squareRoot()
            XCTAssertEqual(mc.meanCost, exact.costSpot!, accuracy: max(costError, 1e-9), "case \(index)")
            XCTAssertEqual(mc.meanWall, exact.wallHours!, accuracy: max(wallError, 1e-9), "case \(index)")
        }
    }

    /// With `k_max` and `L` the exact programme and the simulation agree within 5 standard errors.
    func testSimulationAgreesWithDynamicProgramme() throws {
        var inputs = InputGenerator(state: 99)
        let trials = 20_000
        var compared = 0
        for index in 0..<16 {
            let work = 5 + 150 * inputs.unit()
            let tau: Double? = inputs.unit() < 0.2 ? nil : 0.25 + 6 * inputs.unit()
            let kMax: Int? = inputs.unit() < 0.5 ? inputs.pick([1, 2, 3, 5, 10]) : nil
            let limit: Double? = kMax == nil || inputs.unit() < 0.6 ? inputs.pick([8.0, 12, 24]) : nil
            let job = try SpotJob(
                workHours: work, nodes: inputs.pick([1, 4, 16]), interruption: .rate(perInstanceHour: 0.001 + 0.01 * inputs.unit()),
                checkpointIntervalHours: tau, restartHours: inputs.pick([0.1, 0.25, 1]), restartBilledFraction: inputs.pick([0.5, 1]),
                priceSpotPerHour: 10, priceOnDemandPerHour: 30, fallbackAfterInterruptions: kMax, maxRuntimeHours: limit,
                trials: trials)
            let scenario = SpotScenario(job: job, interval: tau)
            let exact = try SpotDynamicProgramme.mean(scenario)
            guard exact.isFinite, exact.expectedInterruptions < 100 else { continue }
            let sample = try SpotSimulation(scenario: scenario).run(trials: trials, seed: UInt64(1000 + index))
            let mc = SpotMonteCarlo(sample: sample)
            let costError = 5 * (mc.stdCost ?? 0) / Double(trials).squareRoot()
            let wallError = 5 * (mc.stdWall ?? 0) / Double(trials).squareRoot()
            let label = "case \(index): W \(work) tau \(String(describing: tau)) k \(String(describing: kMax)) L \(String(describing: limit))"
            XCTAssertEqual(mc.meanCost, exact.costSpot!, accuracy: max(costError, 1e-9 * exact.costSpot!), label)
            XCTAssertEqual(mc.meanWall, exact.wallHours!, accuracy: max(wallError, 1e-9 * exact.wallHours!), label)
            if let kMax { XCTAssertLessThanOrEqual(sample.interruptions, kMax * trials, "K ≤ k_max per trial") }
            compared += 1
        }
        XCTAssertGreaterThan(compared, 8)
    }

    /// Trials use their own streams: any trial can be replayed alone, and the whole run is deterministic.
    func testTrialsAreIndependentOfBatching() throws {
        let job = try SpotJob(workHours: 48, nodes: 8, interruption: .band(.over20, provider: .aws), checkpointIntervalHours: 1,
                              priceSpotPerHour: 96, priceOnDemandPerHour: 320, fallbackAfterInterruptions: 2, maxRuntimeHours: 24)
        let simulation = SpotSimulation(scenario: SpotScenario(job: job, interval: 1))
        let sample = try simulation.run(trials: 500, seed: 9)
        for j in [0, 1, 77, 499] {
            let alone = try XCTUnwrap(try simulation.trial(j, seed: 9, stopWhenStalled: false))
            XCTAssertEqual(alone.cost, sample.costs[j])
            XCTAssertEqual(alone.wall, sample.walls[j])
        }
        let again = try simulation.run(trials: 500, seed: 9)
        XCTAssertEqual(again.costs, sample.costs)
        XCTAssertNotEqual(try simulation.run(trials: 500, seed: 10).costs, sample.costs)
    }

    /// §7.7: a job with more than 10^4 expected interruptions is not simulated.
    func testHopelessJobIsNotSimulated() throws {
        let job = try SpotJob(workHours: 10, nodes: 64, interruption: .rate(perInstanceHour: 0.1), checkpointIntervalHours: 0.5,
                              checkpointWriteHours: 0.5, priceSpotPerHour: 768, priceOnDemandPerHour: 2560)
        let estimate = try SpotModel.estimate(job, method: .monteCarlo)
        XCTAssertTrue(estimate.completes)
        XCTAssertNil(estimate.monteCarlo)
        XCTAssertEqual(estimate.monteCarloSkipped, .expectedInterruptionsAboveLimit)
        XCTAssertEqual(estimate.mean.interruptions!, 56_660.65, accuracy: 0.01)
        XCTAssertEqual(estimate.optimum.dalyHours, estimate.mtbiHours, "δ ≥ 2M: Daly returns M")
    }

    /// The summary of a tiny hand-made sample: nearest-rank quantiles, `T − 1` standard deviation.
    func testSummaryOfAHandMadeSample() {
        let costs = (1...10).map(Double.init).reversed().map { $0 }
        let sample = SpotSimulation.Sample(costs: costs, walls: costs.map { $0 / 2 }, interruptions: 7, forced: 2, fallbacks: 1,
                                           uninterrupted: 4)
        let mc = SpotMonteCarlo(sample: sample)
        XCTAssertEqual(mc.meanCost, 5.5)
        XCTAssertEqual(mc.stdCost!, (82.5 / 9).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(mc.p50Cost, 5)
        XCTAssertEqual(mc.p90Cost, 9)
        XCTAssertEqual(mc.p99Cost, 10)
        XCTAssertEqual(mc.p50Wall, 2.5)
        XCTAssertEqual(mc.meanInterruptions, 0.7)
        XCTAssertEqual(mc.meanForced, 0.2)
        XCTAssertEqual(mc.fallbackFraction, 0.1)
        XCTAssertEqual(mc.pNoInterruption, 0.4)
        let single = SpotMonteCarlo(sample: SpotSimulation.Sample(costs: [3], walls: [1], interruptions: 0, forced: 0, fallbacks: 0,
                                                                  uninterrupted: 1))
        XCTAssertNil(single.stdCost, "undefined for one trial")
        XCTAssertEqual(single.p99Cost, 3)
    }
}
