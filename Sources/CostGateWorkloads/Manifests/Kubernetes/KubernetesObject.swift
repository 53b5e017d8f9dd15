import CostGateBasics
import CostGateYAML

/// The envelope every Kubernetes document shares: type, identity and metadata.
public struct KubernetesObject: Sendable {
    public var apiVersion: String
    public var kind: String
    public var name: String
    public var namespace: String?
    public var labels: [String: String]
    public var annotations: [String: String]
    public var root: NodeCursor

    public var location: SourceLocation { root.location }

    /// The API group without the version (`batch` for `batch/v1`, empty for the core group).
    public var group: String {
        guard let slash = apiVersion.firstIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }

    /// Reads the envelope. Returns nil when the document is not a Kubernetes object (no `kind`).
    public static func read(_ root: NodeCursor) throws(ManifestError) -> KubernetesObject? {
        guard root.node.kind == .mapping else { return nil }
        guard let kindNode = try root.child("kind") else { return nil }
        let kind = try kindNode.string()
        guard let apiVersionNode = try root.child("apiVersion") else {
            throw .missingField(path: "apiVersion", at: kindNode.location)
        }
        let apiVersion = try apiVersionNode.string()
        let metadata = try root.child("metadata")
        var name = ""
        if let given = try metadata?.optionalString("name") {
            name = given
        } else if let prefix = try metadata?.optionalString("generateName") {
            name = "\(prefix)*"
        }
        return KubernetesObject(
            apiVersion: apiVersion, kind: kind, name: name,
            namespace: try metadata?.optionalString("namespace"),
            labels: try metadata?.child("labels")?.stringMap() ?? [:],
            annotations: try metadata?.child("annotations")?.stringMap() ?? [:],
            root: root)
    }
}
