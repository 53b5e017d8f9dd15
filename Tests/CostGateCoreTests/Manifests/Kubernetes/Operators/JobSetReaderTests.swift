import Foundation
import XCTest
@testable import CostGateCore
@testable import CostGateWorkloads
@testable import CostGateRun

final class JobSetReaderTests: XCTestCase {
    func testReplicatedJobsTimesTheirParallelismFormOneGang() throws {
        let reading = try OperatorFixtures.read("jobset-multislice-parallelism.yaml")
        XCTAssertEqual(reading.diagnostics, [])
        let workload = try XCTUnwrap(reading.workloads.first)
        XCTAssertEqual(workload.id, "JobSet/train/multislice")
        XCTAssertEqual(workload.pattern, .oneOff)
        XCTAssertEqual(workload.roles.map(\.name), ["coordinator", "slice"])
        XCTAssertEqual(try workload.role("coordinator").replicas, ReplicaRange(exactly: 1), "replicas and parallelism default to 1")
        XCTAssertEqual(try workload.role("slice").replicas, ReplicaRange(exactly: 8), "2 Jobs × parallelism 4")
        XCTAssertEqual(workload.acceleratorCount.nominal, 32)
        XCTAssertEqual(workload.gangSize, 9, "every pod of the JobSet")
        // The largest child deadline bounds the run.
        XCTAssertEqual(workload.durationSource, .activeDeadlineSeconds)
        XCTAssertEqual(workload.durationHours, 3)
        XCTAssertEqual(workload.timeLimitSeconds, 10_800)
        XCTAssertTrue(workload.assumptions.contains {
            $0.hasPrefix("failurePolicy.maxRestarts 3: up to 3 restarts of the whole JobSet could multiply the cost by up to 4")
        }, "\(workload.assumptions)")
    }

    func testAnnotationDurationAndWorkQueueAndPausedJobs() throws {
        let reading = OperatorFixtures.read(yaml: """
        apiVersion: jobset.x-k8s.io/v1alpha2
        kind: JobSet
        metadata: {name: js, annotations: {costgate.dev/duration: 5h, costgate.dev/gpu: a100-80gb}}
        spec:
          suspend: true
          replicatedJobs:
            - name: queue
              replicas: 3
              template:
                spec:
                  parallelism: 2
                  activeDeadlineSeconds: 60
                  template: {spec: {containers: [{name: c, resources: {limits: {nvidia.com/gpu: 1}}}]}}
            - name: paused
              template:
                spec:
                  parallelism: 0
                  template: {spec: {containers: [{name: c, resources: {limits: {nvidia.com/gpu: 8}}}]}}
        """)
        let workload = try XCTUnwrap(reading.workloads.first)
        XCTAssertEqual(workload.durationSource, .annotation)
        XCTAssertEqual(workload.durationHours, 5)
        XCTAssertEqual(try workload.role("queue").replicas.nominal, 6, "work queue: parallelism 2 per Job, 3 Jobs")
        XCTAssertEqual(try workload.role("paused").replicas.nominal, 0)
        XCTAssertEqual(workload.acceleratorCount.nominal, 6)
        XCTAssertTrue(workload.assumptions.contains { $0.hasPrefix("spec.suspend is true: priced as if resumed") })
    }

    func testCostIsOneAttempt() throws {
        let estimate = try XCTUnwrap(EstimationPipeline.run(["js.yaml": """
        apiVersion: jobset.x-k8s.io/v1alpha2
        kind: JobSet
        metadata: {name: js, annotations: {costgate.dev/duration: 10h, costgate.dev/gpu: a100-80gb}}
        spec:
          failurePolicy: {maxRestarts: 5}
          replicatedJobs:
            - name: workers
              replicas: 2
              template:
                spec:
                  parallelism: 2
                  completions: 2
                  template: {spec: {containers: [{name: c, resources: {limits: {nvidia.com/gpu: 4, cpu: "8", memory: 32Gi}}}]}}
        """], pricing: OperatorFixtures.pricing).estimates.first)
        XCTAssertEqual(estimate.cost.onDemand, 4 * (4 * 2 + OperatorFixtures.hostRate(cpu: 8, memoryGiB: 32)) * 10)
        XCTAssertEqual(estimate.cost.max, estimate.cost.onDemand, "restarts are an assumption, not a wider range")
    }
}
