import CostGateBasics
import CostGateYAML

/// The annotations that apply to one pod template, most specific first: the pod template's, a
/// CronJob's job template's, then the object's. Merged once, and every value remembers where it
/// was written, so a bad `costgate.dev/*` value is reported at its own line.
package struct AnnotationLayers: Sendable {
    /// `metadata.annotations` mappings, most specific first.
    private var layers: [NodeCursor] = []
    private(set) var merged: [String: String] = [:]
    /// The object's own place, for a value whose node cannot be found again.
    private var objectLocation: SourceLocation

    package init(object: KubernetesObject) throws(ManifestError) {
        objectLocation = object.location
        try add(object.root)
    }

    /// These layers with `owner`'s `metadata.annotations` (a template) in front of them.
    package func adding(_ owner: NodeCursor) throws(ManifestError) -> AnnotationLayers {
        var layered = AnnotationLayers(objectLocation: objectLocation)
        try layered.add(owner)
        layered.layers += layers
        layered.merged.merge(merged) { specific, _ in specific }
        return layered
    }

    private init(objectLocation: SourceLocation) {
        self.objectLocation = objectLocation
    }

    private mutating func add(_ owner: NodeCursor) throws(ManifestError) {
        guard let annotations = try owner.descend("metadata", "annotations") else { return }
        layers.append(annotations)
        merged.merge(try annotations.stringMap()) { existing, _ in existing }
    }

    package subscript(key: String) -> String? { merged[key] }

    /// Where the value in force for `key` was written.
    package func location(of key: String) -> SourceLocation {
        for layer in layers {
            if let value = try? layer.child(key) { return value.location }
        }
        return objectLocation
    }
}
