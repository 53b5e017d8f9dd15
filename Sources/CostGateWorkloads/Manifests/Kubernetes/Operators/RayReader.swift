import Foundation
import CostGateBasics
import CostGateYAML

/// KubeRay (`ray.io/v1`): RayCluster and RayService run until deleted (priced per month); a RayJob is one run of
/// its own cluster, or open-ended when the cluster outlives the job. Field defaults: kuberay
/// `ray-operator/apis/ray/v1/{raycluster,rayjob,rayservice}_types.go`.
extension KubernetesReader {
    package func readRay(_ object: KubernetesObject, diagnostics: inout [Diagnostic]) throws(ManifestError) -> [Workload]? {
        guard let spec = try object.root.child("spec") else { throw .missingField(path: "spec", at: object.location) }
        switch object.kind {
        case "RayCluster":
            let cluster = try readRayClusterSpec(spec, of: object, diagnostics: &diagnostics)
            return [try workload(object, roles: cluster.roles, pattern: .longRunning, duration: monthDuration(),
                                 extraAssumptions: cluster.assumptions)]
        case "RayService":
            guard let config = try spec.child("rayClusterConfig") else {
                throw .missingField(path: "spec.rayClusterConfig", at: spec.location)
            }
            var cluster = try readRayClusterSpec(config, of: object, diagnostics: &diagnostics)
            if (try spec.optionalBool("suspend")) == true {
                cluster.assumptions.append("spec.suspend is true: priced as if resumed")
            }
            cluster.assumptions.append("serving: priced per month; the second cluster a zero-downtime upgrade runs for a while is not priced")
            return [try workload(object, roles: cluster.roles, pattern: .longRunning, duration: monthDuration(),
                                 extraAssumptions: cluster.assumptions)]
        default:
            return try readRayJob(object, spec: spec, diagnostics: &diagnostics)
        }
    }

    /// KubeRay's submitter pod when `submitterPodTemplate` is absent (`GetDefaultSubmitterContainer`): 500m CPU, 200Mi.
    package static let rayDefaultSubmitter: PodReading = {
        var pod = PodReading()
        pod.cpu = Decimal(string: "0.5")!
        pod.memoryBytes = 200 << 20
        return pod
    }()

    private func readRayJob(_ object: KubernetesObject, spec: NodeCursor, diagnostics: inout [Diagnostic]) throws(ManifestError) -> [Workload] {
        if let selector = try spec.child("clusterSelector"), !(try selector.entries().isEmpty) {
            diagnostics.append(Diagnostic(.note, at: selector.location,
                "RayJob '\(object.name)' runs on an existing RayCluster (spec.clusterSelector): it adds no cluster cost here; "
                    + "that cluster is priced where it is defined", rule: "ray-existing-cluster"))
            return []
        }
        guard let clusterSpec = try spec.child("rayClusterSpec") else {
            throw .missingField(path: "spec.rayClusterSpec (or spec.clusterSelector)", at: spec.location)
        }
        var cluster = try readRayClusterSpec(clusterSpec, of: object, diagnostics: &diagnostics)
        if (try spec.optionalBool("suspend")) == true {
            cluster.assumptions.append("spec.suspend is true: priced as if resumed (Kueue creates RayJobs suspended)")
        }
        let shutdownNode = try spec.child("shutdownAfterJobFinishes")
        let deletion = try rayJobDeletionPolicy(spec)
        // KubeRay's default is false: the cluster outlives the job unless it is shut down or deleted.
        guard try shutdownNode?.bool() == true || deletion != nil else {
            diagnostics.append(Diagnostic(.warning, at: shutdownNode?.location ?? spec.location,
                "RayJob '\(object.name)' keeps its RayCluster running after the job (shutdownAfterJobFinishes is "
                    + "\(shutdownNode == nil ? "not set, KubeRay's default false" : "false")): the cost is open-ended and priced per month; "
                    + "set shutdownAfterJobFinishes: true to price one run", rule: "open-ended"))
            cluster.assumptions.insert("open-ended: the RayCluster stays up after the job (shutdownAfterJobFinishes false): priced per month; "
                + "the submitter, which ends with the job, is not", at: 0)
            return [try workload(object, roles: cluster.roles, pattern: .longRunning, duration: monthDuration(),
                                 extraAssumptions: cluster.assumptions)]
        }
        cluster.assumptions.insert(deletion.map { "deletionStrategy \($0) removes the cluster after the job: priced as one run" }
            ?? "shutdownAfterJobFinishes: the cluster is deleted when the job ends: priced as one run", at: 0)
        try addRaySubmitter(spec, object: object, to: &cluster, diagnostics: &diagnostics)
        if let retries = try spec.optionalInt("backoffLimit"), retries > 0 {
            cluster.assumptions.append("backoffLimit \(retries): each retry creates a new RayCluster, so failures could multiply "
                + "the cost by up to \(retries + 1); priced as one attempt")
        }
        let deadline = try spec.optionalInt("activeDeadlineSeconds")
        guard let layers = cluster.roles.primary?.annotations else { throw .missingField(path: "spec.rayClusterSpec", at: spec.location) }
        let duration = try runDuration(layers, deadline: deadline, kind: object.kind, maxExecTime: object.labels[Self.kueueMaxExecTime])
        var workload = try workload(object, roles: cluster.roles, pattern: .oneOff, duration: duration,
                                    extraAssumptions: cluster.assumptions)
        workload.timeLimitSeconds = deadline
        return [workload]
    }

    /// In K8sJobMode (the default) a one-pod Kubernetes Job runs `ray job submit` and follows the job to its end:
    /// priced from `submitterPodTemplate`, else KubeRay's default submitter. Other modes run no submitter pod.
    private func addRaySubmitter(_ spec: NodeCursor, object: KubernetesObject, to cluster: inout RayClusterReading,
                                 diagnostics: inout [Diagnostic]) throws(ManifestError) {
        let mode = try spec.optionalString("submissionMode") ?? "K8sJobMode"
        guard mode == "K8sJobMode" else { return }
        if let template = try spec.child("submitterPodTemplate") {
            let (pod, annotations) = try readPodTemplate(template, annotations: AnnotationLayers(object: object), diagnostics: &diagnostics)
            cluster.roles.append(PodRole(name: "submitter", replicas: ReplicaRange(exactly: 1), pod: pod, annotations: annotations))
        } else {
            cluster.roles.append(PodRole(name: "submitter", replicas: ReplicaRange(exactly: 1), pod: Self.rayDefaultSubmitter,
                                         annotations: try AnnotationLayers(object: object)))
            cluster.assumptions.append("submitter: KubeRay's default submitter pod (500m CPU, 200Mi) for the whole run")
        }
    }

    /// The `deletionStrategy` policy that removes the RayCluster after the job (DeleteCluster or DeleteSelf), if any.
    private func rayJobDeletionPolicy(_ spec: NodeCursor) throws(ManifestError) -> String? {
        guard let strategy = try spec.child("deletionStrategy") else { return nil }
        var policies: [String] = []
        for rule in try strategy.child("deletionRules")?.items() ?? [] {
            if let policy = try rule.optionalString("policy") { policies.append(policy) }
        }
        for key in ["onSuccess", "onFailure"] {
            if let policy = try strategy.child(key)?.optionalString("policy") { policies.append(policy) }
        }
        return policies.first { $0 == "DeleteCluster" || $0 == "DeleteSelf" }
    }
}
