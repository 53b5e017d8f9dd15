import XCTest
@testable import CostGateCore
@testable import CostGateWorkloads
@testable import CostGatePricing
@testable import CostGateRun

/// TrainJob arithmetic: nodes, GPUs per node, placement patches, duration, gang.
final class TrainerReaderTests: XCTestCase {
    func testNumNodesResourcesPerNodeAndRuntimePatch() throws {
        let result = try OperatorFixtures.run(["trainjob-llama-8xh100-patched.yaml", "torch-runtime-cluster.yaml"])
        let workload = try result.workload("TrainJob/ml/llama-finetune")
        XCTAssertEqual(workload.pattern, .oneOff)
        XCTAssertEqual(workload.roles.map(\.name), ["node"], "the CPU-only model initializer is not priced")
        let node = try XCTUnwrap(workload.roles.first)
        XCTAssertEqual(node.replicas, ReplicaRange(exactly: 4), "spec.trainer.numNodes overrides mlPolicy.numNodes 2")
        XCTAssertEqual(node.accelerator?.count, 8, "resourcesPerNode overrides the runtime's 4 GPUs")
        XCTAssertEqual(node.cpu, 32, "the runtime's cpu is kept (merged resource by resource)")
        XCTAssertEqual(node.memoryBytes, 512 << 30)
        XCTAssertEqual(node.accelerator?.model, GPUModel(id: "h100-80gb"), "runtimePatches set the node pool")
        XCTAssertEqual(workload.acceleratorCount.nominal, 32)
        XCTAssertEqual(workload.gangSize, 4)
        XCTAssertEqual(workload.durationSource, .annotation, "the annotation wins over activeDeadlineSeconds")
        XCTAssertEqual(workload.durationHours, 12)
        XCTAssertEqual(workload.timeLimitSeconds, 172_800)
        XCTAssertTrue(workload.assumptions.contains { $0.contains("model-initializer: a short download step") })
    }

    func testRuntimeInTheSameFileWithPodTemplateOverridesAndMPILauncher() throws {
        let result = try OperatorFixtures.run(["trainjob-same-file-overrides.yaml"])
        let workload = try result.workload("TrainJob/hpc/lammps")
        XCTAssertEqual(workload.roles.map(\.name), ["launcher", "node"])
        XCTAssertEqual(workload.roles[0].replicas, ReplicaRange(exactly: 1))
        XCTAssertEqual(workload.roles[1].replicas, ReplicaRange(exactly: 3), "the runtime's mlPolicy.numNodes")
        XCTAssertEqual(workload.roles[1].accelerator?.model, GPUModel(id: "a100-80gb"), "podTemplateOverrides set the node pool")
        XCTAssertEqual(workload.roles[1].accelerator?.location?.line, 31, "the runtime is in this file: its own line")
        XCTAssertEqual(workload.durationSource, .activeDeadlineSeconds)
        XCTAssertEqual(workload.durationHours, 2)
        XCTAssertEqual(workload.gangSize, 3)
    }

    func testRunLauncherAsNodeTakesOneNodeAndDefaultsApply() throws {
        let result = EstimationPipeline.run(["mpi.yaml": """
        apiVersion: trainer.kubeflow.org/v1alpha1
        kind: ClusterTrainingRuntime
        metadata: {name: mpi}
        spec:
          mlPolicy: {mpi: {runLauncherAsNode: true}}
          template:
            spec:
              replicatedJobs:
                - name: launcher
                  template: {spec: {template: {spec: {containers: [{name: node, resources: {limits: {nvidia.com/gpu: 1}}}]}}}}
                - name: node
                  template: {spec: {template: {spec: {containers: [{name: node, resources: {limits: {nvidia.com/gpu: 1}}}]}}}}
        ---
        apiVersion: trainer.kubeflow.org/v1alpha1
        kind: TrainJob
        metadata: {name: job}
        spec:
          runtimeRef: {name: mpi}
          trainer: {numNodes: 4}
        """], pricing: PricingSettings(defaultGPU: GPUModel(id: "a100-80gb")))
        let workload = try result.workload("TrainJob/default/job")
        XCTAssertEqual(workload.roles.first { $0.name == "node" }?.replicas.nominal, 3, "one of the 4 nodes is the launcher")
        XCTAssertEqual(workload.durationSource, .default)
    }

    func testATrainJobWithoutATrainerJobIsAnError() throws {
        let result = EstimationPipeline.run(["x.yaml": """
        apiVersion: trainer.kubeflow.org/v1alpha1
        kind: ClusterTrainingRuntime
        metadata: {name: odd}
        spec:
          template:
            spec:
              replicatedJobs:
                - name: worker
                  template: {spec: {template: {spec: {containers: [{name: w}]}}}}
        ---
        apiVersion: trainer.kubeflow.org/v1alpha1
        kind: TrainJob
        metadata: {name: job}
        spec: {runtimeRef: {name: odd}}
        """])
        XCTAssertTrue(result.estimates.isEmpty)
        XCTAssertTrue(result.diagnostics.contains { $0.severity == .error && $0.message.contains("named 'node'") },
                      "\(result.diagnostics.map(\.rendered))")
    }
}
