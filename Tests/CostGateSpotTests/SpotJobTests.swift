import Foundation
import XCTest
@testable import CostGateSpot

/// Spec §3: inputs, validation, defaults and the job file.
final class SpotJobTests: XCTestCase {
    private let rate = InterruptionSource.rate(perInstanceHour: 0.001)

    func testDefaults() throws {
        let job = try SpotJob(workHours: 10, interruption: rate, priceSpotPerHour: 3, priceOnDemandPerHour: 10)
        XCTAssertEqual(job.nodes, 1)
        XCTAssertNil(job.checkpointIntervalHours)
        XCTAssertEqual(job.checkpointWriteHours, 0.05)
        XCTAssertEqual(job.restartHours, 0.25)
        XCTAssertEqual(job.restartBilledFraction, 1)
        XCTAssertNil(job.fallbackAfterInterruptions)
        XCTAssertNil(job.maxRuntimeHours)
        XCTAssertNil(job.budget)
        XCTAssertEqual(job.minSavingsFraction, 0)
        XCTAssertEqual(job.trials, 100_000)
        XCTAssertEqual(job.seed, 42)
        XCTAssertEqual(job.onDemandCost, 100)
    }

    func testValidation() {
        func field(_ make: () throws -> SpotJob) -> String? {
            do {
                _ = try make()
                return nil
            } catch let error as SpotError {
                if case .invalidValue(let field, _, _) = error { return field }
                if case .tooManySegments(let field, _, _) = error { return field }
                return "\(error)"
            } catch {
                return "unexpected \(error)"
            }
        }
        let r = rate
        XCTAssertEqual(field { try SpotJob(workHours: 0, interruption: r, priceSpotPerHour: 1, priceOnDemandPerHour: 1) }, "work_hours")
        XCTAssertEqual(field { try SpotJob(workHours: .nan, interruption: r, priceSpotPerHour: 1, priceOnDemandPerHour: 1) }, "work_hours")
        XCTAssertEqual(field { try SpotJob(workHours: 1, nodes: 0, interruption: r, priceSpotPerHour: 1, priceOnDemandPerHour: 1) }, "nodes")
        XCTAssertEqual(field { try SpotJob(workHours: 1, interruption: .rate(perInstanceHour: -1), priceSpotPerHour: 1,
                                           priceOnDemandPerHour: 1) }, "interruption.rate_per_instance_hour")
        XCTAssertEqual(field { try SpotJob(workHours: 1, interruption: .band(.under5, provider: .aws, windowHours: 0),
                                           priceSpotPerHour: 1, priceOnDemandPerHour: 1) }, "interruption.window_hours")
        XCTAssertEqual(field { try SpotJob(workHours: 1, interruption: r, checkpointIntervalHours: 0, priceSpotPerHour: 1,
                                           priceOnDemandPerHour: 1) }, "checkpoint_interval_hours")
        XCTAssertEqual(field { try SpotJob(workHours: 1e4, interruption: r, checkpointIntervalHours: 1e-4, priceSpotPerHour: 1,
                                           priceOnDemandPerHour: 1) }, "checkpoint_interval_hours")
        XCTAssertEqual(field { try SpotJob(workHours: 1, interruption: r, checkpointWriteHours: -0.1, priceSpotPerHour: 1,
                                           priceOnDemandPerHour: 1) }, "checkpoint_write_hours")
        XCTAssertEqual(field { try SpotJob(workHours: 1, interruption: r, restartHours: -1, priceSpotPerHour: 1,
                                           priceOnDemandPerHour: 1) }, "restart_hours")
        XCTAssertEqual(field { try SpotJob(workHours: 1, interruption: r, restartBilledFraction: 1.5, priceSpotPerHour: 1,
                                           priceOnDemandPerHour: 1) }, "restart_billed_fraction")
        XCTAssertEqual(field { try SpotJob(workHours: 1, interruption: r, priceSpotPerHour: -1, priceOnDemandPerHour: 1) },
                       "price_spot_per_hour")
        XCTAssertEqual(field { try SpotJob(workHours: 1, interruption: r, priceSpotPerHour: 1, priceOnDemandPerHour: .infinity) },
                       "price_on_demand_per_hour")
        XCTAssertEqual(field { try SpotJob(workHours: 1, interruption: r, priceSpotPerHour: 1, priceOnDemandPerHour: 1,
                                           fallbackAfterInterruptions: 0) }, "fallback_after_interruptions")
        XCTAssertEqual(field { try SpotJob(workHours: 1, interruption: r, priceSpotPerHour: 1, priceOnDemandPerHour: 1,
                                           maxRuntimeHours: 0) }, "max_runtime_hours")
        XCTAssertEqual(field { try SpotJob(workHours: 1, interruption: r, priceSpotPerHour: 1, priceOnDemandPerHour: 1, budget: -5) },
                       "budget")
        XCTAssertEqual(field { try SpotJob(workHours: 1, interruption: r, priceSpotPerHour: 1, priceOnDemandPerHour: 1,
                                           minSavingsFraction: 1) }, "min_savings_fraction")
        XCTAssertEqual(field { try SpotJob(workHours: 1, interruption: r, priceSpotPerHour: 1, priceOnDemandPerHour: 1, trials: 0) },
                       "trials")
        XCTAssertNil(field { try SpotJob(workHours: 1, interruption: .rate(perInstanceHour: 0), priceSpotPerHour: 0,
                                         priceOnDemandPerHour: 0, budget: 0) })
    }

    func testErrorMessagesFollowTheStyleGuide() {
        let error = SpotError.invalidValue(field: "work_hours", value: "-3.0", requirement: "must be a number > 0")
        XCTAssertEqual(error.message, "'work_hours' must be a number > 0, found '-3.0'")
        for message in [error.message, SpotError.unknownProvider(field: "interruption.provider", name: "gcp").message,
                        SpotError.tooManyInterruptions(trial: 3, limit: 10).message] {
            XCTAssertFalse(message.hasSuffix("."), message)
            XCTAssertEqual(message.first.map { String($0) }, message.first.map { String($0).lowercased() }, message)
        }
    }

    func testDecodingAMinimalJobFileUsesDefaults() throws {
        let json = #"{"work_hours": 24, "interruption": {"band": "5-10%", "provider": "aws"}, "price_spot_per_hour": 12, "price_on_demand_per_hour": 40, "checkpoint_write_hours": null}"#
        let job = try JSONDecoder().decode(SpotJob.self, from: Data(json.utf8))
        XCTAssertEqual(job, try SpotJob(workHours: 24, interruption: .band(.from5To10, provider: .aws), priceSpotPerHour: 12,
                                        priceOnDemandPerHour: 40))
    }

    func testDecodingRejectsWrongTypesAndBadValues() {
        let wrongType = #"{"work_hours": "24", "interruption": {"rate_per_instance_hour": 0}, "price_spot_per_hour": 1, "price_on_demand_per_hour": 2}"#
        XCTAssertThrowsError(try JSONDecoder().decode(SpotJob.self, from: Data(wrongType.utf8))) { error in
            XCTAssertTrue(error is DecodingError, "\(error)")
        }
        let badValue = #"{"work_hours": 24, "nodes": 0, "interruption": {"rate_per_instance_hour": 0}, "price_spot_per_hour": 1, "price_on_demand_per_hour": 2}"#
        XCTAssertThrowsError(try JSONDecoder().decode(SpotJob.self, from: Data(badValue.utf8))) { error in
            guard case .invalidValue(let field, _, _)? = error as? SpotError else { return XCTFail("\(error)") }
            XCTAssertEqual(field, "nodes")
        }
        let missing = #"{"work_hours": 24, "interruption": {"rate_per_instance_hour": 0}, "price_spot_per_hour": 1}"#
        XCTAssertThrowsError(try JSONDecoder().decode(SpotJob.self, from: Data(missing.utf8)))
    }

    func testLargeSeedsRoundTrip() throws {
        let job = try SpotJob(workHours: 1, interruption: rate, priceSpotPerHour: 1, priceOnDemandPerHour: 2, seed: .max)
        let decoded = try JSONDecoder().decode(SpotJob.self, from: JSONEncoder().encode(job))
        XCTAssertEqual(decoded.seed, .max)
    }
}
