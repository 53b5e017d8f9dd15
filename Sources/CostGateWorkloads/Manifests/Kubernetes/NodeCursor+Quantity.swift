import CostGateYAML

extension NodeCursor {
    /// A `resource.Quantity` from a string, an integer or a float scalar.
    public func quantity() throws(ManifestError) -> Quantity {
        guard node.kind == .scalar, !isNull, let text = node.scalarText else {
            throw .typeMismatch(path: path, expected: "a quantity", found: describedForError, at: location)
        }
        do {
            return try Quantity(parsing: text)
        } catch {
            throw .invalidValue(path: path, value: text, reason: "not a Kubernetes quantity (e.g. '500m', '2', '16Gi')", at: location)
        }
    }
}
