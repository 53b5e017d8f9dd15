/// How a scalar was written. Quoted scalars are always strings; only plain scalars resolve to
/// numbers, booleans or null.
public enum YAMLScalarStyle: UInt8, Sendable, BitwiseCopyable {
    case plain, singleQuoted, doubleQuoted, literal, folded

    public var isPlain: Bool { self == .plain }
}

/// A YAML node with the position of its first character (1-based line and column): a place in
/// the `YAMLTree` of its stream. Copying one costs a reference count, nothing more.
public struct YAMLNode: Sendable {
    public enum Kind: UInt8, Sendable, BitwiseCopyable {
        case scalar, sequence, mapping
    }

    /// The node as one value, for code that matches on it (policies, tests, builders). Readers of
    /// big inputs use the accessors below, which build nothing.
    public enum Content: Sendable {
        case scalar(String, YAMLScalarStyle)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    package let tree: YAMLTree
    package let index: Int32

    package init(tree: YAMLTree, index: Int32) {
        self.tree = tree
        self.index = index
    }

    /// A node of its own tree, built from `content` (whose nodes are copied in).
    public init(_ content: Content, line: Int32, column: Int32, tag: String? = nil) {
        var builder = YAMLTreeBuilder()
        let root: Int32
        switch content {
        case .scalar(let text, let style):
            root = builder.scalar(text, style: style, tag: tag, line: line, column: column)
        case .sequence(let items):
            let children = items.map { builder.copy($0) }
            root = builder.collection(.sequence, children, tag: builder.tagIndex(tag), line: line, column: column)
        case .mapping(let pairs):
            var children: [Int32] = []
            for pair in pairs {
                children.append(builder.copy(pair.key))
                children.append(builder.copy(pair.value))
            }
            root = builder.collection(.mapping, children, tag: builder.tagIndex(tag), line: line, column: column)
        }
        self.init(tree: builder.finish(), index: root)
    }

    package var record: YAMLTree.Record { tree.records[Int(index)] }

    public var kind: Kind { record.kind }
    /// 1-based line of the node's first character.
    public var line: Int32 { record.line }
    /// 1-based column of the node's first character.
    public var column: Int32 { record.column }
    /// The scalar style (`.plain` for collections).
    public var style: YAMLScalarStyle { record.style }

    /// The resolved tag when one was written explicitly (`!!str` → `tag:yaml.org,2002:str`).
    public var tag: String? {
        let tag = record.tag
        return tag < 0 ? nil : tree.tags[Int(tag)]
    }

    public var content: Content {
        switch kind {
        case .scalar: .scalar(scalarText ?? "", style)
        case .sequence: .sequence(Array(items))
        case .mapping: .mapping(Array(pairs))
        }
    }

    /// The text of a scalar node, whatever its style; nil for collections.
    public var scalarText: String? {
        let record = record
        guard record.kind == .scalar else { return nil }
        return String(decoding: tree.bytes(of: record), as: UTF8.self)
    }

    /// Whether this is a scalar whose text is exactly `string` (compared as UTF-8 bytes, as
    /// Kubernetes compares keys), without making a `String` of it.
    public func isScalar(_ string: String) -> Bool {
        let record = record
        guard record.kind == .scalar else { return false }
        return string.utf8.withContiguousStorageIfAvailable { tree.textEquals(record, $0) }
            ?? (scalarText == string)
    }

    /// The value of the first entry whose key is the scalar `key` (nil for other nodes, or none).
    /// The lookup readers make most: one pass over the links, comparing lengths before bytes.
    public func value(forKey key: String) -> YAMLNode? {
        let record = record
        guard record.kind == .mapping else { return nil }
        if let found = key.utf8.withContiguousStorageIfAvailable({ tree.valueIndex(in: record, forKey: $0) }) {
            return found.map { YAMLNode(tree: tree, index: $0) }
        }
        return pairs.first { $0.key.scalarText == key }?.value   // a string without contiguous UTF-8 (bridged)
    }

    /// The items of a sequence (empty for other nodes).
    public var items: YAMLItems {
        let record = record
        return YAMLItems(tree: tree, start: Int(record.start), count: record.kind == .sequence ? Int(record.count) : 0)
    }

    /// The entries of a mapping in file order (empty for other nodes).
    public var pairs: YAMLPairs {
        let record = record
        return YAMLPairs(tree: tree, start: Int(record.start), count: record.kind == .mapping ? Int(record.count) : 0)
    }
}

/// The items of a sequence node, made as they are read.
public struct YAMLItems: RandomAccessCollection, Sendable {
    package let tree: YAMLTree
    package let start: Int
    public let count: Int

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    public subscript(position: Int) -> YAMLNode { YAMLNode(tree: tree, index: tree.links[start + position]) }
}

/// The entries of a mapping node in file order, made as they are read.
public struct YAMLPairs: RandomAccessCollection, Sendable {
    package let tree: YAMLTree
    package let start: Int
    public let count: Int

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    public subscript(position: Int) -> YAMLPair {
        YAMLPair(key: YAMLNode(tree: tree, index: tree.links[start + 2 * position]),
                 value: YAMLNode(tree: tree, index: tree.links[start + 2 * position + 1]))
    }
}

/// One `key: value` entry of a mapping, in file order.
public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// One document of a YAML stream: its 0-based index, where it starts, and its root node
/// (nil for an empty document).
public struct YAMLDocument: Sendable {
    public var index: Int
    public var line: Int32
    public var column: Int32
    public var root: YAMLNode?
}

/// A document that could not be read, with the error that stopped it.
public struct YAMLDocumentFailure: Sendable, Error {
    public var index: Int
    public var error: YAMLError
}

/// Every document of one stream, in order: read ones and failed ones.
public struct YAMLStream: Sendable {
    public var documents: [Result<YAMLDocument, YAMLDocumentFailure>]
}
