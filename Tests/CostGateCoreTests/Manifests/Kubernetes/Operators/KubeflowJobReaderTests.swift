import XCTest
@testable import CostGateCore
@testable import CostGateBasics
@testable import CostGateYAML
@testable import CostGateWorkloads
@testable import CostGatePricing
@testable import CostGateEstimation

final class KubeflowJobReaderTests: XCTestCase {
    private func read(_ name: String) throws -> KubernetesReading {
        let url = try XCTUnwrap(Bundle.module.url(forResource: name, withExtension: "yaml", subdirectory: "Fixtures/k8s/operators"))
        let bytes = Array(try Data(contentsOf: url))
        let reader = KubernetesReader(options: ReadOptions(month: CalendarMonth(year: 2026, month: 11)!))
        var total = KubernetesReading()
        for document in YAMLParser().parse(bytes).documents {
            guard case .success(let parsed) = document, let root = parsed.root else { continue }
            total.append(reader.read(document: root, file: "\(name).yaml", index: parsed.index))
        }
        return total
    }

    private func read(yaml: String) -> KubernetesReading {
        let reader = KubernetesReader(options: ReadOptions(month: CalendarMonth(year: 2026, month: 11)!))
        var total = KubernetesReading()
        for document in YAMLParser().parse(Array(yaml.utf8)).documents {
            guard case .success(let parsed) = document, let root = parsed.root else { continue }
            total.append(reader.read(document: root, file: "t.yaml", index: parsed.index))
        }
        return total
    }

    func testElasticPyTorchJobHasARangeOfWorkersAndOneGang() throws {
        let reading = try read("pytorchjob-elastic")
        XCTAssertEqual(reading.diagnostics, [])
        let workload = try XCTUnwrap(reading.workloads.first)
        XCTAssertEqual(workload.id, "PyTorchJob/research/llm-elastic")
        XCTAssertEqual(workload.roles.map(\.name), ["Master", "Worker"], "replica types match case-insensitively")
        XCTAssertEqual(workload.roles[0].replicas, ReplicaRange(exactly: 1))
        XCTAssertEqual(workload.roles[1].replicas, ReplicaRange(min: 2, nominal: 4, max: 8))
        XCTAssertEqual(workload.acceleratorCount, ReplicaRange(min: 24, nominal: 40, max: 72))
        XCTAssertEqual(workload.roles[1].accelerator?.model?.id, "h100-80gb")
        XCTAssertEqual(workload.gangSize, 5)
        XCTAssertEqual(workload.pattern, .oneOff)
        XCTAssertEqual(workload.durationHours, 24)
        XCTAssertEqual(workload.durationSource, .activeDeadlineSeconds)
        XCTAssertEqual(workload.timeLimitSeconds, 86_400)
        XCTAssertEqual(workload.labels["kueue.x-k8s.io/queue-name"], "research-queue", "the queue is there for team matching")
    }

    func testMPIJobWorkersDefaultToZeroAndKueuesExecTimeIsACeiling() throws {
        let reading = try read("mpijob-v2beta1")
        let workload = try XCTUnwrap(reading.workloads.first)
        XCTAssertEqual(workload.roles.map(\.name), ["Launcher", "Worker"])
        XCTAssertEqual(workload.roles[1].replicas, ReplicaRange(exactly: 0))
        XCTAssertTrue(workload.assumptions.contains("Worker replicas not set: the operator's default of 0"), "\(workload.assumptions)")
        XCTAssertEqual(workload.durationHours, 2)
        XCTAssertTrue(workload.assumptions.contains { $0.contains("max-exec-time-seconds") }, "\(workload.assumptions)")
        XCTAssertEqual(workload.acceleratorCount.nominal, 0)
    }

    func testEveryTrainingOperatorKindIsRead() {
        for (kind, key) in KubeflowJobReader.replicaKeys.sorted(by: { $0.key < $1.key }) {
            let reading = read(yaml: """
            apiVersion: kubeflow.org/v1
            kind: \(kind)
            metadata: {name: j, namespace: ml}
            spec:
              \(key):
                Worker:
                  replicas: 3
                  template:
                    spec:
                      containers:
                        - name: c
                          resources: {limits: {nvidia.com/gpu: 2}}
            """)
            XCTAssertEqual(reading.workloads.first?.acceleratorCount.nominal, 6, kind)
            XCTAssertEqual(reading.workloads.first?.gangSize, 3, kind)
        }
    }

    func testMistakesNameTheirPlace() {
        let duplicate = read(yaml: """
        apiVersion: kubeflow.org/v1
        kind: TFJob
        metadata: {name: j}
        spec:
          tfReplicaSpecs:
            Worker: {template: {spec: {containers: [{name: c}]}}}
            worker: {template: {spec: {containers: [{name: c}]}}}
        """)
        XCTAssertTrue(duplicate.diagnostics.first?.rendered.hasPrefix("t.yaml:7:5: error: invalid value 'worker'") ?? false,
                      "\(duplicate.diagnostics.map(\.rendered))")
        let placeholder = read(yaml: """
        apiVersion: kubeflow.org/v1
        kind: PyTorchJob
        metadata: {name: j}
        spec:
          pytorchReplicaSpecs:
            Worker:
              replicas: $NUM_NODES
              template: {spec: {containers: [{name: c}]}}
        """)
        XCTAssertTrue(placeholder.diagnostics.first?.message.contains("unrendered template variable") ?? false,
                      "\(placeholder.diagnostics.map(\.rendered))")
        let inverted = read(yaml: """
        apiVersion: kubeflow.org/v1
        kind: PyTorchJob
        metadata: {name: j}
        spec:
          elasticPolicy: {minReplicas: 5, maxReplicas: 2}
          pytorchReplicaSpecs:
            Worker: {replicas: 3, template: {spec: {containers: [{name: c}]}}}
        """)
        XCTAssertTrue(inverted.diagnostics.first?.message.contains("minReplicas must not exceed maxReplicas") ?? false)
    }

    func testHyperPodPyTorchJobReadsItsNamedReplicaGroups() throws {
        let reading = read(yaml: """
        apiVersion: sagemaker.amazonaws.com/v1
        kind: HyperPodPyTorchJob
        metadata: {name: fsdp, namespace: ml}
        spec:
          runPolicy: {jobMaxRetryCount: 10}
          replicaSpecs:
            - name: pods
              replicas: 4
              template:
                spec:
                  nodeSelector: {node.kubernetes.io/instance-type: ml.p5.48xlarge}
                  containers:
                    - name: pytorch
                      resources: {limits: {nvidia.com/gpu: 8}}
        """)
        let workload = try XCTUnwrap(reading.workloads.first)
        XCTAssertEqual(workload.roles.map(\.name), ["pods"])
        XCTAssertEqual(workload.acceleratorCount.nominal, 32)
        XCTAssertEqual(workload.gangSize, 4)
        XCTAssertTrue(workload.assumptions.contains { $0.contains("jobMaxRetryCount 10") })
        let estimate = try Estimator(settings: PricingSettings()).estimate(workload)
        XCTAssertEqual(estimate.prices.first?.model?.id, "h100-80gb", "ml.p5.48xlarge is an EC2 p5.48xlarge")
        XCTAssertTrue(estimate.assumptions.contains { $0.contains("SageMaker's ml.p5.48xlarge priced at the EC2 rate") })
    }
}
