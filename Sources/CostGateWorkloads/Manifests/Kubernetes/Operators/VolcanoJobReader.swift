import Foundation
import CostGateBasics
import CostGateYAML

/// Volcano Job (`batch.volcano.sh`): each `spec.tasks[]` entry is a role of `replicas` pods (no default: unset is 0);
/// one run, whose declared length is `spec.runningEstimate`; `minAvailable` pods are gang-scheduled.
/// Field defaults: volcano-sh/apis `pkg/apis/batch/v1alpha1/job.go` and the volcano admission webhook
/// (`pkg/webhooks/admission/jobs/mutate/mutate_job.go`: minAvailable = Σ tasks' minAvailable, else replicas).
extension KubernetesReader {
    /// The kind as kubectl and a policy's `defaultDuration` spell it.
    package static let volcanoJobKind = "Job.batch.volcano.sh"

    package func readVolcanoJob(_ object: KubernetesObject, diagnostics: inout [Diagnostic]) throws(ManifestError) -> [Workload]? {
        guard let spec = try object.root.child("spec") else { throw .missingField(path: "spec", at: object.location) }
        let tasks = try spec.child("tasks")?.items() ?? []
        guard !tasks.isEmpty else { throw .missingField(path: "spec.tasks", at: spec.location) }
        let outer = try AnnotationLayers(object: object)
        var roles: [PodRole] = []
        var assumptions: [String] = []
        var deadlines: [Int] = []
        var defaultGang = 0
        for (index, task) in tasks.enumerated() {
            let name = try task.optionalString("name") ?? "default\(index)"
            let replicasNode = try task.child("replicas")
            let replicas = try replicasNode.map { node throws(ManifestError) in try nonNegative(node) } ?? 0
            if replicasNode == nil {
                diagnostics.append(Diagnostic(.warning, at: task.location,
                    "Volcano Job '\(object.name)' task '\(name)' does not set replicas: Volcano has no default and creates no pods for it",
                    rule: "volcano-task-no-replicas"))
                assumptions.append("\(name): replicas not set: 0 pods (Volcano has no default)")
            }
            guard let template = try task.child("template") else { throw .missingField(path: "\(task.path).template", at: task.location) }
            let (pod, annotations) = try readPodTemplate(template, annotations: outer, diagnostics: &diagnostics)
            roles.append(PodRole(name: name, replicas: ReplicaRange(exactly: replicas), pod: pod, annotations: annotations))
            if let deadline = pod.activeDeadlineSeconds { deadlines.append(deadline) }
            defaultGang += try task.child("minAvailable").map { node throws(ManifestError) in try nonNegative(node) } ?? replicas
        }
        let minAvailable = try spec.child("minAvailable").map { node throws(ManifestError) in try nonNegative(node) }
        let gang = min(minAvailable.flatMap { $0 > 0 ? $0 : nil } ?? defaultGang, roles.nominalPods)
        if gang > 1 {
            assumptions.append("a gang of \(gang) pods (minAvailable\(minAvailable == nil ? " not set: Σ tasks' minAvailable, else replicas" : "")): "
                + "scheduled and interrupted together")
        }
        let layers = roles.primary?.annotations ?? outer
        let deadline = deadlines.max()
        let duration = try volcanoDuration(spec, layers: layers, deadline: deadline, object: object)
        assumptions.append("maxRetry \(try spec.optionalInt("maxRetry") ?? 3): a failed Job may restart; priced as one attempt")
        var workload = try workload(object, roles: roles, pattern: .oneOff, duration: duration,
                                    gangSize: gang > 1 ? gang : nil, extraAssumptions: assumptions)
        workload.timeLimitSeconds = deadline
        // Not `Job/…`: a batch Job of the same name and namespace is a different object.
        workload.id = "\(Self.volcanoJobKind)/\(object.namespace ?? "default")/\(object.name)"
        return [workload]
    }

    /// `costgate.dev/duration`, else `spec.runningEstimate` (a Go duration the user declares), else the run-duration rules.
    private func volcanoDuration(_ spec: NodeCursor, layers: AnnotationLayers, deadline: Int?,
                                 object: KubernetesObject) throws(ManifestError) -> ResolvedDuration {
        if layers["costgate.dev/duration"] == nil, let node = try spec.child("runningEstimate") {
            let text = try node.string()
            guard let seconds = DurationText.seconds(text) else {
                throw .invalidValue(path: node.path, value: text, reason: "expected a duration such as '2h30m' or '90m'", at: node.location)
            }
            return ResolvedDuration(hours: DecimalMath.hours(seconds: seconds), source: .annotation,
                                    note: "duration is spec.runningEstimate (\(text)), the run time the Job declares")
        }
        return try runDuration(layers, deadline: deadline, kind: Self.volcanoJobKind, maxExecTime: object.labels[Self.kueueMaxExecTime])
    }
}
