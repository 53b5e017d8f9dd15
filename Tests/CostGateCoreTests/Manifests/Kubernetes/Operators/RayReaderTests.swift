import Foundation
import XCTest
@testable import CostGateCore
@testable import CostGateWorkloads

final class RayReaderTests: XCTestCase {
    func testAutoscalingClusterIsARangeAndAMissingMaxIsFlagged() throws {
        let reading = try OperatorFixtures.read("raycluster-autoscaling-no-max.yaml")
        let workload = try XCTUnwrap(reading.workloads.first)
        XCTAssertEqual(workload.id, "RayCluster/ml/research")
        XCTAssertEqual(workload.pattern, .longRunning)
        XCTAssertEqual(workload.durationSource, .month)
        XCTAssertEqual(workload.roles.map(\.name), ["head", "gpu", "cpu"])
        XCTAssertEqual(try workload.role("head").replicas, ReplicaRange(exactly: 1))
        XCTAssertNil(try workload.role("head").accelerator, "rayStartParams num-gpus is not a pod GPU")
        XCTAssertEqual(try workload.role("gpu").replicas, ReplicaRange(min: 1, nominal: 2, max: 4))
        // replicas unset → minReplicas; no maxReplicas → unbounded, the maximum priced as the nominal.
        XCTAssertEqual(try workload.role("cpu").replicas, ReplicaRange(min: 1, nominal: 1, max: 1))
        XCTAssertEqual(workload.acceleratorCount, ReplicaRange(min: 2, nominal: 4, max: 8))
        XCTAssertNil(workload.gangSize, "Ray workers are independent replicas")

        let warning = try XCTUnwrap(reading.diagnostics.first { $0.ruleID == "unbounded-autoscaling" })
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertEqual(warning.location.line, 36, "points at the 'cpu' worker group")
        XCTAssertTrue(warning.message.contains("'cpu'"), warning.message)
        XCTAssertTrue(workload.assumptions.contains { $0.hasPrefix("cpu: no maxReplicas") }, "\(workload.assumptions)")
        XCTAssertTrue(workload.assumptions.contains { $0.hasPrefix("head: rayStartParams.num-gpus '1' is Ray's logical GPU count") },
                      "\(workload.assumptions)")
        XCTAssertTrue(workload.assumptions.contains { $0.contains("not a synchronous gang") })
    }

    func testAutoscalingClusterCostRangesWithTheWorkers() throws {
        let estimate = try XCTUnwrap(OperatorFixtures.estimate("raycluster-autoscaling-no-max.yaml").estimates.first)
        let head = OperatorFixtures.hostRate(cpu: 4, memoryGiB: 16)
        let gpuWorker = 2 * 2 + OperatorFixtures.hostRate(cpu: 8, memoryGiB: 64)
        let cpuWorker = OperatorFixtures.hostRate(cpu: 2, memoryGiB: 8)
        XCTAssertEqual(estimate.cost.min, (head + 1 * gpuWorker + cpuWorker) * 730)
        XCTAssertEqual(estimate.cost.expected, (head + 2 * gpuWorker + cpuWorker) * 730)
        XCTAssertEqual(estimate.cost.max, (head + 4 * gpuWorker + cpuWorker) * 730)
    }

    func testMultiHostGroupsClampingAndSuspendedGroups() throws {
        let workload = try XCTUnwrap(OperatorFixtures.read("raycluster-tpu-multihost.yaml").workloads.first)
        XCTAssertEqual(try workload.role("tpu-group").replicas, ReplicaRange(exactly: 8), "2 replicas × numOfHosts 4")
        XCTAssertEqual(try workload.role("tpu-group").accelerator?.count, 4)
        XCTAssertEqual(try workload.role("spare").replicas, ReplicaRange(exactly: 3), "replicas 9 clamped to maxReplicas 3")
        XCTAssertEqual(try workload.role("drained").replicas, ReplicaRange(exactly: 0), "a suspended group has no pods")
        XCTAssertEqual(workload.acceleratorCount.nominal, 32)
        XCTAssertTrue(workload.assumptions.contains { $0.hasPrefix("tpu-group: 4 hosts (pods) per replica") })
    }

    func testRayJobThatShutsDownIsOneRunBoundedByItsDeadline() throws {
        let reading = try OperatorFixtures.read("rayjob-shutdown-deadline.yaml")
        XCTAssertEqual(reading.diagnostics.filter { $0.severity != .note }, [])
        let workload = try XCTUnwrap(reading.workloads.first)
        XCTAssertEqual(workload.pattern, .oneOff)
        XCTAssertEqual(workload.durationSource, .activeDeadlineSeconds)
        XCTAssertEqual(workload.durationHours, 2)
        XCTAssertEqual(workload.timeLimitSeconds, 7200)
        XCTAssertEqual(workload.roles.map(\.name), ["head", "gpu", "submitter"])
        XCTAssertEqual(try workload.role("gpu").replicas, ReplicaRange(exactly: 4))
        XCTAssertEqual(try workload.role("submitter").cpu, 1, "the submitterPodTemplate's own resources")
        XCTAssertTrue(workload.assumptions.contains { $0.hasPrefix("backoffLimit 2:") })

        let estimate = try XCTUnwrap(OperatorFixtures.estimate("rayjob-shutdown-deadline.yaml").estimates.first)
        let perHour = OperatorFixtures.hostRate(cpu: 4, memoryGiB: 16) + 4 * (2 + OperatorFixtures.hostRate(cpu: 12, memoryGiB: 96))
            + OperatorFixtures.hostRate(cpu: 1, memoryGiB: 1)
        XCTAssertEqual(estimate.cost.expected, perHour * 2)
    }

    func testRayJobWithoutShutdownIsOpenEnded() throws {
        let reading = try OperatorFixtures.read("rayjob-open-ended.yaml")
        let workload = try XCTUnwrap(reading.workloads.first)
        XCTAssertEqual(workload.pattern, .longRunning)
        XCTAssertEqual(workload.durationSource, .month)
        XCTAssertEqual(workload.roles.map(\.name), ["head", "gpu"], "the submitter ends with the job")
        XCTAssertTrue(workload.assumptions[0].hasPrefix("open-ended"), "\(workload.assumptions)")
        let warning = try XCTUnwrap(reading.diagnostics.first { $0.ruleID == "open-ended" })
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertTrue(warning.message.contains("KubeRay's default false"), warning.message)
    }

    func testRayJobWithDefaultSubmitterAndADeletionRule() throws {
        let reading = OperatorFixtures.read(yaml: """
        apiVersion: ray.io/v1
        kind: RayJob
        metadata: {name: j, annotations: {costgate.dev/duration: 3h}}
        spec:
          deletionStrategy:
            deletionRules:
              - {policy: DeleteCluster, condition: {jobStatus: SUCCEEDED}}
          rayClusterSpec:
            headGroupSpec: {template: {spec: {containers: [{name: h, resources: {limits: {cpu: "1"}}}]}}}
        """)
        XCTAssertEqual(reading.diagnostics, [])
        let workload = try XCTUnwrap(reading.workloads.first)
        XCTAssertEqual(workload.pattern, .oneOff)
        XCTAssertEqual(workload.durationSource, .annotation)
        XCTAssertEqual(workload.durationHours, 3)
        XCTAssertEqual(try workload.role("submitter").cpu, Decimal(string: "0.5"), "KubeRay's default submitter")
        XCTAssertTrue(workload.assumptions.contains { $0.hasPrefix("deletionStrategy DeleteCluster") })
    }

    func testRayJobOnAnExistingClusterAddsNoWorkload() throws {
        let reading = try OperatorFixtures.read("rayjob-existing-cluster.yaml")
        XCTAssertTrue(reading.workloads.isEmpty)
        let note = try XCTUnwrap(reading.diagnostics.first)
        XCTAssertEqual(note.severity, .note)
        XCTAssertEqual(note.ruleID, "ray-existing-cluster")
        XCTAssertFalse(reading.diagnostics.contains { $0.ruleID == "unknown-kind" })
    }

    func testRayServiceIsPricedPerMonth() throws {
        let workload = try XCTUnwrap(OperatorFixtures.read("rayservice-llm.yaml").workloads.first)
        XCTAssertEqual(workload.id, "RayService/serve/llm")
        XCTAssertEqual(workload.pattern, .longRunning)
        XCTAssertEqual(try workload.role("gpu-group").replicas, ReplicaRange(exactly: 2))
        XCTAssertEqual(workload.acceleratorCount.nominal, 2)
        XCTAssertEqual(workload.roles[1].accelerator?.model?.id, "l4")
    }

    func testMaxBelowMinIsAnErrorAtMaxReplicas() throws {
        let reading = OperatorFixtures.read(yaml: """
        apiVersion: ray.io/v1
        kind: RayCluster
        metadata: {name: c}
        spec:
          headGroupSpec: {template: {spec: {containers: [{name: h}]}}}
          workerGroupSpecs:
            - groupName: w
              minReplicas: 3
              maxReplicas: 2
              template: {spec: {containers: [{name: w}]}}
        """)
        XCTAssertTrue(reading.workloads.isEmpty)
        let error = try XCTUnwrap(reading.diagnostics.first)
        XCTAssertEqual(error.severity, .error)
        XCTAssertEqual(error.location.line, 9)
        XCTAssertTrue(error.message.contains("workerGroupSpecs[0].maxReplicas"), error.message)
    }

    func testGroupsThatStartFromZeroStillCountTheirGPUWorkers() throws {
        let result = try OperatorFixtures.estimate("raycluster-from-zero.yaml")
        XCTAssertEqual(result.unpriced.count, 0)
        let estimate = try XCTUnwrap(result.estimates.first)
        let workload = estimate.workload
        XCTAssertEqual(workload.roles.map(\.name), ["head", "gpu-group", "rollout"])
        XCTAssertEqual(try workload.role("gpu-group").replicas, ReplicaRange(min: 0, nominal: 0, max: 4))
        XCTAssertEqual(try workload.role("rollout").replicas, ReplicaRange(min: 0, nominal: 0, max: 2),
                       "no replicas: KubeRay starts at minReplicas")
        XCTAssertEqual(try workload.role("gpu-group").accelerator?.count, 2)
        XCTAssertEqual(workload.acceleratorCount, ReplicaRange(min: 0, nominal: 0, max: 10), "4 × 2 + 2 × 1 at the most")
        // The head alone now; every GPU worker at the ceiling.
        let head = OperatorFixtures.hostRate(cpu: 8, memoryGiB: 32)
        let gpuWorker = 2 * 2 + OperatorFixtures.hostRate(cpu: 16, memoryGiB: 64)
        let rolloutWorker = 1 * 2 + OperatorFixtures.hostRate(cpu: 8, memoryGiB: 32)
        XCTAssertEqual(estimate.cost.expected, head * 730)
        XCTAssertEqual(estimate.cost.max, (head + 4 * gpuWorker + 2 * rolloutWorker) * 730)
    }
}
