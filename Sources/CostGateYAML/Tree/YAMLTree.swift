#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CostGateBasics

/// Every node of one YAML stream in flat arrays: a record per node, the child links of the
/// collections, the bytes of the scalars, each node's parent, and the explicit tags. `YAMLNode`
/// is a reference to this storage plus an index.
///
/// Why flat: a tree of nested Swift arrays and strings cost an allocation per collection and per
/// long scalar, a reference count on every copy of a cursor, and, when a file's documents were
/// done with, more time to free than libyaml took to parse them. Here a stream is a handful of
/// allocations, and a scalar becomes a `String` only when a reader asks for its text.
public final class YAMLTree: @unchecked Sendable {
    /// What a node is: its kind and position, and where its scalar bytes or child links are.
    package struct Record: Sendable, BitwiseCopyable {
        package var kind: YAMLNode.Kind
        package var style: YAMLScalarStyle
        /// Index into `tags`, or -1 when no tag was written.
        package var tag: Int32
        package var line: Int32
        package var column: Int32
        /// Scalars: first byte in `text`. Collections: first link in `links`.
        package var start: Int32
        /// Scalars: byte count. Sequences: items. Mappings: pairs (two links each, key then value).
        package var count: Int32
    }

    // Memory of the tree's own, written once in `init` and freed in `deinit`: reading an array
    // property of a class retained its buffer around every access, and readers make millions.
    // Never written after `init`, which is what makes the unchecked `Sendable` sound.
    package let records: UnsafeBufferPointer<Record>
    package let links: UnsafeBufferPointer<Int32>
    package let text: UnsafeBufferPointer<UInt8>
    /// The collection each node is first a child of (-1 for roots): key paths are found from the
    /// node when an error needs one, so cursors carry none.
    package let parents: UnsafeBufferPointer<Int32>
    package let tags: [String]

    /// Takes over the builder's memory (freed in `deinit`).
    package init(records: UnsafeBufferPointer<Record>, links: UnsafeBufferPointer<Int32>, text: UnsafeBufferPointer<UInt8>,
         parents: UnsafeBufferPointer<Int32>, tags: [String]) {
        self.records = records
        self.links = links
        self.text = text
        self.parents = parents
        self.tags = tags
    }

    deinit {
        records.deallocate()
        links.deallocate()
        text.deallocate()
        parents.deallocate()
    }

    /// The steps from node `top` down to node `index` (`top` itself excluded), or nil when
    /// `index` is not below `top`.
    package func steps(from top: Int32, to index: Int32) -> [Step]? {
        var steps: [Step] = []
        var current = index
        while current != top {
            let parent = parents[Int(current)]
            guard parent >= 0 else { return nil }
            let record = records[Int(parent)]
            let start = Int(record.start)
            if record.kind == .sequence {
                let position = (0..<Int(record.count)).first { links[start + $0] == current } ?? 0
                steps.append(.index(position))
            } else {
                let pair = (0..<Int(record.count)).first { links[start + 2 * $0 + 1] == current } ?? 0
                steps.append(.key(String(decoding: bytes(of: records[Int(links[start + 2 * pair])]), as: UTF8.self)))
            }
            current = parent
        }
        return steps.reversed()
    }

    /// One step of a key path: a mapping's key or a sequence's index.
    package enum Step {
        case key(String)
        case index(Int)
    }

    /// The bytes of scalar `record`.
    package func bytes(of record: Record) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: text[Int(record.start)..<Int(record.start + record.count)])
    }

    /// Whether scalar `record`'s bytes are `bytes`.
    package func textEquals(_ record: Record, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(record.count) == bytes.count else { return false }
        guard let wanted = bytes.baseAddress, !bytes.isEmpty else { return true }
        return memcmp(text.baseAddress! + Int(record.start), wanted, bytes.count) == 0
    }

    /// The index of the value of mapping `record`'s first entry whose key is the scalar `key`.
    package func valueIndex(in record: Record, forKey key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let start = Int(record.start)
        for pair in 0..<Int(record.count) {
            let candidate = records[Int(links[start + 2 * pair])]
            guard candidate.kind == .scalar, Int(candidate.count) == key.count else { continue }
            if key.isEmpty || memcmp(text.baseAddress! + Int(candidate.start), key.baseAddress!, key.count) == 0 {
                return links[start + 2 * pair + 1]
            }
        }
        return nil
    }
}

/// Appends nodes to the buffers a `YAMLTree` is made of: the parser's, and the builders' that
/// assemble pod specs for operators (copying the nodes they are made of). Non-copyable: its
/// buffers go to the tree `finish()` makes, without a copy.
package struct YAMLTreeBuilder: ~Copyable {
    package var records: GrowableBuffer<YAMLTree.Record>
    package var links: GrowableBuffer<Int32>
    package var text: GrowableBuffer<UInt8>
    package var parents: GrowableBuffer<Int32>
    private var tags: [String] = []
    private var tagIndexes: [String: Int32] = [:]

    package init() {
        self.init(expectedBytes: 0)
    }

    /// Room for a stream of `bytes` bytes: its scalars take at most that many, and a node takes a
    /// few bytes of text at least (so the guesses are generous but bounded).
    package init(expectedBytes bytes: Int) {
        records = GrowableBuffer(capacity: bytes / 4)
        links = GrowableBuffer(capacity: bytes / 4)
        parents = GrowableBuffer(capacity: bytes / 4)
        text = GrowableBuffer(capacity: bytes)
    }

    /// The tree of every node appended, which takes over the builder's memory.
    package consuming func finish() -> YAMLTree {
        YAMLTree(records: records.finish(), links: links.finish(), text: text.finish(), parents: parents.finish(), tags: tags)
    }

    /// The bytes of scalar `record`, valid until the next append.
    package func bytes(of record: YAMLTree.Record) -> UnsafeBufferPointer<UInt8> {
        text.elements(Int(record.start)..<Int(record.start + record.count))
    }

    /// Each distinct tag once (a dictionary: a file of many distinct tags must not take quadratic time).
    package mutating func tagIndex(_ tag: String?) -> Int32 {
        guard let tag else { return -1 }
        if let found = tagIndexes[tag] { return found }
        tags.append(tag)
        tagIndexes[tag] = Int32(tags.count - 1)
        return Int32(tags.count - 1)
    }

    package mutating func scalar(_ bytes: UnsafeBufferPointer<UInt8>, style: YAMLScalarStyle, tag: Int32, line: Int32, column: Int32) -> Int32 {
        let start = Int32(text.count)
        text.append(contentsOf: bytes)
        records.append(YAMLTree.Record(kind: .scalar, style: style, tag: tag, line: line, column: column,
                                       start: start, count: Int32(bytes.count)))
        parents.append(-1)
        return Int32(records.count - 1)
    }

    package mutating func scalar(_ string: String, style: YAMLScalarStyle, tag: String?, line: Int32, column: Int32) -> Int32 {
        var string = string
        let tagIndex = tagIndex(tag)
        return string.withUTF8 { scalar($0, style: style, tag: tagIndex, line: line, column: column) }
    }

    /// A collection whose children (for a mapping: key, value, key, value…) are `children`.
    package mutating func collection(_ kind: YAMLNode.Kind, _ children: UnsafeBufferPointer<Int32>, tag: Int32,
                             line: Int32, column: Int32) -> Int32 {
        let start = Int32(links.count)
        links.append(contentsOf: children)
        let count = kind == .mapping ? children.count / 2 : children.count
        records.append(YAMLTree.Record(kind: kind, style: .plain, tag: tag, line: line, column: column,
                                       start: start, count: Int32(count)))
        let index = Int32(records.count - 1)
        parents.append(-1)
        // A child already placed (an anchor's node that an alias or merge key shares) keeps its first parent.
        for child in children where parents[Int(child)] < 0 { parents[Int(child)] = index }
        return index
    }

    package mutating func collection(_ kind: YAMLNode.Kind, _ children: [Int32], tag: Int32, line: Int32, column: Int32) -> Int32 {
        children.withUnsafeBufferPointer { collection(kind, $0, tag: tag, line: line, column: column) }
    }

    /// Another record for node `index` at a new position: it shares its bytes or children (an alias).
    package mutating func alias(of index: Int32, line: Int32, column: Int32) -> Int32 {
        var record = records[Int(index)]
        record.line = line
        record.column = column
        records.append(record)
        parents.append(-1)
        return Int32(records.count - 1)
    }

    /// `node` and everything below it copied from its tree into this one, at its own positions or
    /// all at `position`.
    package mutating func copy(_ node: YAMLNode, at position: (line: Int32, column: Int32)? = nil) -> Int32 {
        let line = position?.line ?? node.line
        let column = position?.column ?? node.column
        let tag = tagIndex(node.tag)
        switch node.kind {
        case .scalar:
            let record = node.record
            return scalar(node.tree.bytes(of: record), style: record.style, tag: tag, line: line, column: column)
        case .sequence:
            let children = node.items.map { copy($0, at: position) }
            return collection(.sequence, children, tag: tag, line: line, column: column)
        case .mapping:
            var children: [Int32] = []
            for pair in node.pairs {
                children.append(copy(pair.key, at: position))
                children.append(copy(pair.value, at: position))
            }
            return collection(.mapping, children, tag: tag, line: line, column: column)
        }
    }
}
