import Foundation
import CostGateBasics
import CostGateYAML

/// The pods of a KubeRay `RayClusterSpec` (a RayCluster's `spec`, a RayJob's `rayClusterSpec`, a RayService's
/// `rayClusterConfig`), counted as the operator counts them (kuberay `GetWorkerGroupDesiredReplicas`).
package struct RayClusterReading {
    package var roles: [PodRole]
    package var assumptions: [String]
}

extension KubernetesReader {
    /// KubeRay's `maxReplicas` default (MaxInt32): no bound.
    package static let rayUnboundedReplicas = Int(Int32.max)

    /// The head pod and each worker group. `spec` is the RayClusterSpec itself.
    package func readRayClusterSpec(_ spec: NodeCursor, of object: KubernetesObject,
                            diagnostics: inout [Diagnostic]) throws(ManifestError) -> RayClusterReading {
        let outer = try AnnotationLayers(object: object)
        guard let head = try spec.child("headGroupSpec") else { throw .missingField(path: "\(spec.path).headGroupSpec", at: spec.location) }
        guard let headTemplate = try head.child("template") else { throw .missingField(path: "\(head.path).template", at: head.location) }
        let (headPod, headAnnotations) = try readPodTemplate(headTemplate, annotations: outer, diagnostics: &diagnostics)
        var roles = [PodRole(name: "head", replicas: ReplicaRange(exactly: 1), pod: headPod, annotations: headAnnotations)]
        var assumptions: [String] = []
        if let note = try rayLogicalGPUNote(head, pod: headPod, role: "head") { assumptions.append(note) }

        let autoscaling = try spec.optionalBool("enableInTreeAutoscaling") ?? false
        for (index, group) in try (spec.child("workerGroupSpecs")?.items() ?? []).enumerated() {
            let name = try group.optionalString("groupName") ?? "worker-group-\(index)"
            guard let template = try group.child("template") else { throw .missingField(path: "\(group.path).template", at: group.location) }
            let (pod, annotations) = try readPodTemplate(template, annotations: outer, diagnostics: &diagnostics)
            let replicas = try rayWorkerReplicas(group, name: name, autoscaling: autoscaling, object: object,
                                                 assumptions: &assumptions, diagnostics: &diagnostics)
            roles.append(PodRole(name: name, replicas: replicas, pod: pod, annotations: annotations))
            if let note = try rayLogicalGPUNote(group, pod: pod, role: name) { assumptions.append(note) }
        }
        if autoscaling {
            assumptions.append("Ray autoscaler on (enableInTreeAutoscaling): workers range from minReplicas to maxReplicas; "
                + "the autoscaler sidecar KubeRay adds to the head pod is not priced")
        }
        if (try spec.optionalBool("suspend")) == true {
            assumptions.append("\(spec.path).suspend is true: priced as if resumed (Kueue admits Ray clusters by resuming them)")
        }
        if roles.count > 1 { assumptions.append("Ray workers are independent replicas for the spot model, not a synchronous gang") }
        return RayClusterReading(roles: roles, assumptions: assumptions)
    }

    /// Desired pods of one worker group: clamp(replicas, minReplicas, maxReplicas) × numOfHosts, 0 when the group is
    /// suspended; with the autoscaler the range minReplicas…maxReplicas (× numOfHosts).
    private func rayWorkerReplicas(_ group: NodeCursor, name: String, autoscaling: Bool, object: KubernetesObject,
                                   assumptions: inout [String], diagnostics: inout [Diagnostic]) throws(ManifestError) -> ReplicaRange {
        let replicas = try group.child("replicas").map { node throws(ManifestError) in try nonNegative(node) }
        let minReplicas = try group.child("minReplicas").map { node throws(ManifestError) in try nonNegative(node) } ?? 0
        let maxNode = try group.child("maxReplicas")
        let maxReplicas = try maxNode.map { node throws(ManifestError) in try nonNegative(node) } ?? Self.rayUnboundedReplicas
        let hosts = try group.child("numOfHosts").map { node throws(ManifestError) in try nonNegative(node) } ?? 1
        if let maxNode, minReplicas > maxReplicas {
            throw .invalidValue(path: maxNode.path, value: String(maxReplicas),
                                reason: "must be at least minReplicas (\(minReplicas))", at: maxNode.location)
        }
        if (try group.optionalBool("suspend")) == true {
            assumptions.append("\(name): the worker group is suspended: no pods")
            return ReplicaRange(exactly: 0)
        }
        // KubeRay: replicas unset or below minReplicas → minReplicas; above maxReplicas → maxReplicas.
        let desired = min(max(replicas ?? minReplicas, minReplicas), maxReplicas)
        if replicas == nil {
            assumptions.append("\(name): replicas not set: minReplicas (\(minReplicas)), as KubeRay does")
        } else if let replicas, replicas != desired {
            assumptions.append("\(name): replicas \(replicas) outside minReplicas…maxReplicas: KubeRay runs \(desired)")
        }
        if hosts != 1 {
            assumptions.append("\(name): \(hosts) hosts (pods) per replica (numOfHosts): pods = \(desired) × \(hosts) = \(desired * hosts)")
        }
        guard autoscaling else { return ReplicaRange(exactly: desired * hosts) }
        guard maxReplicas < Self.rayUnboundedReplicas else {
            diagnostics.append(Diagnostic(.warning, at: group.location,
                "\(object.kind) '\(object.name)' worker group '\(name)' autoscales with no maxReplicas: the Ray autoscaler may add "
                    + "workers without bound; its maximum is priced as the nominal pod count, \(desired * hosts) (set maxReplicas to bound the cost)",
                rule: "unbounded-autoscaling"))
            assumptions.append("\(name): no maxReplicas with the autoscaler on: unbounded; the maximum is priced as the nominal pod count, \(desired * hosts)")
            return ReplicaRange(min: minReplicas * hosts, nominal: desired * hosts, max: desired * hosts)
        }
        return ReplicaRange(min: minReplicas * hosts, nominal: desired * hosts, max: maxReplicas * hosts)
    }

    /// Ray's logical GPUs (`rayStartParams.num-gpus`, the group's `resources.GPU`) are what Ray schedules on, not what the
    /// pod requests: they are never priced; say so when they claim GPUs the pod does not request.
    private func rayLogicalGPUNote(_ group: NodeCursor, pod: PodReading, role: String) throws(ManifestError) -> String? {
        guard (pod.accelerator?.count ?? 0) == 0 else { return nil }
        let declared = [("rayStartParams.num-gpus", try group.child("rayStartParams")?.stringMap()["num-gpus"]),
                        ("resources.GPU", try group.child("resources")?.stringMap()["GPU"])]
        for case let (field, value?) in declared {
            guard let count = Decimal(string: value.trimmingCharacters(in: .whitespaces)), count > 0 else { continue }
            return "\(role): \(field) '\(value)' is Ray's logical GPU count, not a pod request; the pod requests no GPUs, so none are priced"
        }
        return nil
    }
}
