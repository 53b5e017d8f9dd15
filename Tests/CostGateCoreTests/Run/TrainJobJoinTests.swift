import XCTest
@testable import CostGateCore
@testable import CostGateRun

/// TrainJobs priced with runtimes from anywhere in the input set, and the error when one is missing.
final class TrainJobJoinTests: XCTestCase {
    func testRuntimeInAnotherFileIsJoined() throws {
        let result = try OperatorFixtures.run(["trainjob-llama-8xh100-patched.yaml", "torch-runtime-cluster.yaml"])
        let workload = try result.workload("TrainJob/ml/llama-finetune")
        XCTAssertEqual(workload.source.file, "operators/trainjob-llama-8xh100-patched.yaml", "the TrainJob carries the cost")
        XCTAssertTrue(workload.assumptions.contains { $0.contains("ClusterTrainingRuntime 'torch-distributed' (operators/torch-runtime-cluster.yaml:2:1)") },
                      "\(workload.assumptions)")
        XCTAssertFalse(result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics.map(\.rendered))")
        // The runtime's own lines mean nothing in the TrainJob's file: the GPU is placed at runtimeRef.
        XCTAssertEqual(workload.roles.first { $0.name == "node" }?.accelerator?.location?.file, "operators/trainjob-llama-8xh100-patched.yaml")
    }

    func testMissingClusterRuntimeIsAnErrorNamingTheManifestToAdd() throws {
        let result = try OperatorFixtures.run(["trainjob-llama-8xh100-patched.yaml"])
        XCTAssertTrue(result.estimates.isEmpty)
        let error = try XCTUnwrap(result.diagnostics.first { $0.ruleID == "trainjob-runtime-missing" })
        XCTAssertEqual(error.severity, .error)
        XCTAssertEqual(error.location.line, 12, "at spec.runtimeRef (its mapping)")
        XCTAssertEqual(error.message, "TrainJob 'llama-finetune' uses ClusterTrainingRuntime 'torch-distributed', which is not among the inputs: add its manifest (kubectl get clustertrainingruntime torch-distributed -o yaml)")
    }

    func testMissingNamespacedRuntimeNamesItsNamespace() throws {
        let result = try OperatorFixtures.run(["trainjob-missing-runtime.yaml", "torch-runtime-cluster.yaml"])
        let error = try XCTUnwrap(result.diagnostics.first { $0.ruleID == "trainjob-runtime-missing" })
        XCTAssertTrue(error.message.contains("TrainingRuntime 'deepspeed-a100' in namespace 'research'"), error.message)
        XCTAssertTrue(error.message.contains("kubectl get trainingruntime deepspeed-a100 -n research -o yaml"), error.message)
    }

    func testNamespacedRuntimeMustShareTheNamespaceAndNearMissesAreNamed() throws {
        let result = EstimationPipeline.run(["a.yaml": """
        apiVersion: trainer.kubeflow.org/v1alpha1
        kind: TrainingRuntime
        metadata: {name: rt, namespace: team-a}
        spec:
          template:
            spec:
              replicatedJobs:
                - name: node
                  template: {spec: {template: {spec: {containers: [{name: node}]}}}}
        ---
        apiVersion: trainer.kubeflow.org/v1alpha1
        kind: TrainJob
        metadata: {name: job, namespace: team-b}
        spec:
          runtimeRef: {name: rt, kind: TrainingRuntime}
        """])
        XCTAssertTrue(result.estimates.isEmpty)
        let error = try XCTUnwrap(result.diagnostics.first { $0.ruleID == "trainjob-runtime-missing" })
        XCTAssertTrue(error.message.contains("the inputs have a TrainingRuntime 'rt' in namespace 'team-a'"), error.message)
    }

    func testARuntimeAloneIsATemplateNotAWorkload() throws {
        let result = try OperatorFixtures.run(["torch-runtime-cluster.yaml"])
        XCTAssertEqual(result.workloadCount, 0)
        XCTAssertEqual(result.diagnostics.map(\.ruleID), ["trainjob-runtime-unused"])
        let note = try XCTUnwrap(result.diagnostics.first)
        XCTAssertEqual(note.severity, .note)
        XCTAssertEqual(note.location.file, "operators/torch-runtime-cluster.yaml")
        XCTAssertTrue(note.message.contains("is a template (its pods request accelerators)"), note.message)
        // Beside a TrainJob that names it, the same runtime is priced through the job and says nothing.
        let joined = try OperatorFixtures.run(["trainjob-llama-8xh100-patched.yaml", "torch-runtime-cluster.yaml"])
        XCTAssertFalse(joined.diagnostics.contains { $0.ruleID == "trainjob-runtime-unused" })
    }
}
