import Foundation
import CostGateBasics
import CostGateYAML

/// LeaderWorkerSet (`leaderworkerset.x-k8s.io/v1`): `spec.replicas` groups (default 1) of `size` pods (default 1), one
/// leader and size − 1 workers; the leader uses `leaderTemplate`, else the worker template. Serving: priced per month.
/// Field defaults: kubernetes-sigs/lws `api/leaderworkerset/v1/leaderworkerset_types.go`.
extension KubernetesReader {
    package func readLeaderWorkerSet(_ object: KubernetesObject, diagnostics: inout [Diagnostic]) throws(ManifestError) -> [Workload]? {
        guard let spec = try object.root.child("spec") else { throw .missingField(path: "spec", at: object.location) }
        guard let templates = try spec.child("leaderWorkerTemplate") else {
            throw .missingField(path: "spec.leaderWorkerTemplate", at: spec.location)
        }
        guard let workerTemplate = try templates.child("workerTemplate") else {
            throw .missingField(path: "\(templates.path).workerTemplate", at: templates.location)
        }
        let groups = try spec.child("replicas").map { node throws(ManifestError) in try nonNegative(node) } ?? 1
        let sizeNode = try templates.child("size")
        let size = try sizeNode.map { node throws(ManifestError) in try nonNegative(node) } ?? 1
        if let sizeNode, size < 1 {
            throw .invalidValue(path: sizeNode.path, value: String(size), reason: "must be at least 1 (the leader)", at: sizeNode.location)
        }
        let outer = try AnnotationLayers(object: object)
        var assumptions = ["\(groups) group\(groups == 1 ? "" : "s") of \(size) pod\(size == 1 ? "" : "s") (1 leader + \(size - 1) worker\(size == 2 ? "" : "s"))"
            + ((try spec.child("replicas")) == nil ? "; replicas not set: LeaderWorkerSet's default of 1" : "")
            + (sizeNode == nil ? "; size not set: the default of 1" : "")]
        let worker = try readPodTemplate(workerTemplate, annotations: outer, diagnostics: &diagnostics)
        let leader: (PodReading, AnnotationLayers)
        if let leaderTemplate = try templates.child("leaderTemplate") {
            leader = try readPodTemplate(leaderTemplate, annotations: outer, diagnostics: &diagnostics)
        } else {
            leader = worker
            assumptions.append("no leaderTemplate: the leader uses the worker template")
        }
        var roles = [PodRole(name: "leader", replicas: ReplicaRange(exactly: groups), pod: leader.0, annotations: leader.1)]
        if size > 1 {
            roles.append(PodRole(name: "worker", replicas: ReplicaRange(exactly: groups * (size - 1)), pod: worker.0, annotations: worker.1))
        }
        assumptions.append("each group restarts as a whole, but groups are independent: no gang for the spot model")
        var workload = try workload(object, roles: roles, pattern: .longRunning, duration: monthDuration(),
                                    extraAssumptions: assumptions)
        // An autoscaler scales groups: each group brings one leader and size − 1 workers.
        if workload.roles.count > 1 { workload.roles[1].podsPerReplica = size - 1 }
        return [workload]
    }
}
