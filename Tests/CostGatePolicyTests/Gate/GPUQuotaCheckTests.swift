import XCTest
@testable import CostGatePolicy
@testable import CostGateWorkloads

final class GPUQuotaCheckTests: XCTestCase {
    private typealias F = GateCheckFixture

    private func subject(_ workload: Workload, exceptions: String = "") throws -> CheckedWorkload {
        let policy = try F.policy("teams:\n  - name: ml\n    match: {namespaces: [ml]}\n    quota: {gpusPerWorkload: 16}\n" + exceptions)
        return F.subject(F.estimate(workload, expected: 1), in: policy)
    }

    func testTheLargestScaleIsCountedAgainstTheCap() throws {
        let elastic = try subject(F.workload(gpus: 8, replicas: ReplicaRange(min: 1, nominal: 2, max: 3)))
        XCTAssertEqual(GPUQuotaCheck.gpus(elastic), 24)
        XCTAssertEqual(GPUQuotaCheck.violations(elastic),
                       [Violation("gpu-quota", .deny, "Job/ml/train uses up to 24 accelerators; team 'ml' allows 16 per workload", at: F.gpuLine)])
    }

    func testAtTheCapPasses() throws {
        XCTAssertEqual(GPUQuotaCheck.violations(try subject(F.workload(gpus: 8, replicas: ReplicaRange(exactly: 2)))), [])
    }

    func testAnExceptionRaisesTheCapForTheWorkloadsItNames() throws {
        let raise = "exceptions:\n  - {workload: Job/ml/train, gpusPerWorkload: 32, reason: scale test, expires: 2026-12-31}\n"
        let named = try subject(F.workload(gpus: 8, replicas: ReplicaRange(exactly: 3)), exceptions: raise)
        XCTAssertEqual(GPUQuotaCheck.cap(named), 32)
        XCTAssertEqual(GPUQuotaCheck.violations(named), [])
        let other = try subject(F.workload("eval", gpus: 8, replicas: ReplicaRange(exactly: 3)), exceptions: raise)
        XCTAssertEqual(GPUQuotaCheck.violations(other).count, 1)
    }
}
