import XCTest
@testable import CostGateCore
@testable import CostGateWorkloads

/// VLLMRuntime: replicas, the GPU resource from gpu/gpuType, placement and the KEDA range.
final class VLLMRuntimeReaderTests: XCTestCase {
    func testReplicasGPUsPlacementAndAutoscaling() throws {
        let result = try OperatorFixtures.run(["vllmruntime-keda.yaml"])
        let workload = try result.workload("VLLMRuntime/default/qwen-a100")
        XCTAssertEqual(workload.pattern, .longRunning)
        let role = try XCTUnwrap(workload.roles.first)
        XCTAssertEqual(role.replicas, ReplicaRange(min: 0, nominal: 2, max: 6))
        XCTAssertEqual(role.accelerator?.count, 2)
        XCTAssertEqual(role.cpu, 16)
        XCTAssertEqual(role.memoryBytes, 128 << 30)
        XCTAssertEqual(workload.instanceType, "p4de.24xlarge", "nodeSelectorTerms become required node affinity")
        XCTAssertEqual(role.accelerator?.location?.line, 18, "points at deploymentConfig.resources.gpu")
    }

    func testGPUTypeNamesTheResourceAndReplicasDefaultToOne() throws {
        let reading = OperatorFixtures.read(yaml: """
        apiVersion: production-stack.vllm.ai/v1alpha1
        kind: VLLMRuntime
        metadata: {name: amd}
        spec:
          model: {modelURL: m}
          deploymentConfig:
            resources: {gpu: "4", gpuType: amd.com/gpu}
            image: {registry: docker.io, name: rocm/vllm}
        """)
        let workload = try XCTUnwrap(reading.workloads.first)
        XCTAssertEqual(workload.roles[0].replicas, ReplicaRange(exactly: 1))
        XCTAssertEqual(workload.roles[0].accelerator?.resource, "amd.com/gpu")
        XCTAssertEqual(workload.roles[0].accelerator?.count, 4)
    }

    func testMissingDeploymentConfigIsAnError() {
        let reading = OperatorFixtures.read(yaml: """
        apiVersion: production-stack.vllm.ai/v1alpha1
        kind: VLLMRuntime
        metadata: {name: bare}
        spec: {model: {modelURL: m}}
        """)
        XCTAssertTrue(reading.workloads.isEmpty)
        XCTAssertTrue(reading.diagnostics.contains { $0.message.contains("spec.deploymentConfig") })
    }
}
