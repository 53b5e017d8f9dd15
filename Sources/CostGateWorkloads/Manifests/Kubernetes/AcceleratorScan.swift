import CostGateBasics
import CostGateYAML

/// Finds accelerator requests anywhere in a document costgate does not read (an Argo Workflow, a
/// Tekton Task, any CRD): such a document may run GPUs costgate cannot price, which must be said,
/// never passed over in silence.
package enum AcceleratorScan {
    /// One accelerator request met in the tree.
    package struct Request: Equatable {
        package var resource: String
        /// The value as written (`8`, `"2"`).
        package var amount: String
        package var location: SourceLocation
    }

    /// The accelerator requests under `root` in document order: mapping entries whose key is an
    /// accelerator resource (`nvidia.com/gpu: 8`, `requests.nvidia.com/gpu`) with a non-zero scalar value.
    /// Iterative, so a deeply nested document cannot exhaust the stack.
    package static func requests(in root: NodeCursor) -> [Request] {
        var found: [Request] = []
        var stack: [YAMLNode] = [root.node]
        while let node = stack.popLast() {
            switch node.kind {
            case .scalar:
                continue
            case .sequence:
                stack.append(contentsOf: node.items.reversed())
            case .mapping:
                var children: [YAMLNode] = []
                for pair in node.pairs {
                    if let key = pair.key.scalarText, pair.value.kind == .scalar, let value = pair.value.scalarText,
                       isAcceleratorKey(key), !isZero(value) {
                        found.append(Request(resource: key, amount: value,
                                             location: SourceLocation(file: root.file, line: Int(pair.value.line),
                                                                      column: Int(pair.value.column), document: root.document)))
                    } else {
                        children.append(pair.value)
                    }
                }
                stack.append(contentsOf: children.reversed())
            }
        }
        return found
    }

    /// An accelerator resource, also in the `requests.`/`limits.` forms quotas and some CRDs use.
    package static func isAcceleratorKey(_ key: String) -> Bool {
        if AcceleratorResource.isAccelerator(key) { return true }
        for prefix in ["requests.", "limits."] where key.hasPrefix(prefix) {
            return AcceleratorResource.isAccelerator(String(key.dropFirst(prefix.count)))
        }
        return false
    }

    private static func isZero(_ value: String) -> Bool {
        value.isEmpty || value.allSatisfy { $0 == "0" || $0 == "." }
    }
}
