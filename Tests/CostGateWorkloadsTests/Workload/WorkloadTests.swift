import XCTest
@testable import CostGateWorkloads
@testable import CostGateBasics

final class WorkloadTests: XCTestCase {
    private let start = SourceLocation(file: "train.yaml", line: 1, column: 1)

    private func role(_ name: String, replicas: ReplicaRange, gpus: Int?, line: Int = 20, fraction: Decimal = 1) -> WorkloadRole {
        let accelerator = gpus.map {
            AcceleratorRequest(resource: "nvidia.com/gpu", model: GPUModel.normalize("h100"), count: $0, fraction: fraction,
                               location: SourceLocation(file: "train.yaml", line: line, column: 15))
        }
        return WorkloadRole(name: name, replicas: replicas, accelerator: accelerator, cpu: 4, memoryBytes: 16 << 30)
    }

    private func workload(_ roles: [WorkloadRole], apiVersion: String? = "kubeflow.org/v1", pattern: RunPattern = .oneOff) -> Workload {
        Workload(id: "PyTorchJob/ml/train", source: start, kind: "PyTorchJob", apiVersion: apiVersion, name: "train", namespace: "ml",
                 roles: roles, capacity: .spot, pattern: pattern, durationHours: 10, durationSource: .annotation)
    }

    func testAcceleratorsAreSummedOverRolesAtEachEndOfTheRange() {
        let job = workload([role("master", replicas: ReplicaRange(exactly: 1), gpus: 8),
                            role("launcher", replicas: ReplicaRange(exactly: 1), gpus: nil),
                            role("worker", replicas: ReplicaRange(min: 2, nominal: 3, max: 6), gpus: 8)])
        XCTAssertEqual(job.acceleratorCount, ReplicaRange(min: 24, nominal: 32, max: 56))
    }

    func testTheCostIsLocatedAtTheFirstAcceleratorRequestElseTheManifest() {
        let job = workload([role("launcher", replicas: ReplicaRange(exactly: 1), gpus: nil),
                            role("worker", replicas: ReplicaRange(exactly: 2), gpus: 4, line: 31),
                            role("evaluator", replicas: ReplicaRange(exactly: 1), gpus: 1, line: 44)])
        XCTAssertEqual(job.costLocation.line, 31, "where a reviewer changes the GPU count")
        XCTAssertEqual(workload([role("cpu", replicas: ReplicaRange(exactly: 1), gpus: nil)]).costLocation, start)
    }

    func testSbatchJobsAreNamedWithoutThePathTheirLocationShows() {
        var script = workload([], apiVersion: nil)
        script.kind = "SlurmJob"
        script.id = "slurm/slurm/train.sbatch#llm-pretrain"
        script.name = "llm-pretrain"
        XCTAssertEqual(script.displayName, "SlurmJob/llm-pretrain")
        XCTAssertEqual(workload([]).displayName, "PyTorchJob/ml/train")
    }

    func testOnlyRecurringWorkloadsHaveRunsPerMonth() {
        XCTAssertNil(workload([]).runsPerMonth)
        XCTAssertNil(workload([], pattern: .longRunning).runsPerMonth)
        XCTAssertEqual(workload([], pattern: .recurring(runsPerMonth: 30, month: "2026-11")).runsPerMonth, 30)
    }

    func testMIGSlicesArePricedAsTheirShareOfAWholeGPU() {
        let slice = AcceleratorRequest(resource: "nvidia.com/mig-3g.20gb", model: GPUModel.normalize("a100"), count: 7,
                                       fraction: Decimal(3) / 7)
        XCTAssertEqual(slice.equivalents.rounded(6), 3)
        XCTAssertEqual(AcceleratorRequest(resource: "nvidia.com/gpu", model: nil, count: 8).equivalents, 8)
    }

    func testReplicaRangesScaleAndAddWithoutTrapping() {
        let range = ReplicaRange(min: 1, nominal: 2, max: 4)
        XCTAssertEqual(range * 8, ReplicaRange(min: 8, nominal: 16, max: 32))
        XCTAssertEqual(range * -3, ReplicaRange(exactly: 0), "a negative factor from broken input counts as none")
        XCTAssertEqual(ReplicaRange(exactly: Int.max) * 2, ReplicaRange(exactly: Int.max))
        XCTAssertEqual(range + ReplicaRange(exactly: Int.max), ReplicaRange(exactly: Int.max))
        XCTAssertEqual(range + ReplicaRange(exactly: 1), ReplicaRange(min: 2, nominal: 3, max: 5))
    }

    func testMemoryIsReportedInGibibytesExactly() {
        var role = role("worker", replicas: ReplicaRange(exactly: 1), gpus: nil)
        role.memoryBytes = 3 << 29
        XCTAssertEqual(role.memoryGiB, Decimal(string: "1.5"))
        role.memoryBytes = 1
        XCTAssertEqual(role.memoryGiB * Decimal(1 << 30), 1, "the reciprocal of 2^30 is exact in decimal")
    }
}
