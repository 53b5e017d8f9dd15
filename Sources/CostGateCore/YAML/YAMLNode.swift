/// How a scalar was written. Quoted scalars are always strings; only plain scalars resolve to
/// numbers, booleans or null.
public enum YAMLScalarStyle: UInt8, Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded

    public var isPlain: Bool { self == .plain }
}

/// A YAML node with the position of its first character (1-based line and column).
public struct YAMLNode: Sendable {
    public enum Content: Sendable {
        case scalar(String, YAMLScalarStyle)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var content: Content
    /// 1-based line of the node's first character.
    public var line: Int32
    /// 1-based column of the node's first character.
    public var column: Int32
    /// The resolved tag when one was written explicitly (`!!str` → `tag:yaml.org,2002:str`).
    public var tag: String?

    public init(_ content: Content, line: Int32, column: Int32, tag: String? = nil) {
        self.content = content
        self.line = line
        self.column = column
        self.tag = tag
    }
}

/// One `key: value` entry of a mapping, in file order.
public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode
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
