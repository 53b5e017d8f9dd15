import CostGateBasics
import CostGateYAML

/// The node labels a pod requires: `nodeSelector` plus the required node affinity (`In` and
/// single-value `NotIn`-free terms). Preferred affinity is soft and ignored.
package struct NodeSelection: Sendable {
    package struct Requirement: Sendable {
        package var values: [String]
        package var location: SourceLocation
        package var origin: String   // "nodeSelector" or "node affinity"
    }

    private(set) var requirements: [String: Requirement] = [:]
    /// Keys the pod tolerates (taints it may land on), for spot hints.
    private(set) var toleratedKeys: [String: SourceLocation] = [:]

    package init() {}

    /// The labels every eligible node carries: requirements with exactly one value.
    package var singleValued: [String: String] {
        requirements.compactMapValues { $0.values.count == 1 ? $0.values[0] : nil }
    }

    package static func read(podSpec: NodeCursor) throws(ManifestError) -> NodeSelection {
        var selection = NodeSelection()
        if let selector = try podSpec.child("nodeSelector") {
            for entry in try selector.lazyEntries() {
                let value = try entry.value.string()
                selection.requirements[entry.key] = Requirement(values: [value], location: entry.value.location, origin: "nodeSelector")
            }
        }
        let terms = try podSpec.descend("affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution",
                                        "nodeSelectorTerms")?.items() ?? []
        for term in terms {
            for expression in try term.child("matchExpressions")?.items() ?? [] {
                guard let keyNode = try expression.child("key") else { continue }
                let key = try keyNode.string()
                let op = try expression.optionalString("operator") ?? ""
                guard op == "In" else { continue }
                let values = try (expression.child("values")?.items() ?? []).map { item throws(ManifestError) in try item.string() }
                guard !values.isEmpty else { continue }
                let location = try expression.child("values")?.location ?? keyNode.location
                if var existing = selection.requirements[key] {
                    // Terms are ORed: the node may carry any of their values.
                    for value in values where !existing.values.contains(value) { existing.values.append(value) }
                    selection.requirements[key] = existing
                } else {
                    selection.requirements[key] = Requirement(values: values, location: location, origin: "node affinity")
                }
            }
        }
        for toleration in try podSpec.child("tolerations")?.items() ?? [] {
            guard let keyNode = try toleration.child("key") else { continue }
            selection.toleratedKeys[try keyNode.string()] = keyNode.location
        }
        return selection
    }

    /// The requirement on node label `key`. A pod names a few labels and readers ask after a dozen
    /// known keys each: comparing a few keys is cheaper than hashing every key asked after.
    package func requirement(_ key: String) -> Requirement? {
        guard requirements.count > 4 else {
            for index in requirements.indices where requirements.keys[index] == key { return requirements.values[index] }
            return nil
        }
        return requirements[key]
    }

    /// Whether the pod tolerates taint `key` (looked up as `requirement(_:)` is).
    package func tolerates(_ key: String) -> Bool {
        guard toleratedKeys.count > 4 else { return toleratedKeys.keys.contains { $0 == key } }
        return toleratedKeys[key] != nil
    }
}
