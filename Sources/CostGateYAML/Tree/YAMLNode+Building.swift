/// Building nodes for objects an operator would create: a pod spec assembled from a CRD's fields,
/// a runtime template with a TrainJob's overrides applied. Built nodes keep the position of the
/// node they were made from, so findings still point at the manifest. Each builds a small tree of
/// its own, copying the nodes it is made of: operators build a few such nodes per manifest.
extension YAMLNode {
    /// A plain scalar placed at `anchor`.
    package static func scalar(_ text: String, at anchor: YAMLNode) -> YAMLNode {
        YAMLNode(.scalar(text, .plain), line: anchor.line, column: anchor.column)
    }

    /// A mapping of `entries` in order, placed at `anchor`.
    package static func mapping(_ entries: [(String, YAMLNode)], at anchor: YAMLNode) -> YAMLNode {
        YAMLNode(.mapping(entries.map { YAMLPair(key: .scalar($0.0, at: $0.1), value: $0.1) }),
                 line: anchor.line, column: anchor.column)
    }

    /// A list of `items`, placed at `anchor`.
    package static func sequence(_ items: [YAMLNode], at anchor: YAMLNode) -> YAMLNode {
        YAMLNode(.sequence(items), line: anchor.line, column: anchor.column)
    }

    /// The value under `key` of a mapping (nil for other nodes or an absent key).
    package func value(_ key: String) -> YAMLNode? { value(forKey: key) }

    /// This mapping with `key` set to `value` (replaced in place, else appended); nil removes it.
    /// A node that is not a mapping becomes an empty one first.
    package func setting(_ key: String, to value: YAMLNode?) -> YAMLNode {
        var pairs = Array(self.pairs)
        let index = pairs.firstIndex { $0.key.isScalar(key) }
        switch (index, value) {
        case (let index?, let value?): pairs[index].value = value
        case (let index?, nil): pairs.remove(at: index)
        case (nil, let value?): pairs.append(YAMLPair(key: .scalar(key, at: value), value: value))
        case (nil, nil): break
        }
        return YAMLNode(.mapping(pairs), line: line, column: column, tag: nil)
    }

    /// This mapping with each key of `overlay` (a mapping) set to the overlay's value.
    package func merging(_ overlay: YAMLNode) -> YAMLNode {
        guard overlay.kind == .mapping else { return self }
        var merged = self
        for pair in overlay.pairs {
            guard let key = pair.key.scalarText else { continue }
            merged = merged.setting(key, to: pair.value)
        }
        return merged
    }

    /// This node and all below it moved to one position (a node brought in from another file
    /// cannot keep lines that mean nothing in the file it is reported in).
    package func relocated(line: Int32, column: Int32) -> YAMLNode {
        var builder = YAMLTreeBuilder()
        let root = builder.copy(self, at: (line, column))
        return YAMLNode(tree: builder.finish(), index: root)
    }
}
