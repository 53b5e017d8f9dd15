import Foundation
import XCTest
@testable import CostGateCore
@testable import CostGateYAML
@testable import CostGateWorkloads

final class VolcanoJobReaderTests: XCTestCase {
    func testTasksRunningEstimateAndGang() throws {
        let reading = try OperatorFixtures.read("volcano-job-running-estimate.yaml")
        let workload = try XCTUnwrap(reading.workloads.first)
        XCTAssertEqual(workload.id, "Job.batch.volcano.sh/hpc/mpi-train", "not the id of a batch Job of the same name")
        XCTAssertEqual(workload.kind, "Job")
        XCTAssertEqual(workload.pattern, .oneOff)
        XCTAssertEqual(workload.roles.map(\.name), ["launcher", "worker", "eval"])
        XCTAssertEqual(try workload.role("worker").replicas, ReplicaRange(exactly: 4))
        XCTAssertEqual(try workload.role("eval").replicas, ReplicaRange(exactly: 0), "Volcano has no replicas default")
        XCTAssertEqual(workload.acceleratorCount.nominal, 8)
        XCTAssertEqual(workload.gangSize, 5, "minAvailable")
        XCTAssertEqual(workload.durationSource, .annotation)
        XCTAssertEqual(workload.durationHours, Decimal(string: "2.5"))
        XCTAssertTrue(workload.assumptions.contains { $0.hasPrefix("duration is spec.runningEstimate (2h30m)") })
        let warning = try XCTUnwrap(reading.diagnostics.first)
        XCTAssertEqual(warning.ruleID, "volcano-task-no-replicas")
        XCTAssertEqual(warning.location.line, 36)
    }

    func testDefaultsWithoutEstimateOrMinAvailable() throws {
        var options = ReadOptions(month: OperatorFixtures.month)
        options.defaultDurationByKind["Job.batch.volcano.sh"] = 6
        let yaml = """
        apiVersion: batch.volcano.sh/v1alpha1
        kind: Job
        metadata: {name: v}
        spec:
          tasks:
            - {replicas: 2, minAvailable: 1, template: {spec: {containers: [{name: c}]}}}
            - {replicas: 3, template: {spec: {containers: [{name: c}]}}}
        """
        let reader = KubernetesReader(options: options)
        let document = try XCTUnwrap(YAMLParser().parse(Array(yaml.utf8)).documents.first)
        guard case .success(let parsed) = document, let root = parsed.root else { return XCTFail("no document") }
        let workload = try XCTUnwrap(reader.read(document: root, file: "v.yaml", index: 0).workloads.first)
        XCTAssertEqual(workload.roles.map(\.name), ["default0", "default1"])
        XCTAssertEqual(workload.gangSize, 4, "Σ tasks' minAvailable, else replicas (Volcano's webhook)")
        XCTAssertEqual(workload.durationSource, .default)
        XCTAssertEqual(workload.durationHours, 6, "the policy's default for Job.batch.volcano.sh")
    }

    func testBadRunningEstimateIsAnErrorAtTheValue() throws {
        let reading = OperatorFixtures.read(yaml: """
        apiVersion: batch.volcano.sh/v1alpha1
        kind: Job
        metadata: {name: v}
        spec:
          runningEstimate: soon
          tasks: [{replicas: 1, template: {spec: {containers: [{name: c}]}}}]
        """)
        XCTAssertTrue(reading.workloads.isEmpty)
        let error = try XCTUnwrap(reading.diagnostics.first)
        XCTAssertEqual(error.severity, .error)
        XCTAssertEqual(error.location.line, 5)
        XCTAssertTrue(error.message.contains("'soon'"), error.message)
    }
}
