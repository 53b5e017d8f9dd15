import Foundation

/// A YAML node seen from a manifest: where it is (file, document, key path) and typed accessors
/// whose errors name that place. A wrong type is an error, never a silent default.
public struct NodeCursor: Sendable {
    public let node: YAMLNode
    public let file: String
    public let document: Int?
    /// The key path, joined into text only when read: readers make cursors by the thousand and read
    /// their paths only for error messages.
    private let keyPath: LazyKeyPath

    /// The key path from the document root: `spec.template.spec.containers[0]`.
    public var path: String { keyPath.text }

    public init(node: YAMLNode, path: String, file: String, document: Int?) {
        self.init(node: node, keyPath: LazyKeyPath(parent: nil, step: .text(path)), file: file, document: document)
    }

    private init(node: YAMLNode, keyPath: LazyKeyPath, file: String, document: Int?) {
        self.node = node
        self.keyPath = keyPath
        self.file = file
        self.document = document
    }

    public var location: SourceLocation {
        SourceLocation(file: file, line: Int(node.line), column: Int(node.column), document: document)
    }

    /// YAML null: an empty plain scalar, `~`, `null` (any case spelling YAML allows), or `!!null`.
    public var isNull: Bool {
        guard case .scalar(let text, let style) = node.content, style == .plain else { return false }
        if node.tag == "tag:yaml.org,2002:null" { return true }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// What the node is, for error messages: `a mapping`, `a list`, `'two'`.
    public var describedForError: String {
        switch node.content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let text, _): return isNull ? "null" : "'\(text)'"
        }
    }

    private func childPath(_ key: String) -> LazyKeyPath { LazyKeyPath(parent: keyPath, step: .key(key)) }

    /// The value under `key`, or nil when the key is absent or null. Throws if this node is not a mapping.
    public func child(_ key: String) throws(ManifestError) -> NodeCursor? {
        guard case .mapping(let pairs) = node.content else {
            if isNull { return nil }
            throw .typeMismatch(path: path, expected: "a mapping", found: describedForError, at: location)
        }
        for pair in pairs {
            guard case .scalar(let text, _) = pair.key.content, text == key else { continue }
            let cursor = NodeCursor(node: pair.value, keyPath: childPath(key), file: file, document: document)
            return cursor.isNull ? nil : cursor
        }
        return nil
    }

    /// Follows a dotted path of keys (`spec.template.spec`).
    public func descend(_ keys: String...) throws(ManifestError) -> NodeCursor? {
        var current: NodeCursor? = self
        for key in keys {
            guard let next = try current?.child(key) else { return nil }
            current = next
        }
        return current
    }

    /// The entries of a mapping in file order (keys as text).
    public func entries() throws(ManifestError) -> [(key: String, keyLocation: SourceLocation, value: NodeCursor)] {
        if isNull { return [] }
        guard case .mapping(let pairs) = node.content else {
            throw .typeMismatch(path: path, expected: "a mapping", found: describedForError, at: location)
        }
        return pairs.compactMap { pair in
            guard case .scalar(let key, _) = pair.key.content else { return nil }
            let keyLocation = SourceLocation(file: file, line: Int(pair.key.line), column: Int(pair.key.column), document: document)
            return (key, keyLocation, NodeCursor(node: pair.value, keyPath: childPath(key), file: file, document: document))
        }
    }

    /// The items of a list (a null is an empty list).
    public func items() throws(ManifestError) -> [NodeCursor] {
        if isNull { return [] }
        guard case .sequence(let nodes) = node.content else {
            throw .typeMismatch(path: path, expected: "a list", found: describedForError, at: location)
        }
        return nodes.enumerated().map { index, item in
            NodeCursor(node: item, keyPath: LazyKeyPath(parent: keyPath, step: .index(index)), file: file, document: document)
        }
    }

    /// A string scalar. Plain numbers and booleans are accepted as their text only where Kubernetes
    /// would accept them (label values must be strings: callers decide).
    public func string() throws(ManifestError) -> String {
        guard case .scalar(let text, _) = node.content, !isNull else {
            throw .typeMismatch(path: path, expected: "a string", found: describedForError, at: location)
        }
        return text
    }

    /// An integer: a plain decimal scalar (JSON/YAML int), not a quoted string.
    public func int() throws(ManifestError) -> Int {
        guard case .scalar(let text, let style) = node.content, style == .plain, !isNull else {
            throw .typeMismatch(path: path, expected: "an integer", found: describedForError, at: location)
        }
        if let value = Int(text) { return value }
        if let value = Int(text.replacingOccurrences(of: "_", with: "")), text.contains("_") { return value }
        if text.hasPrefix("0x"), let value = Int(text.dropFirst(2), radix: 16) { return value }
        if text.hasPrefix("0o"), let value = Int(text.dropFirst(2), radix: 8) { return value }
        throw .typeMismatch(path: path, expected: "an integer", found: describedForError, at: location)
    }

    /// A boolean: `true`/`false` in the spellings YAML 1.1 (which Kubernetes' YAML reader follows) allows.
    public func bool() throws(ManifestError) -> Bool {
        guard case .scalar(let text, let style) = node.content, style == .plain else {
            throw .typeMismatch(path: path, expected: "a boolean", found: describedForError, at: location)
        }
        switch text {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y": return true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N": return false
        default: throw .typeMismatch(path: path, expected: "a boolean", found: describedForError, at: location)
        }
    }

    /// A `resource.Quantity` from a string, an integer or a float scalar.
    public func quantity() throws(ManifestError) -> Quantity {
        guard case .scalar(let text, _) = node.content, !isNull else {
            throw .typeMismatch(path: path, expected: "a quantity", found: describedForError, at: location)
        }
        do {
            return try Quantity(parsing: text)
        } catch {
            throw .invalidValue(path: path, value: text, reason: "not a Kubernetes quantity (e.g. '500m', '2', '16Gi')", at: location)
        }
    }

    /// Label/annotation-style string maps; non-string scalars are read as their text.
    public func stringMap() throws(ManifestError) -> [String: String] {
        var result: [String: String] = [:]
        for entry in try entries() {
            guard case .scalar(let text, _) = entry.value.node.content else {
                throw .typeMismatch(path: entry.value.path, expected: "a string", found: entry.value.describedForError,
                                    at: entry.value.location)
            }
            result[entry.key] = entry.value.isNull ? "" : text
        }
        return result
    }

    public func optionalString(_ key: String) throws(ManifestError) -> String? { try child(key)?.string() }
    public func optionalInt(_ key: String) throws(ManifestError) -> Int? { try child(key)?.int() }
    public func optionalBool(_ key: String) throws(ManifestError) -> Bool? { try child(key)?.bool() }
}

/// One step of a cursor's key path, linked to its parent's; `text` joins the steps as
/// `spec.containers[0].name` (a key after a non-empty path takes a dot, an index takes brackets).
final class LazyKeyPath: Sendable {
    enum Step: Sendable {
        /// A path given as text (the root's, usually empty).
        case text(String)
        case key(String)
        case index(Int)
    }

    let parent: LazyKeyPath?
    let step: Step

    init(parent: LazyKeyPath?, step: Step) {
        self.parent = parent
        self.step = step
    }

    var text: String {
        let base = parent?.text ?? ""
        switch step {
        case .text(let text): return parent == nil ? text : base + text
        case .key(let key): return base.isEmpty ? key : "\(base).\(key)"
        case .index(let index): return "\(base)[\(index)]"
        }
    }
}
