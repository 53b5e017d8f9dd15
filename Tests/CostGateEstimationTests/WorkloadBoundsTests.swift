import XCTest
@testable import CostGateEstimation
@testable import CostGateBasics
@testable import CostGateWorkloads
@testable import CostGatePricing

final class WorkloadBoundsTests: XCTestCase {
    private func job(replicas: ReplicaRange = ReplicaRange(exactly: 2), gpus: Int = 8, hours: Decimal = 10,
                     arrayTasks: Int? = nil) -> Workload {
        let role = WorkloadRole(name: "worker", replicas: replicas,
                                accelerator: AcceleratorRequest(resource: "nvidia.com/gpu", model: GPUModel.normalize("a100"), count: gpus,
                                                                location: SourceLocation(file: "job.yaml", line: 12, column: 9)),
                                cpu: 8, memoryBytes: 64 << 30)
        return Workload(id: "Job/ml/train", source: SourceLocation(file: "job.yaml", line: 1, column: 1), kind: "Job", apiVersion: "batch/v1",
                        name: "train", namespace: "ml", roles: [role], capacity: .onDemand, pattern: .oneOff, durationHours: hours,
                        durationSource: .annotation, arrayTasks: arrayTasks)
    }

    func testARealWorkloadIsWithinBounds() {
        XCTAssertNil(WorkloadBounds.violation(of: job(replicas: ReplicaRange(min: 1, nominal: 512, max: 4096), gpus: 8, hours: 2160)))
        XCTAssertNil(WorkloadBounds.violation(of: job(arrayTasks: 1_000_000)))
    }

    func testEachFigureBeyondItsBoundIsNamedWithItsValueAndLimit() throws {
        let replicas = try XCTUnwrap(WorkloadBounds.violation(of: job(replicas: ReplicaRange(min: 1, nominal: 1, max: 1_000_001))))
        XCTAssertEqual(replicas.summary, "replicas of 'worker' 1000001 out of range")
        XCTAssertEqual(replicas.reason, "out-of-range")
        XCTAssertEqual(replicas.location.line, 1)

        let devices = try XCTUnwrap(WorkloadBounds.violation(of: job(gpus: 4_097)))
        XCTAssertEqual(devices.location.line, 12, "at the accelerator request")
        XCTAssertTrue(devices.message.contains("accelerators per replica of 'worker' 4097 is more than costgate prices (at most 4096)"),
                      devices.message)

        XCTAssertNotNil(WorkloadBounds.violation(of: job(arrayTasks: 4_000_002)))
        let hours = try XCTUnwrap(WorkloadBounds.violation(of: job(hours: 87_601)))
        XCTAssertEqual(hours.summary, "run time (hours) 87601 out of range")
    }

    func testTheEstimatorKeepsTheWorkloadAsUnpriced() {
        guard case .unpriced(let unpriced) = Estimator(settings: PricingSettings()).price(job(gpus: 1_000_000)) else {
            return XCTFail("priced a workload of a million GPUs per pod")
        }
        XCTAssertEqual(unpriced.error.reason, "out-of-range")
        XCTAssertEqual(unpriced.workload.id, "Job/ml/train")
    }
}
