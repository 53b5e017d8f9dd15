import Foundation
import XCTest
@testable import CostGateCore
@testable import CostGateWorkloads
@testable import CostGateRun

final class LeaderWorkerSetReaderTests: XCTestCase {
    func testLeaderTemplateAndWorkersPerGroup() throws {
        let workload = try XCTUnwrap(OperatorFixtures.read("lws-leader-template.yaml").workloads.first)
        XCTAssertEqual(workload.pattern, .longRunning)
        XCTAssertEqual(workload.durationSource, .month)
        XCTAssertEqual(try workload.role("leader").replicas, ReplicaRange(exactly: 1), "replicas defaults to 1 group")
        XCTAssertNil(try workload.role("leader").accelerator, "the leader has its own template")
        XCTAssertEqual(try workload.role("worker").replicas, ReplicaRange(exactly: 3), "size 4 = 1 leader + 3 workers")
        XCTAssertEqual(workload.acceleratorCount.nominal, 12)
        XCTAssertNil(workload.gangSize)
    }

    func testWithoutLeaderTemplateTheLeaderUsesTheWorkerTemplateAndTheHPAScalesGroups() throws {
        let result = try OperatorFixtures.estimate("lws-no-leader-template.yaml")
        XCTAssertEqual(result.diagnostics.filter { $0.severity != .note }, [])
        let estimate = try XCTUnwrap(result.estimates.first)
        let workload = estimate.workload
        XCTAssertEqual(try workload.role("leader").accelerator?.count, 8)
        XCTAssertTrue(workload.assumptions.contains("no leaderTemplate: the leader uses the worker template"))
        // HPA 2…6 groups of (1 leader + 1 worker); the manifest's 3 groups are the nominal.
        XCTAssertEqual(try workload.role("leader").replicas, ReplicaRange(min: 2, nominal: 3, max: 6))
        XCTAssertEqual(try workload.role("worker").replicas, ReplicaRange(min: 2, nominal: 3, max: 6))
        XCTAssertEqual(workload.acceleratorCount, ReplicaRange(min: 32, nominal: 48, max: 96))
        let pod = 8 * 2 + OperatorFixtures.hostRate(cpu: 16, memoryGiB: 128)
        XCTAssertEqual(estimate.cost.expected, 6 * pod * 730)
        XCTAssertEqual(estimate.cost.max, 12 * pod * 730)
    }

    func testHPAScalesWorkersBySizeMinusOne() throws {
        let result = EstimationPipeline.run(["l.yaml": """
        apiVersion: leaderworkerset.x-k8s.io/v1
        kind: LeaderWorkerSet
        metadata: {name: big}
        spec:
          replicas: 2
          leaderWorkerTemplate:
            size: 5
            workerTemplate: {spec: {containers: [{name: c}]}}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: big}
        spec: {scaleTargetRef: {kind: LeaderWorkerSet, name: big}, minReplicas: 1, maxReplicas: 4}
        """], pricing: OperatorFixtures.pricing)
        let workload = try XCTUnwrap(result.estimates.first?.workload)
        XCTAssertEqual(try workload.role("leader").replicas, ReplicaRange(min: 1, nominal: 2, max: 4))
        XCTAssertEqual(try workload.role("worker").replicas, ReplicaRange(min: 4, nominal: 8, max: 16))
    }

    func testSizeOneHasNoWorkerRoleAndSizeZeroIsAnError() throws {
        let single = OperatorFixtures.read(yaml: """
        apiVersion: leaderworkerset.x-k8s.io/v1
        kind: LeaderWorkerSet
        metadata: {name: one}
        spec:
          replicas: 2
          leaderWorkerTemplate: {workerTemplate: {spec: {containers: [{name: c}]}}}
        """)
        XCTAssertEqual(single.workloads.first?.roles.map(\.name), ["leader"])
        XCTAssertEqual(single.workloads.first?.roles.first?.replicas.nominal, 2)
        let zero = OperatorFixtures.read(yaml: """
        apiVersion: leaderworkerset.x-k8s.io/v1
        kind: LeaderWorkerSet
        metadata: {name: none}
        spec:
          leaderWorkerTemplate: {size: 0, workerTemplate: {spec: {containers: [{name: c}]}}}
        """)
        XCTAssertTrue(zero.workloads.isEmpty)
        XCTAssertEqual(zero.diagnostics.first?.severity, .error)
    }

    func testTopologyAwareSchedulingAnnotationsKeepTheGPUs() throws {
        let result = try OperatorFixtures.estimate("lws-tas.yaml")
        XCTAssertEqual(result.diagnostics.filter { $0.severity != .note }.map(\.rendered), [])
        let estimate = try XCTUnwrap(result.estimates.first)
        XCTAssertEqual(estimate.workload.acceleratorCount, ReplicaRange(exactly: 4))
        XCTAssertEqual(try estimate.workload.role("leader").accelerator?.model, GPUModel(id: "a100-80gb"))
        XCTAssertEqual(try estimate.workload.role("worker").replicas, ReplicaRange(exactly: 1))
        XCTAssertEqual(estimate.cost.expected, 4 * 2 * 730, "4 A100 80GB at $2 an hour all month")
    }
}
