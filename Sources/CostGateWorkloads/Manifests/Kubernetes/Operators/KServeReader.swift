import Foundation
import CostGateBasics
import CostGateYAML

/// KServe (`serving.kserve.io`): InferenceService (v1beta1) and LLMInferenceService (v1alpha1/v1alpha2),
/// serving priced per month like a Deployment, each component a role with a replica range.
/// Sources: kserve/kserve `pkg/apis/serving/v1beta1/{predictor,component,explainer,transformer}.go`,
/// `pkg/controller/v1beta1/inferenceservice/reconcilers/{hpa,keda,deployment}/…`,
/// `pkg/controller/v1alpha1/utils/utils.go` (Knative scale annotations), `pkg/constants/constants.go`,
/// `pkg/webhook/admission/pod/accelerator_injector.go`.
extension KubernetesReader {
    /// The keys of a predictor that hold its model server container (an inline `Container`).
    package static let kservePredictorFrameworks = ["model", "sklearn", "xgboost", "tensorflow", "pytorch", "triton", "onnx",
                                            "huggingface", "pmml", "lightgbm", "paddle"]
    package static let kserveExplainerFrameworks = ["art", "alibi", "aix"]
    package static let kserveGKEAccelerator = "serving.kserve.io/gke-accelerator"

    package func readKServe(_ object: KubernetesObject, diagnostics: inout [Diagnostic]) throws(ManifestError) -> [Workload]? {
        guard let spec = try object.root.child("spec") else { throw .missingField(path: "spec", at: object.location) }
        if object.kind == "LLMInferenceService" { return try readLLMInferenceService(object, spec: spec, diagnostics: &diagnostics) }
        guard let predictor = try spec.child("predictor") else { throw .missingField(path: "spec.predictor", at: spec.location) }
        let layers = try AnnotationLayers(object: object)
        let mode = KServeScaling.Mode(annotations: layers.merged)
        if mode == .modelMesh {
            diagnostics.append(Diagnostic(.note, at: object.location,
                "InferenceService '\(object.name)' uses ModelMesh: its model is loaded into the shared ServingRuntime pods, which are priced where they are deployed, not here",
                rule: "kserve-modelmesh"))
            return []
        }
        var roles: [PodRole] = []
        var assumptions = [KServeScaling.Mode.note(layers.merged)]
        let components: [(String, NodeCursor?, [String])] = [
            ("predictor", predictor, Self.kservePredictorFrameworks),
            ("transformer", try spec.child("transformer"), []),
            ("explainer", try spec.child("explainer"), Self.kserveExplainerFrameworks),
        ]
        for (name, node, frameworks) in components {
            guard let component = node else { continue }
            let podSpec = try kservePodSpec(component, frameworks: frameworks, annotations: layers)
            let pod = try PodTemplateReader.read(podSpec: podSpec, annotations: layers.merged, annotationLocation: object.location)
            diagnostics += pod.diagnostics
            let scaling = try KServeScaling.read(component, mode: mode)
            assumptions += scaling.notes.map { "\(name): \($0)" }
            if pod.cpu == 0 && pod.memoryBytes == 0 && pod.accelerator == nil {
                assumptions.append("\(name): no resources given; KServe fills them from the ServingRuntime or its inferenceservice config (not read): priced as declared")
            }
            if name == "predictor", try component.child("workerSpec") != nil {
                diagnostics.append(Diagnostic(.warning, at: component.location,
                    "InferenceService '\(object.name)' has a multi-node predictor (workerSpec): the worker count and GPUs come from the ServingRuntime's pipeline/tensor parallel sizes, which costgate does not read; only the head pods are priced",
                    rule: "kserve-workerspec-unpriced"))
            }
            roles.append(PodRole(name: name, replicas: scaling.replicas, pod: pod, annotations: layers))
        }
        return [try workload(object, roles: roles, pattern: .longRunning, duration: monthDuration(), extraAssumptions: assumptions)]
    }

    /// A component's pod spec as KServe builds it: the component's inline PodSpec fields, with the
    /// framework container (`model`, `pytorch`, …) first among the containers, and the GKE
    /// accelerator annotation turned into a node selector.
    private func kservePodSpec(_ component: NodeCursor, frameworks: [String],
                               annotations: AnnotationLayers) throws(ManifestError) -> NodeCursor {
        let given = frameworks.compactMap { component.node.value($0) }
        var containers: [YAMLNode] = given
        if let listed = try component.child("containers") {
            // With a framework, a `kserve-container` entry only adds to it (merged by KServe): not a pod of its own.
            for item in try listed.items() {
                let name = try item.optionalString("name")
                if given.isEmpty || name != "kserve-container" { containers.append(item.node) }
            }
        }
        guard !containers.isEmpty else {
            throw .missingField(path: "\(component.path).model (or containers, or a framework such as \(frameworks.prefix(3).joined(separator: ", ")))",
                                at: component.location)
        }
        var spec = component.node.setting("containers", to: .sequence(containers, at: containers[0]))
        let componentAnnotations = try component.child("annotations")?.stringMap() ?? [:]
        if let accelerator = componentAnnotations[Self.kserveGKEAccelerator] ?? annotations[Self.kserveGKEAccelerator] {
            let selector = spec.value("nodeSelector") ?? .mapping([], at: component.node)
            if selector.value("cloud.google.com/gke-accelerator") == nil {
                let value = YAMLNode(.scalar(accelerator, .doubleQuoted), line: component.node.line, column: component.node.column)
                spec = spec.setting("nodeSelector", to: selector.setting("cloud.google.com/gke-accelerator", to: value))
            }
        }
        return NodeCursor(node: spec, path: component.path, file: component.file, document: component.document)
    }
}
