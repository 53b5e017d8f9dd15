import Foundation
import CostGateBasics

/// A YAML node seen from a manifest: where it is (file, document, key path) and typed accessors
/// whose errors name that place. A wrong type is an error, never a silent default.
public struct NodeCursor: Sendable {
    public let node: YAMLNode
    /// The file, document and starting point the cursor was made from, shared by every cursor
    /// below it: a cursor is two references, and descending allocates nothing. Its key path is
    /// found from the tree's parent links when a message needs it.
    private let origin: CursorOrigin

    /// The key path from the document root: `spec.template.spec.containers[0]`.
    public var path: String {
        guard let steps = node.tree.steps(from: origin.root, to: node.index) else { return origin.path }
        var text = origin.path
        for step in steps {
            switch step {
            case .key(let key): text = text.isEmpty ? key : "\(text).\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    public var file: String { origin.file }
    public var document: Int? { origin.document }

    public init(node: YAMLNode, path: String, file: String, document: Int?) {
        self.init(node: node, origin: CursorOrigin(file: file, document: document, root: node.index, path: path))
    }

    private init(node: YAMLNode, origin: CursorOrigin) {
        self.node = node
        self.origin = origin
    }

    public var location: SourceLocation {
        SourceLocation(file: origin.file, line: Int(node.line), column: Int(node.column), document: origin.document)
    }

    /// YAML null: an empty plain scalar, `~`, `null` (any case spelling YAML allows), or `!!null`.
    public var isNull: Bool {
        let record = node.record
        guard record.kind == .scalar, record.style == .plain else { return false }
        if record.count == 0 { return true }
        if record.tag >= 0, node.tag == "tag:yaml.org,2002:null" { return true }
        guard record.count <= 4 else { return false }
        return node.isScalar("~") || node.isScalar("null") || node.isScalar("Null") || node.isScalar("NULL")
    }

    /// What the node is, for error messages: `a mapping`, `a list`, `'two'`.
    public var describedForError: String {
        switch node.kind {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar: return isNull ? "null" : "'\(node.scalarText ?? "")'"
        }
    }

    /// The value under `key`, or nil when the key is absent or null. Throws if this node is not a mapping.
    public func child(_ key: String) throws(ManifestError) -> NodeCursor? {
        guard node.kind == .mapping else {
            if isNull { return nil }
            throw .typeMismatch(path: path, expected: "a mapping", found: describedForError, at: location)
        }
        guard let value = node.value(forKey: key) else { return nil }
        let cursor = NodeCursor(node: value, origin: origin)
        return cursor.isNull ? nil : cursor
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
        try lazyEntries().map { ($0.key, $0.keyLocation, $0.value) }
    }

    /// One entry of a mapping, its key's location made only when asked for.
    public struct Entry {
        public let key: String
        public let value: NodeCursor
        package let keyNode: YAMLNode

        public var keyLocation: SourceLocation {
            SourceLocation(file: value.origin.file, line: Int(keyNode.line), column: Int(keyNode.column), document: value.origin.document)
        }
    }

    /// The entries of a mapping in file order, made one at a time (the same entries as `entries()`).
    public func lazyEntries() throws(ManifestError) -> some Sequence<Entry> {
        // A null has no pairs, like every node that is not a mapping.
        guard node.kind == .mapping || isNull else {
            throw .typeMismatch(path: path, expected: "a mapping", found: describedForError, at: location)
        }
        return node.pairs.lazy.compactMap { pair in
            pair.key.scalarText.map { key in
                Entry(key: key, value: NodeCursor(node: pair.value, origin: origin), keyNode: pair.key)
            }
        }
    }

    /// The items of a list (a null is an empty list).
    public func items() throws(ManifestError) -> [NodeCursor] {
        if isNull { return [] }
        guard node.kind == .sequence else {
            throw .typeMismatch(path: path, expected: "a list", found: describedForError, at: location)
        }
        return node.items.map { NodeCursor(node: $0, origin: origin) }
    }

    /// A string scalar. Plain numbers and booleans are accepted as their text only where Kubernetes
    /// would accept them (label values must be strings: callers decide).
    public func string() throws(ManifestError) -> String {
        guard node.kind == .scalar, !isNull, let text = node.scalarText else {
            throw .typeMismatch(path: path, expected: "a string", found: describedForError, at: location)
        }
        return text
    }

    /// An integer: a plain decimal scalar (JSON/YAML int), not a quoted string.
    public func int() throws(ManifestError) -> Int {
        guard node.kind == .scalar, node.style == .plain, !isNull, let text = node.scalarText else {
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
        guard node.kind == .scalar, node.style == .plain, let text = node.scalarText else {
            throw .typeMismatch(path: path, expected: "a boolean", found: describedForError, at: location)
        }
        switch text {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y": return true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N": return false
        default: throw .typeMismatch(path: path, expected: "a boolean", found: describedForError, at: location)
        }
    }

    /// Label/annotation-style string maps; non-string scalars are read as their text.
    public func stringMap() throws(ManifestError) -> [String: String] {
        var result: [String: String] = [:]
        for entry in try lazyEntries() {
            guard let text = entry.value.node.scalarText else {
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

/// Where a family of cursors starts: the file and document, and the node (with its path) that
/// the first cursor was made for.
package final class CursorOrigin: Sendable {
    package let file: String
    package let document: Int?
    package let root: Int32
    package let path: String

    package init(file: String, document: Int?, root: Int32, path: String) {
        self.file = file
        self.document = document
        self.root = root
        self.path = path
    }
}
