import Foundation
import CostGateBasics
import CostGateYAML

/// vLLM production-stack's VLLMRuntime (`production-stack.vllm.ai/v1alpha1`): one Deployment of
/// `deploymentConfig.replicas` pods, each with one `vllm` container whose requests and limits are
/// `deploymentConfig.resources` (`gpu` counted as `gpuType`, default `nvidia.com/gpu`), placed by
/// `nodeSelectorTerms` (required node affinity) and `toleration`; KEDA scales it between
/// `autoscalingConfig.minReplicas` (default 1) and `maxReplicas` when enabled.
/// Sources: vllm-project/production-stack `operator/api/v1alpha1/{vllmruntime_types,common}.go`,
/// `operator/internal/controller/vllmruntime_controller.go`.
extension KubernetesReader {
    package func readVLLMRuntime(_ object: KubernetesObject, diagnostics: inout [Diagnostic]) throws(ManifestError) -> [Workload]? {
        guard let config = try object.root.descend("spec", "deploymentConfig") else {
            throw .missingField(path: "spec.deploymentConfig", at: object.location)
        }
        var assumptions: [String] = []
        var containers = [try vllmContainer("vllm", resources: config.child("resources"), at: config)]
        if let sidecar = try config.child("sidecarConfig"), try sidecar.optionalBool("enabled") == true {
            containers.append(try vllmContainer("sidecar", resources: sidecar.child("resources"), at: sidecar))
        }
        var podSpec = YAMLNode.mapping([("containers", .sequence(containers, at: config.node))], at: config.node)
        if let terms = try config.child("nodeSelectorTerms") {
            let required = YAMLNode.mapping([("nodeSelectorTerms", terms.node)], at: terms.node)
            let affinity = YAMLNode.mapping([("requiredDuringSchedulingIgnoredDuringExecution", required)], at: terms.node)
            podSpec = podSpec.setting("affinity", to: .mapping([("nodeAffinity", affinity)], at: terms.node))
        }
        if let tolerations = try config.child("toleration") { podSpec = podSpec.setting("tolerations", to: tolerations.node) }
        let annotations = try AnnotationLayers(object: object)
        let pod = try PodTemplateReader.read(podSpec: NodeCursor(node: podSpec, path: config.path, file: config.file, document: config.document),
                                             annotations: annotations.merged, annotationLocation: object.location)
        diagnostics += pod.diagnostics

        let declared = try config.child("replicas").map { node throws(ManifestError) in try nonNegative(node) }
        if declared == nil { assumptions.append("deploymentConfig.replicas not set: the CRD's default of 1") }
        var replicas = ReplicaRange(exactly: declared ?? 1)
        if let scaling = try object.root.descend("spec", "autoscalingConfig"), try scaling.optionalBool("enabled") == true {
            let low = try scaling.child("minReplicas").map { node throws(ManifestError) in try nonNegative(node) } ?? 1
            guard let highNode = try scaling.child("maxReplicas") else {
                throw .missingField(path: "\(scaling.path).maxReplicas", at: scaling.location)
            }
            let high = max(try nonNegative(highNode), low)
            replicas = ReplicaRange(min: low, nominal: min(max(declared ?? 1, low), high), max: high)
            assumptions.append("KEDA autoscaling between \(low) and \(high) replicas (autoscalingConfig)"
                + (low == 0 ? "; minReplicas 0 scales to zero when idle" : ""))
        }
        if pod.accelerator == nil {
            assumptions.append("deploymentConfig.resources.gpu not set: no GPU requested")
        }
        return [try workload(object, roles: [PodRole(name: "replica", replicas: replicas, pod: pod, annotations: annotations)],
                             pattern: .longRunning, duration: monthDuration(), extraAssumptions: assumptions)]
    }

    /// A container whose requests and limits are the operator's `cpu`, `memory`, `gpu` (as `gpuType`).
    private func vllmContainer(_ name: String, resources: NodeCursor?, at owner: NodeCursor) throws(ManifestError) -> YAMLNode {
        var list: [(String, YAMLNode)] = []
        if let resources {
            for key in ["cpu", "memory"] {
                if let value = try resources.child(key) { list.append((key, value.node)) }
            }
            if let gpu = try resources.child("gpu") {
                let type = try resources.optionalString("gpuType") ?? "nvidia.com/gpu"
                list.append((type, gpu.node))
            }
        }
        let anchor = resources?.node ?? owner.node
        let requirements = YAMLNode.mapping([("limits", .mapping(list, at: anchor)), ("requests", .mapping(list, at: anchor))], at: anchor)
        return .mapping([("name", .scalar(name, at: anchor)), ("resources", requirements)], at: anchor)
    }
}
