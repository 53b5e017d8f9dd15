import CostGateBasics
import CostGateYAML

/// An HPA, kept until the whole input set is read so it can be joined to its target.
public struct HorizontalPodAutoscaler: Sendable {
    public var name: String
    public var namespace: String?
    public var targetKind: String
    public var targetName: String
    public var minReplicas: Int
    public var maxReplicas: Int
    public var location: SourceLocation

    package static func read(_ object: KubernetesObject) throws(ManifestError) -> HorizontalPodAutoscaler {
        guard let spec = try object.root.child("spec") else { throw .missingField(path: "spec", at: object.location) }
        guard let target = try spec.child("scaleTargetRef") else { throw .missingField(path: "spec.scaleTargetRef", at: spec.location) }
        guard let targetName = try target.optionalString("name") else {
            throw .missingField(path: "spec.scaleTargetRef.name", at: target.location)
        }
        guard let maxNode = try spec.child("maxReplicas") else { throw .missingField(path: "spec.maxReplicas", at: spec.location) }
        let maxReplicas = try maxNode.int()
        let minReplicas = try spec.optionalInt("minReplicas") ?? 1
        guard minReplicas >= 0, maxReplicas >= max(minReplicas, 1) else {
            throw .invalidValue(path: "spec.maxReplicas", value: String(maxReplicas),
                                reason: "must be at least 1 and at least minReplicas (\(minReplicas))", at: maxNode.location)
        }
        return HorizontalPodAutoscaler(name: object.name, namespace: object.namespace,
                                       targetKind: try target.optionalString("kind") ?? "", targetName: targetName,
                                       minReplicas: minReplicas, maxReplicas: maxReplicas, location: object.location)
    }
}
