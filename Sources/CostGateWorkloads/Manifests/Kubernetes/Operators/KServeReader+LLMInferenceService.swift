import Foundation
import CostGateBasics
import CostGateYAML

/// LLMInferenceService (`serving.kserve.io/v1alpha1`, `v1alpha2`): a main (decode) pool and an
/// optional prefill pool, each a Deployment of `replicas` pods of `template`, or, with `worker`, a
/// LeaderWorkerSet of `replicas` groups of `parallelism` size (one leader from `template`, the rest
/// from `worker`). Sources: kserve/kserve `pkg/apis/serving/v1alpha2/llm_inference_service_types.go`,
/// `…_types_func.go` (`ParallelismSpec.GetSize`), `pkg/controller/v1alpha2/llmisvc/workload_{single,multi}_node.go`.
extension KubernetesReader {
    package func readLLMInferenceService(_ object: KubernetesObject, spec: NodeCursor,
                                 diagnostics: inout [Diagnostic]) throws(ManifestError) -> [Workload] {
        let layers = try AnnotationLayers(object: object)
        var roles: [PodRole] = []
        var assumptions: [String] = []
        var missing: [String] = []
        let pools: [(String, NodeCursor?)] = [("main", spec), ("prefill", try spec.child("prefill"))]
        for (name, node) in pools {
            guard let pool = node else { continue }
            let template = try pool.child("template")
            let worker = try pool.child("worker")
            guard let leader = template ?? worker else {
                missing.append(name == "main" ? "spec.template" : "spec.prefill.template")
                continue
            }
            let replicas = try llmReplicas(pool, name: name, notes: &assumptions)
            let leaderPod = try PodTemplateReader.read(podSpec: leader, annotations: layers.merged, annotationLocation: leader.location)
            diagnostics += leaderPod.diagnostics
            guard let worker else {
                roles.append(PodRole(name: name, replicas: replicas, pod: leaderPod, annotations: layers))
                continue
            }
            let size = try llmGroupSize(pool, name: name, notes: &assumptions)
            let workerPod = try PodTemplateReader.read(podSpec: worker, annotations: layers.merged, annotationLocation: worker.location)
            diagnostics += workerPod.diagnostics
            if template == nil { assumptions.append("\(name): no template: the leader runs the worker template (LeaderWorkerSet's rule)") }
            roles.append(PodRole(name: "\(name)-leader", replicas: replicas, pod: leaderPod, annotations: layers))
            if size > 1 {
                roles.append(PodRole(name: "\(name)-worker", replicas: replicas * (size - 1), pod: workerPod, annotations: layers))
            }
        }
        if !missing.isEmpty {
            let presets = (try spec.child("baseRefs")) != nil ? "the LLMInferenceServiceConfig objects in spec.baseRefs" : "KServe's well-known LLMInferenceServiceConfig presets"
            diagnostics.append(Diagnostic(.warning, at: spec.location,
                "LLMInferenceService '\(object.name)' has no \(missing.joined(separator: " or ")): its pods come from \(presets), which costgate does not read, so \(roles.isEmpty ? "its cost is not counted" : "that pool is not counted"); write the pool's template with its container resources",
                rule: "llmisvc-template-missing"))
            if roles.isEmpty { return [] }
        }
        if try spec.child("baseRefs") != nil {
            assumptions.append("spec.baseRefs presets are merged by the controller and not read: resources as written here")
        }
        if try spec.child("router")?.child("scheduler") != nil {
            assumptions.append("the router's scheduler (endpoint picker) pods are not priced (CPU only, small)")
        }
        return [try workload(object, roles: roles, pattern: .longRunning, duration: monthDuration(), extraAssumptions: assumptions)]
    }

    /// `replicas` (unset: 1, the Deployment/LeaderWorkerSet default), bounded by `scaling` when set.
    private func llmReplicas(_ pool: NodeCursor, name: String, notes: inout [String]) throws(ManifestError) -> ReplicaRange {
        let declared = try pool.child("replicas").map { node throws(ManifestError) in try nonNegative(node) }
        guard let scaling = try pool.child("scaling") else {
            if declared == nil { notes.append("\(name): replicas not set: 1 (the Deployment/LeaderWorkerSet default)") }
            return ReplicaRange(exactly: declared ?? 1)
        }
        let low = try scaling.child("minReplicas").map { node throws(ManifestError) in try nonNegative(node) } ?? 1
        guard let highNode = try scaling.child("maxReplicas") else {
            throw .missingField(path: "\(scaling.path).maxReplicas", at: scaling.location)
        }
        let high = max(try nonNegative(highNode), low)
        let nominal = min(max(declared ?? low, low), high)
        notes.append("\(name): autoscaled between \(low) and \(high) replicas (spec.scaling)")
        return ReplicaRange(min: low, nominal: nominal, max: high)
    }

    /// Pods per LeaderWorkerSet group: `data / dataLocal` when data parallel, else `pipeline`, else 1.
    private func llmGroupSize(_ pool: NodeCursor, name: String, notes: inout [String]) throws(ManifestError) -> Int {
        let parallelism = try pool.child("parallelism")
        func value(_ key: String) throws(ManifestError) -> Int? {
            try parallelism?.child(key).map { node throws(ManifestError) in try nonNegative(node) }
        }
        let data = try value("data"), dataLocal = try value("dataLocal"), pipeline = try value("pipeline")
        if (data ?? 0) > 0 || (dataLocal ?? 0) > 0 {
            let size = max(max(data ?? 1, 1) / max(dataLocal ?? 1, 1), 1)
            notes.append("\(name): \(size) pods per group (parallelism.data \(data ?? 1) / dataLocal \(dataLocal ?? 1))")
            return size
        }
        if let pipeline, pipeline > 0 {
            notes.append("\(name): \(pipeline) pods per group (parallelism.pipeline)")
            return pipeline
        }
        notes.append("\(name): worker given without data or pipeline parallelism: groups of 1 pod (LeaderWorkerSet's default size)")
        return 1
    }
}
