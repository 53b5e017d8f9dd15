import XCTest
@testable import CostGateWorkloads
@testable import CostGateBasics
@testable import CostGateYAML

final class KubernetesReaderTests: XCTestCase {
    private let month = CalendarMonth(year: 2026, month: 11)!

    private func read(_ yaml: String, options: ReadOptions? = nil) -> KubernetesReading {
        let reader = KubernetesReader(options: options ?? ReadOptions(month: month))
        var total = KubernetesReading()
        for document in YAMLParser().parse(Array(yaml.utf8)).documents {
            guard case .success(let parsed) = document, let root = parsed.root else { continue }
            total.append(reader.read(document: root, file: "test.yaml", index: parsed.index))
        }
        return total
    }

    func testJobDefaultsToOnePodAndTheDefaultDuration() throws {
        let reading = read("""
        apiVersion: batch/v1
        kind: Job
        metadata: {name: train}
        spec:
          template:
            spec:
              containers:
                - name: main
                  resources:
                    limits: {nvidia.com/gpu: 2, cpu: "4", memory: 8Gi}
        """)
        let workload = try XCTUnwrap(reading.workloads.first)
        XCTAssertEqual(workload.id, "Job/default/train")
        XCTAssertEqual(workload.roles[0].replicas, ReplicaRange(exactly: 1))
        XCTAssertEqual(workload.roles[0].accelerator?.count, 2)
        XCTAssertEqual(workload.roles[0].cpu, 4, "requests default to limits")
        XCTAssertEqual(workload.roles[0].memoryBytes, 8 << 30)
        XCTAssertEqual(workload.durationSource, .default)
        XCTAssertEqual(workload.durationHours, 1)
        XCTAssertEqual(workload.roles[0].accelerator?.location?.line, 10, "points at the GPU request")
    }

    func testJobParallelismCompletionsAndDeadline() throws {
        let reading = read("""
        apiVersion: batch/v1
        kind: Job
        metadata: {name: sweep, namespace: ml}
        spec:
          parallelism: 4
          completions: 10
          activeDeadlineSeconds: 7200
          template:
            spec:
              containers: [{name: main, resources: {limits: {nvidia.com/gpu: 1}}}]
        """)
        let workload = try XCTUnwrap(reading.workloads.first)
        XCTAssertEqual(workload.roles[0].replicas.nominal, 4)
        XCTAssertEqual(workload.durationSource, .activeDeadlineSeconds)
        XCTAssertEqual(workload.durationHours, 2)
        XCTAssertEqual(workload.timeLimitSeconds, 7200)
        XCTAssertEqual(workload.acceleratorCount.nominal, 4)
    }

    func testDurationAnnotationWinsAndBadOnesAreErrorsAtTheAnnotation() throws {
        let good = read("""
        apiVersion: batch/v1
        kind: Job
        metadata: {name: a, annotations: {costgate.dev/duration: 36h}}
        spec: {activeDeadlineSeconds: 60, template: {spec: {containers: [{name: c}]}}}
        """)
        XCTAssertEqual(good.workloads.first?.durationHours, 36)
        XCTAssertEqual(good.workloads.first?.durationSource, .annotation)
        let bad = read("""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: a
          annotations:
            costgate.dev/duration: soon
        spec: {template: {spec: {containers: [{name: c}]}}}
        """)
        XCTAssertTrue(bad.workloads.isEmpty)
        let diagnostic = try XCTUnwrap(bad.diagnostics.first)
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertEqual(diagnostic.location.line, 6)
        XCTAssertTrue(diagnostic.message.contains("'soon'"), diagnostic.message)
    }

    func testEffectiveResourcesWithInitContainersSidecarsAndOverhead() throws {
        // app = 1 cpu + sidecar 0.5; init maximum = 3 (before the sidecar starts); pod = max(1.5, 3) + 0.25 overhead.
        let reading = read("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          restartPolicy: Never
          overhead: {cpu: 250m}
          initContainers:
            - {name: big-init, resources: {requests: {cpu: "3"}}}
            - {name: proxy, restartPolicy: Always, resources: {requests: {cpu: 500m}}}
            - {name: small-init, resources: {requests: {cpu: "1"}}}
          containers:
            - {name: app, resources: {requests: {cpu: "1", memory: 1Gi}}}
        """)
        let role = try XCTUnwrap(reading.workloads.first?.roles.first)
        XCTAssertEqual(role.cpu, Decimal(string: "3.25"))
        XCTAssertEqual(role.memoryBytes, 1 << 30)
    }

    func testRequestsOnlyGPUIsAnErrorAtTheRequest() throws {
        let reading = read("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: c
              resources:
                requests:
                  nvidia.com/gpu: 1
        """)
        let error = try XCTUnwrap(reading.diagnostics.first { $0.severity == .error })
        XCTAssertEqual(error.location.line, 9)
        XCTAssertEqual(error.ruleID, "gpu-requests-only")
    }

    func testFractionalGPUCountIsInvalid() throws {
        let reading = read("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec: {containers: [{name: c, resources: {limits: {nvidia.com/gpu: 500m}}}]}
        """)
        XCTAssertTrue(reading.workloads.isEmpty)
        XCTAssertTrue(reading.diagnostics.first?.message.contains("whole numbers") == true)
    }

    /// The provider comes from the first prefix in costgate's order that some node label has, and
    /// of that prefix's labels the first by name, whatever order the manifest writes them in.
    func testProviderFromTheFirstPrefixInOrderAndItsFirstLabel() throws {
        func provider(_ selector: String) throws -> (CloudProvider?, String?) {
            let reading = read("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              nodeSelector: {\(selector)}
              containers: [{name: c, resources: {limits: {nvidia.com/gpu: 1}}}]
            """)
            let workload = try XCTUnwrap(reading.workloads.first, "\(reading.diagnostics)")
            return (workload.placement.provider, workload.placement.providerSource)
        }
        var found = try provider("cloud.google.com/gke-accelerator: nvidia-l4, karpenter.k8s.aws/instance-gpu-name: h100")
        XCTAssertEqual(found.0, .aws)
        XCTAssertEqual(found.1, "karpenter.k8s.aws/instance-gpu-name")
        found = try provider("cloud.google.com/gke-spot: 'true', cloud.google.com/gke-accelerator: nvidia-l4")
        XCTAssertEqual(found.0, .gcp)
        XCTAssertEqual(found.1, "cloud.google.com/gke-accelerator", "the first label of the prefix by name")
        found = try provider("karpenter.azure.com/sku-gpu-name: a100, kubernetes.azure.com/agentpool: gpu")
        XCTAssertEqual(found.0, .azure)
        XCTAssertEqual(found.1, "kubernetes.azure.com/agentpool", "kubernetes.azure.com/ comes before karpenter.azure.com/")
        found = try provider("nvidia.com/gpu.product: NVIDIA-L4, cloud.google.comx/label: y")
        XCTAssertNil(found.0, "a prefix must match up to its slash")
    }

    /// Few node labels are compared one by one, many are looked up: both find the same ones.
    func testManyNodeLabelsAndTolerationsAreReadAsAFewAre() throws {
        let many = read("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          nodeSelector:
            team: ml
            pool: gpu
            zone-class: a
            disk: ssd
            karpenter.sh/capacity-type: spot
            nvidia.com/gpu.product: NVIDIA-L4
          containers: [{name: c, resources: {limits: {nvidia.com/gpu: 1}}}]
        """)
        let workload = try XCTUnwrap(many.workloads.first)
        XCTAssertEqual(workload.capacity, .spot)
        XCTAssertEqual(workload.roles[0].accelerator?.model?.id, "l4")
        XCTAssertEqual(workload.placement.provider, nil)
        let tolerating = read("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          nodeSelector: {nvidia.com/gpu.product: NVIDIA-L4}
          tolerations: [{key: a}, {key: b}, {key: c}, {key: d}, {key: kubernetes.azure.com/scalesetpriority}, {key: e}]
          containers: [{name: c, resources: {limits: {nvidia.com/gpu: 1}}}]
        """)
        let tolerant = try XCTUnwrap(tolerating.workloads.first)
        XCTAssertTrue(tolerant.assumptions.contains { $0.contains("tolerates spot nodes (kubernetes.azure.com/scalesetpriority)") },
                      "\(tolerant.assumptions)")
    }

    func testModelAndCapacityFromSelectorsAndAffinity() throws {
        let reading = read("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: d}
        spec:
          template:
            spec:
              nodeSelector:
                eks.amazonaws.com/capacityType: SPOT
              affinity:
                nodeAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    nodeSelectorTerms:
                      - matchExpressions:
                          - {key: nvidia.com/gpu.product, operator: In, values: [NVIDIA-A100-SXM4-80GB, NVIDIA-H100-80GB-HBM3]}
              containers: [{name: c, resources: {limits: {nvidia.com/gpu: 1}}}]
        """)
        let workload = try XCTUnwrap(reading.workloads.first)
        XCTAssertEqual(workload.capacity, .spot, "EKS capacityType compares case-insensitively")
        XCTAssertEqual(workload.placement.provider, .aws)
        XCTAssertEqual(workload.pattern, .longRunning)
        let accelerator = try XCTUnwrap(workload.roles[0].accelerator)
        XCTAssertEqual(accelerator.candidates.map(\.id), ["a100-80gb", "h100-80gb"])
    }

    func testUnknownKindsAreReportedAndPodlessKindsIgnored() {
        let reading = read("""
        apiVersion: v1
        kind: Service
        metadata: {name: s}
        ---
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: w}
        """)
        XCTAssertEqual(reading.diagnostics.count, 1)
        XCTAssertEqual(reading.diagnostics[0].location.line, 5)
        XCTAssertEqual(reading.diagnostics[0].severity, .note, "no accelerator anywhere in it: said, not a warning")
        XCTAssertEqual(reading.diagnostics[0].ruleID, "unknown-kind")
        let strict = read("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n",
                          options: ReadOptions(month: month, strictKinds: true))
        XCTAssertEqual(strict.diagnostics.first?.severity, .error)
    }

    func testAnUnreadKindWithAcceleratorsIsAWarningAtTheRequest() {
        let reading = read("""
        apiVersion: argoproj.io/v1alpha1
        kind: Workflow
        metadata: {name: train}
        spec:
          templates:
            - name: main
              container:
                resources:
                  limits: {nvidia.com/gpu: 8}
            - name: eval
              container:
                resources:
                  requests: {"nvidia.com/gpu": "0"}
            - name: quota-like
              limits: {requests.amd.com/gpu: 2}
        """)
        XCTAssertTrue(reading.workloads.isEmpty)
        XCTAssertEqual(reading.diagnostics.count, 1)
        let diagnostic = reading.diagnostics[0]
        XCTAssertEqual(diagnostic.ruleID, Diagnostic.unreadGPURule)
        XCTAssertEqual(diagnostic.severity, .warning)
        XCTAssertTrue(diagnostic.isUnreadGPU)
        XCTAssertEqual(diagnostic.location.line, 9, "points at the first non-zero request")
        XCTAssertTrue(diagnostic.message.contains("Workflow/train (argoproj.io/v1alpha1) requests 8 × nvidia.com/gpu and 1 more"),
                      diagnostic.message)
    }

    func testListItemsAreRead() {
        let reading = read("""
        apiVersion: v1
        kind: List
        items:
          - {apiVersion: apps/v1, kind: Deployment, metadata: {name: a}, spec: {template: {spec: {containers: [{name: c}]}}}}
          - {apiVersion: apps/v1, kind: StatefulSet, metadata: {name: b}, spec: {replicas: 3, template: {spec: {containers: [{name: c}]}}}}
        """)
        XCTAssertEqual(reading.workloads.map(\.id), ["Deployment/default/a", "StatefulSet/default/b"])
        XCTAssertEqual(reading.workloads.last?.roles[0].replicas.nominal, 3)
    }

    func testCronJobCountsRunsInTheMonthAndSuspendMeansNone() throws {
        let yaml = """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly}
        spec:
          schedule: "0 3 * * *"
          SUSPEND
          jobTemplate:
            spec:
              template:
                spec: {containers: [{name: c}]}
        """
        let running = read(yaml.replacingOccurrences(of: "SUSPEND", with: "suspend: false"))
        XCTAssertEqual(try XCTUnwrap(running.workloads.first).runsPerMonth, 30, "November has 30 days")
        let suspended = read(yaml.replacingOccurrences(of: "SUSPEND", with: "suspend: true"))
        XCTAssertEqual(try XCTUnwrap(suspended.workloads.first).runsPerMonth, 0)
    }

    func testAnnotationsOfEveryLayerApplyAndBadOnesAreReportedWhereWritten() throws {
        let reading = read("""
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: nightly, annotations: {costgate.dev/duration: 5h}}
        spec:
          schedule: "0 3 * * *"
          jobTemplate:
            metadata:
              annotations: {costgate.dev/checkpoint-interval: 30m, costgate.dev/duration: 2h}
            spec:
              template:
                metadata:
                  annotations:
                    costgate.dev/gpu: l4
                spec: {containers: [{name: c, resources: {limits: {nvidia.com/gpu: 1}}}]}
        """)
        let workload = try XCTUnwrap(reading.workloads.first)
        XCTAssertEqual(workload.durationHours, 2, "the job template's annotation is more specific than the CronJob's")
        XCTAssertEqual(workload.checkpointIntervalHours, Decimal(string: "0.5"))
        XCTAssertEqual(workload.roles[0].accelerator?.model?.id, "l4")

        let bad = read("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: d}
        spec:
          template:
            metadata:
              annotations:
                costgate.dev/checkpoint-interval: often
            spec: {containers: [{name: c}]}
        """)
        let error = try XCTUnwrap(bad.diagnostics.first)
        XCTAssertEqual(error.location.line, 8, "reported at the pod template's annotation, not the object")
        XCTAssertEqual(error.location.column, 43)
    }

    func testWrongTypeIsAnErrorWithThePath() throws {
        let reading = read("""
        apiVersion: batch/v1
        kind: Job
        metadata: {name: j}
        spec:
          parallelism: two
          template: {spec: {containers: [{name: c}]}}
        """)
        let error = try XCTUnwrap(reading.diagnostics.first)
        XCTAssertEqual(error.message, "expected an integer at 'spec.parallelism', found 'two'")
        XCTAssertEqual(error.location.line, 5)
        XCTAssertEqual(error.location.column, 16)
    }

    func testDaemonSetNeedsANodeCount() {
        let yaml = """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: ds}
        spec: {template: {spec: {containers: [{name: c, resources: {limits: {nvidia.com/gpu: 1}}}]}}}
        """
        let unknown = read(yaml)
        XCTAssertTrue(unknown.workloads.isEmpty)
        XCTAssertEqual(unknown.diagnostics.first?.ruleID, Diagnostic.unreadGPURule, "a GPU DaemonSet left unpriced is counted as unread")
        XCTAssertEqual(unknown.diagnostics.first?.severity, .warning, "a GPU DaemonSet left unpriced is worth a warning")
        let agent = read(yaml.replacingOccurrences(of: "resources: {limits: {nvidia.com/gpu: 1}}", with: "image: agent"))
        XCTAssertEqual(agent.diagnostics.first?.ruleID, "daemonset-nodes-unknown")
        XCTAssertEqual(agent.diagnostics.first?.severity, .note, "node agents without GPUs are cheap: a note")
        let known = read(yaml, options: ReadOptions(daemonSetNodes: 5, month: month))
        XCTAssertEqual(known.workloads.first?.roles[0].replicas.nominal, 5)
    }

    func testDRAClaimsWithoutAGPUCountAreAnErrorNotAZero() throws {
        let reading = read("""
        apiVersion: v1
        kind: Pod
        metadata: {name: dra}
        spec:
          restartPolicy: Never
          resourceClaims:
            - {name: gpu, resourceClaimTemplateName: one-gpu}
          containers:
            - name: c
              resources: {claims: [{name: gpu}]}
        """)
        XCTAssertEqual(reading.diagnostics.map(\.rendered).first?.hasPrefix("test.yaml:7:7: error: the pod requests devices through DRA"), true,
                       "\(reading.diagnostics.map(\.rendered))")
        let beside = read("""
        apiVersion: v1
        kind: Pod
        metadata: {name: imex}
        spec:
          restartPolicy: Never
          resourceClaims: [{name: channel, resourceClaimTemplateName: imex}]
          containers:
            - name: c
              resources: {limits: {nvidia.com/gpu: 4}, claims: [{name: channel}]}
        """)
        XCTAssertEqual(beside.diagnostics, [])
        XCTAssertEqual(beside.workloads.first?.acceleratorCount.nominal, 4)
        XCTAssertTrue(beside.workloads.first?.assumptions.contains { $0.hasPrefix("DRA resource claims beside nvidia.com/gpu") } ?? false)
    }
}
