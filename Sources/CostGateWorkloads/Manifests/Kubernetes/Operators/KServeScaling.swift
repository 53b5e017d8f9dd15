import CostGateYAML

/// How many pods a KServe InferenceService component runs, from `minReplicas`/`maxReplicas` as the
/// deployment mode and autoscaler read them (kserve/kserve `pkg/constants/constants.go`: default
/// autoscaler class hpa, DefaultMinReplicas 1). Without the annotation the mode is the cluster's
/// `deploy.defaultDeploymentMode`, which both shipped installs set to Knative
/// (`config/configmap/inferenceservice.yaml` "Serverless", Helm `kserve.controller.deploymentMode`).
package struct KServeScaling {
    package enum Mode: Equatable {
        /// Knative: `min-scale`/`max-scale` annotations; minReplicas 0 scales to zero, maxReplicas 0 is unbounded.
        case knative
        /// Standard (raw Deployment) with an autoscaler class: `hpa` (default), `keda`, `external` or `none`.
        case standard(autoscaler: String)

        package static let modeKey = "serving.kserve.io/deploymentMode"
        package static let autoscalerKey = "serving.kserve.io/autoscalerClass"

        /// ModelMesh: the model is loaded into the shared ServingRuntime pods; the InferenceService has none of its own.
        case modelMesh

        package init(annotations: [String: String]) {
            switch annotations[Self.modeKey] {
            case "Standard", "RawDeployment": self = .standard(autoscaler: annotations[Self.autoscalerKey] ?? "hpa")
            case "ModelMesh": self = .modelMesh
            default: self = .knative
            }
        }

        package static func note(_ annotations: [String: String]) -> String {
            switch (Mode(annotations: annotations), annotations[modeKey]) {
            case (.knative, nil):
                return "no \(modeKey) annotation: the cluster's default mode, Knative in KServe's shipped install config (a cluster set to Standard keeps at least 1 replica under its HPA)"
            case (.knative, _): return "Knative deployment mode: replicas between minReplicas and maxReplicas"
            case (.standard(let autoscaler), _): return "Standard (raw Deployment) mode with the \(autoscaler) autoscaler"
            case (.modelMesh, _): return "ModelMesh mode: served by shared ServingRuntime pods"
            }
        }
    }

    package var replicas: ReplicaRange
    package var notes: [String] = []

    package static func read(_ component: NodeCursor, mode: Mode) throws(ManifestError) -> KServeScaling {
        let declaredMin = try component.child("minReplicas").map { node throws(ManifestError) in try nonNegative(node) }
        let declaredMax = try component.child("maxReplicas").map { node throws(ManifestError) in try nonNegative(node) } ?? 0
        var notes: [String] = []
        var low = declaredMin ?? 1
        if declaredMin == nil { notes.append("minReplicas not set: KServe's default of 1") }
        var high = declaredMax
        switch mode {
        case .knative, .modelMesh:
            if low == 0 { notes.append("minReplicas 0: scales to zero when idle (priced from 0; the nominal figure keeps one replica up)") }
            if high == 0 {
                high = max(low, 1)
                notes.append("maxReplicas not set: Knative may scale up to its cluster-wide max-scale; priced up to \(high)")
            }
        case .standard(let autoscaler) where autoscaler == "none":
            high = low
            notes.append("autoscaler class none: a fixed \(low) replicas (minReplicas)")
        case .standard(let autoscaler):
            if low == 0 && autoscaler == "hpa" {
                low = 1
                notes.append("minReplicas 0 asks for scale to zero, which the HPA of KServe's Standard mode cannot do: at least 1 replica (use Knative mode or the keda autoscaler to scale to zero)")
            } else if low == 0 {
                notes.append("minReplicas 0: the \(autoscaler) autoscaler scales to zero when idle (priced from 0; the nominal figure keeps one replica up)")
            }
            if high < low {
                if declaredMax == 0 { notes.append("maxReplicas not set: KServe sets the autoscaler's maximum to minReplicas (\(low))") }
                high = low
            }
        }
        let nominal = min(max(low, 1), high)
        return KServeScaling(replicas: ReplicaRange(min: min(low, nominal), nominal: nominal, max: high), notes: notes)
    }

    private static func nonNegative(_ node: NodeCursor) throws(ManifestError) -> Int {
        let value = try node.int()
        guard value >= 0 else { throw .invalidValue(path: node.path, value: String(value), reason: "must not be negative", at: node.location) }
        return value
    }
}
