import XCTest
@testable import CostGateCore
@testable import CostGateWorkloads

/// InferenceService and LLMInferenceService replica and GPU arithmetic.
final class KServeReaderTests: XCTestCase {
    func testKnativeScaleToZeroWithATransformer() throws {
        let result = try OperatorFixtures.run(["isvc-scale-to-zero.yaml"])
        let workload = try result.workload("InferenceService/serving/llama-chat")
        XCTAssertEqual(workload.pattern, .longRunning)
        XCTAssertEqual(workload.durationSource, .month)
        XCTAssertEqual(workload.roles.map(\.name), ["predictor", "transformer"])
        let predictor = workload.roles[0]
        XCTAssertEqual(predictor.replicas, ReplicaRange(min: 0, nominal: 1, max: 4))
        XCTAssertEqual(predictor.accelerator?.count, 1, "spec.predictor.model.resources")
        XCTAssertEqual(predictor.accelerator?.model, GPUModel(id: "l4"), "predictor-level nodeSelector")
        XCTAssertEqual(predictor.cpu, 8)
        XCTAssertEqual(workload.roles[1].replicas, ReplicaRange(exactly: 1), "transformer: minReplicas defaults to 1")
        XCTAssertEqual(workload.roles[1].cpu, 1)
        XCTAssertEqual(workload.acceleratorCount, ReplicaRange(min: 0, nominal: 1, max: 4))
    }

    func testStandardModeHPAKeepsOneReplicaAndTheGKEAcceleratorAnnotationNamesTheModel() throws {
        let result = try OperatorFixtures.run(["isvc-raw-hpa.yaml"])
        let workload = try result.workload("InferenceService/default/bloom")
        XCTAssertEqual(workload.roles[0].replicas, ReplicaRange(min: 1, nominal: 1, max: 3), "HPA's minimum is at least 1")
        XCTAssertEqual(workload.roles[0].accelerator?.count, 1, "spec.predictor.pytorch.resources")
        XCTAssertEqual(workload.roles[0].accelerator?.model, GPUModel(id: "t4"))
        XCTAssertTrue(workload.assumptions.contains { $0.contains("cannot do") }, "\(workload.assumptions)")
    }

    func testCustomContainersAutoscalerNoneAndKEDA() throws {
        let fixed = OperatorFixtures.read(yaml: """
        apiVersion: serving.kserve.io/v1beta1
        kind: InferenceService
        metadata:
          name: custom
          annotations: {serving.kserve.io/deploymentMode: Standard, serving.kserve.io/autoscalerClass: none}
        spec:
          predictor:
            minReplicas: 3
            maxReplicas: 9
            containers:
              - name: kserve-container
                resources: {limits: {nvidia.com/gpu: 2}}
        """)
        XCTAssertEqual(fixed.workloads.first?.roles[0].replicas, ReplicaRange(exactly: 3), "autoscaler none: minReplicas, fixed")
        XCTAssertEqual(fixed.workloads.first?.acceleratorCount.nominal, 6)
        let keda = OperatorFixtures.read(yaml: """
        apiVersion: serving.kserve.io/v1beta1
        kind: InferenceService
        metadata:
          name: keda
          annotations: {serving.kserve.io/deploymentMode: Standard, serving.kserve.io/autoscalerClass: keda}
        spec:
          predictor:
            minReplicas: 0
            maxReplicas: 2
            sklearn: {storageUri: gs://m, resources: {limits: {cpu: "1"}}}
        """)
        XCTAssertEqual(keda.workloads.first?.roles[0].replicas, ReplicaRange(min: 0, nominal: 1, max: 2))
    }

    func testWithoutAModeAnnotationTheShippedDefaultKnativeScalesToZero() throws {
        let reading = OperatorFixtures.read(yaml: """
        apiVersion: serving.kserve.io/v1beta1
        kind: InferenceService
        metadata: {name: idle}
        spec:
          predictor:
            minReplicas: 0
            model: {modelFormat: {name: huggingface}, resources: {limits: {nvidia.com/gpu: 1}}}
        """)
        let workload = try XCTUnwrap(reading.workloads.first)
        XCTAssertEqual(workload.roles[0].replicas, ReplicaRange(min: 0, nominal: 1, max: 1), "maxReplicas unset: priced up to 1")
        XCTAssertTrue(workload.assumptions.contains { $0.contains("Knative in KServe's shipped install config") }, "\(workload.assumptions)")
    }

    func testModelMeshHasNoPodsOfItsOwn() {
        let reading = OperatorFixtures.read(yaml: """
        apiVersion: serving.kserve.io/v1beta1
        kind: InferenceService
        metadata:
          name: mm
          annotations: {serving.kserve.io/deploymentMode: ModelMesh}
        spec:
          predictor: {model: {modelFormat: {name: sklearn}, storageUri: s3://m}}
        """)
        XCTAssertTrue(reading.workloads.isEmpty)
        XCTAssertEqual(reading.diagnostics.map(\.ruleID), ["kserve-modelmesh"])
    }

    func testAPredictorWithoutAModelIsAnError() {
        let reading = OperatorFixtures.read(yaml: """
        apiVersion: serving.kserve.io/v1beta1
        kind: InferenceService
        metadata: {name: empty}
        spec:
          predictor: {minReplicas: 1}
        """)
        XCTAssertTrue(reading.workloads.isEmpty)
        XCTAssertTrue(reading.diagnostics.contains { $0.message.contains("spec.predictor.model") }, "\(reading.diagnostics)")
    }

    func testLLMInferenceServiceGroupsAndPrefillScaling() throws {
        let result = try OperatorFixtures.run(["llmisvc-multinode.yaml"])
        let workload = try result.workload("LLMInferenceService/default/deepseek")
        XCTAssertEqual(workload.roles.map(\.name), ["main-leader", "main-worker", "prefill"])
        XCTAssertEqual(workload.roles[0].replicas, ReplicaRange(exactly: 2), "one leader per group")
        XCTAssertEqual(workload.roles[1].replicas, ReplicaRange(exactly: 6), "2 groups × (32/8 − 1) workers")
        XCTAssertEqual(workload.roles[2].replicas, ReplicaRange(min: 1, nominal: 1, max: 3))
        XCTAssertEqual(workload.acceleratorCount, ReplicaRange(min: 66, nominal: 66, max: 70))
        let missing = try XCTUnwrap(result.diagnostics.first { $0.ruleID == "llmisvc-template-missing" })
        XCTAssertTrue(missing.message.contains("'preset-only'") && missing.message.contains("baseRefs"), missing.message)
    }

    func testLLMInferenceServiceSingleNodeDefaultsToOneReplica() throws {
        let reading = OperatorFixtures.read(yaml: """
        apiVersion: serving.kserve.io/v1alpha1
        kind: LLMInferenceService
        metadata: {name: small}
        spec:
          model: {uri: hf://Qwen/Qwen2.5-0.5B}
          template:
            containers: [{name: main, resources: {limits: {nvidia.com/gpu: 1}}}]
        """)
        let workload = try XCTUnwrap(reading.workloads.first)
        XCTAssertEqual(workload.roles.map(\.name), ["main"])
        XCTAssertEqual(workload.roles[0].replicas, ReplicaRange(exactly: 1))
    }

    func testAStorageSidecarInventsNoGPU() throws {
        let result = try OperatorFixtures.estimate("isvc-storage-sidecar.yaml")
        XCTAssertEqual(result.diagnostics.filter { $0.severity != .note }.map(\.rendered), [])
        let estimate = try XCTUnwrap(result.estimates.first)
        XCTAssertEqual(estimate.workload.acceleratorCount, ReplicaRange(exactly: 0))
        XCTAssertTrue(estimate.workload.roles.allSatisfy { $0.accelerator == nil }, "\(estimate.workload.roles)")
        XCTAssertEqual(estimate.workload.roles.map(\.replicas.nominal), [2])
        XCTAssertEqual(estimate.workload.roles.first?.cpu, Decimal(string: "1.1"), "the model and the sidecar share the pod")
    }
}
