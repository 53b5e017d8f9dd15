import CLibYAML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CostGateBasics

/// Reads YAML streams with libyaml's event parser into a `YAMLTree` whose nodes keep positions.
///
/// A document that fails to parse becomes a `YAMLDocumentFailure`; reading resumes at the next
/// `---` line so later documents of the same stream are not lost. Aliases share storage with their
/// anchor (no copy), and the number of nodes they stand for is bounded so a "billion laughs" stream
/// fails fast in bounded memory.
public struct YAMLParser: Sendable {
    /// Nodes that aliases may stand for, summed over one stream.
    public var aliasExpansionLimit: Int
    /// Deepest nesting of collections accepted.
    public var depthLimit: Int

    public init(aliasExpansionLimit: Int = 1_000_000, depthLimit: Int = 256) {
        self.aliasExpansionLimit = aliasExpansionLimit
        self.depthLimit = depthLimit
    }

    public func parse(_ bytes: [UInt8]) -> YAMLStream {
        var run = StreamRun(builder: YAMLTreeBuilder(expectedBytes: bytes.count))
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            var lineBase: Int32 = 0
            while true {
                let outcome = parseRun(buffer, from: offset, lineBase: lineBase, into: &run)
                guard case .failed(let error) = outcome else { return }
                run.documents.append(.failure(YAMLDocumentFailure(index: run.documents.count, error: error)))
                guard let resume = Self.nextDocumentStart(in: buffer, fromLine: error.line, after: offset) else { return }
                offset = resume.offset
                lineBase = Int32(resume.line - 1)
            }
        }
        let (tree, documents) = run.finish()
        return YAMLStream(documents: documents.map { outcome in
            outcome.map { document in
                YAMLDocument(index: document.index, line: document.line, column: document.column,
                             root: document.root.map { YAMLNode(tree: tree, index: $0) })
            }
        })
    }

    /// A document read, its root still an index into the stream's tree (made once all are read).
    private struct PendingDocument {
        var index: Int
        var line: Int32
        var column: Int32
        var root: Int32?
    }

    /// What the runs of one stream (one per restart after a broken document) add to.
    private struct StreamRun: ~Copyable {
        var builder: YAMLTreeBuilder
        var documents: [Result<PendingDocument, YAMLDocumentFailure>] = []
        /// Nodes aliases stood for so far.
        var expanded = 0

        consuming func finish() -> (YAMLTree, [Result<PendingDocument, YAMLDocumentFailure>]) {
            (builder.finish(), documents)
        }
    }

    private enum RunOutcome {
        case finished
        case failed(YAMLError)
    }

    /// An open collection. Its children wait on the shared `values` stack from `start` on (a
    /// mapping's as key, value, key, value…) and move to the tree's links when it closes.
    /// Plain values only (its anchor and key table wait beside the stack), so the stack is a
    /// `GrowableBuffer` and pushing or popping a frame counts no references.
    private struct Frame {
        var isSequence: Bool
        var start: Int
        var line: Int32
        var column: Int32
        var tag: Int32
        var hasAnchor: Bool
        var size: Int
        var hasMergeKey = false
        /// Whether `keyTables` holds this mapping's keys (once it is long enough to need them).
        var hasKeyTable = false
    }

    /// What open frames keep beside the stack: the anchors of those that have one (in stack
    /// order), and the key tables of long mappings (by stack depth).
    private struct FrameExtras {
        var anchors: [String] = []
        var keyTables: [Int: [[UInt8]: Int32]] = [:]
    }

    // swiftlint:disable:next function_body_length cyclomatic_complexity
    private func parseRun(_ buffer: UnsafeBufferPointer<UInt8>, from offset: Int, lineBase: Int32,
                          into run: inout StreamRun) -> RunOutcome {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return .failed(.syntax(line: Int(lineBase) + 1, column: 1, problem: "libyaml could not start", context: nil))
        }
        defer { yaml_parser_delete(&parser) }
        let base = buffer.baseAddress.map { $0 + offset } ?? UnsafePointer(bitPattern: 1)!
        yaml_parser_set_input_string(&parser, base, buffer.count - offset)

        var stack = GrowableBuffer<Frame>(capacity: 32)
        var values = GrowableBuffer<Int32>(capacity: 64)
        var extras = FrameExtras()
        var anchors: [String: (index: Int32, size: Int)] = [:]
        var root: Int32?
        var documentLine: Int32 = 1
        var documentColumn: Int32 = 1
        var event = yaml_event_t()

        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                let mark = parser.problem_mark
                let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
                var context = parser.context.map { String(cString: $0) }
                if let text = context, parser.context_mark.line != mark.line || parser.context_mark.column != mark.column {
                    context = "\(text) (which started at line \(Int32(parser.context_mark.line) + lineBase + 1), column \(parser.context_mark.column + 1))"
                }
                return .failed(.syntax(line: Int(Int32(mark.line) + lineBase) + 1, column: Int(mark.column) + 1,
                                       problem: problem, context: context))
            }
            defer { yaml_event_delete(&event) }
            let line = Int32(event.start_mark.line) + lineBase + 1
            let column = Int32(event.start_mark.column) + 1

            // The node this event completes, to be placed in its parent below.
            var completed: Int32?
            var completedSize = 1
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return .finished
            case YAML_DOCUMENT_START_EVENT:
                root = nil
                anchors.removeAll(keepingCapacity: true)
                documentLine = line
                documentColumn = column
            case YAML_DOCUMENT_END_EVENT:
                if let node = root {
                    let record = run.builder.records[Int(node)]
                    if record.kind == .scalar, record.count == 0, record.style == .plain, record.tag < 0 { root = nil }
                }
                run.documents.append(.success(PendingDocument(index: run.documents.count, line: documentLine,
                                                              column: documentColumn, root: root)))
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let style: YAMLScalarStyle
                switch scalar.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
                case YAML_LITERAL_SCALAR_STYLE: style = .literal
                case YAML_FOLDED_SCALAR_STYLE: style = .folded
                default: style = .plain
                }
                // Most scalars have neither tag nor anchor: no string is made for them.
                let tag = scalar.tag == nil ? -1 : run.builder.tagIndex(String(cString: scalar.tag))
                let node = run.builder.scalar(UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)),
                                              style: style, tag: tag, line: line, column: column)
                if let anchor = scalar.anchor { anchors[String(cString: anchor)] = (node, 1) }
                completed = node
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                guard stack.count < depthLimit else {
                    return .failed(.depthLimit(line: Int(line), column: Int(column), limit: depthLimit))
                }
                let isSequence = event.type == YAML_SEQUENCE_START_EVENT
                let tagPointer = isSequence ? event.data.sequence_start.tag : event.data.mapping_start.tag
                let anchorPointer = isSequence ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                if let anchorPointer { extras.anchors.append(String(cString: anchorPointer)) }
                stack.append(Frame(isSequence: isSequence, start: values.count, line: line, column: column,
                                   tag: run.builder.tagIndex(tagPointer.map { String(cString: $0) }),
                                   hasAnchor: anchorPointer != nil, size: 1))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let frame = stack[stack.count - 1]
                stack.removeLast(1)
                if frame.hasKeyTable { extras.keyTables[stack.count] = nil }
                let children = values.elements(frame.start..<values.count)
                if frame.hasMergeKey {
                    let resolved = Self.resolvingMergeKeys(children, in: run.builder)
                    completed = run.builder.collection(.mapping, resolved, tag: frame.tag, line: frame.line, column: frame.column)
                } else {
                    completed = run.builder.collection(frame.isSequence ? .sequence : .mapping, children,
                                                       tag: frame.tag, line: frame.line, column: frame.column)
                }
                values.removeLast(values.count - frame.start)
                completedSize = frame.size
                if frame.hasAnchor, let node = completed { anchors[extras.anchors.removeLast()] = (node, frame.size) }
            case YAML_ALIAS_EVENT:
                let name = String(cString: event.data.alias.anchor)
                guard let target = anchors[name] else {
                    return .failed(.undefinedAlias(name, line: Int(line), column: Int(column)))
                }
                run.expanded += target.size
                guard run.expanded <= aliasExpansionLimit else {
                    return .failed(.aliasExpansionLimit(line: Int(line), column: Int(column), limit: aliasExpansionLimit))
                }
                // The alias stands for its anchor's whole subtree, so nested aliases multiply.
                completed = run.builder.alias(of: target.index, line: line, column: column)
                completedSize = target.size
            default:
                break
            }

            guard let node = completed else { continue }
            let size = completedSize
            guard !stack.isEmpty else {
                root = node
                continue
            }
            let top = stack.count - 1
            stack[top].size += size
            // In a mapping an odd number of waiting children means this node is a key's value.
            if !stack[top].isSequence && (values.count - stack[top].start) % 2 == 1 {
                let key = values[values.count - 1]
                let record = run.builder.records[Int(key)]
                if record.kind == .scalar {
                    let isMergeKey = record.count == 2 && record.style == .plain && record.tag < 0
                        && run.builder.bytes(of: record).elementsEqual("<<".utf8)
                    let first = Self.earlierLine(ofKey: record, in: &stack[top], depth: top, extras: &extras,
                                                 values: values.elements(0..<values.count - 1), builder: run.builder)
                    if isMergeKey {
                        stack[top].hasMergeKey = true
                    } else if let first {
                        let text = String(decoding: run.builder.bytes(of: record), as: UTF8.self)
                        return .failed(.duplicateKey(text, line: Int(record.line), column: Int(record.column), firstLine: Int(first)))
                    }
                }
            }
            values.append(node)
        }
    }

    /// The line of an earlier scalar key with `key`'s bytes (`values` are the waiting children
    /// up to the key). A short mapping is scanned; from 32 keys on, a dictionary of its keys
    /// answers, so a long mapping does not take quadratic time.
    private static func earlierLine(ofKey key: YAMLTree.Record, in frame: inout Frame, depth: Int, extras: inout FrameExtras,
                                    values: UnsafeBufferPointer<Int32>, builder: borrowing YAMLTreeBuilder) -> Int32? {
        let end = values.count
        if !frame.hasKeyTable {
            guard (end - frame.start) / 2 >= 32 else {
                return firstLine(ofKey: key, in: values, from: frame.start, builder: builder)
            }
            var lines: [[UInt8]: Int32] = [:]
            for index in stride(from: frame.start, to: end, by: 2) {
                let record = builder.records[Int(values[index])]
                guard record.kind == .scalar else { continue }
                let text = Array(builder.bytes(of: record))
                if lines[text] == nil { lines[text] = record.line }
            }
            extras.keyTables[depth] = lines
            frame.hasKeyTable = true
        }
        let text = Array(builder.bytes(of: key))
        if let line = extras.keyTables[depth]?[text] { return line }
        extras.keyTables[depth]?[text] = key.line
        return nil
    }

    /// The line of the first scalar key equal to `key` among the keys waiting at `start`, `start + 2`, …
    /// Lengths are compared before bytes: most keys of a mapping differ in length.
    private static func firstLine(ofKey key: YAMLTree.Record, in values: UnsafeBufferPointer<Int32>, from start: Int,
                                  builder: borrowing YAMLTreeBuilder) -> Int32? {
        let keyBytes = builder.bytes(of: key)
        for index in stride(from: start, to: values.count, by: 2) {
            let record = builder.records[Int(values[index])]
            guard record.kind == .scalar, record.count == key.count else { continue }
            if key.count == 0 || memcmp(builder.bytes(of: record).baseAddress!, keyBytes.baseAddress!, Int(key.count)) == 0 {
                return record.line
            }
        }
        return nil
    }

    /// YAML 1.1 merge keys (`<<: *base`): explicit keys win over merged ones, earlier merges over
    /// later. `children` are a mapping's key, value, key, value…; so is the result.
    package static func resolvingMergeKeys(_ children: UnsafeBufferPointer<Int32>, in builder: borrowing YAMLTreeBuilder) -> [Int32] {
        func record(_ index: Int32) -> YAMLTree.Record { builder.records[Int(index)] }
        func text(_ index: Int32) -> String? {
            let found = record(index)
            return found.kind == .scalar ? String(decoding: builder.bytes(of: found), as: UTF8.self) : nil
        }
        func entries(of mapping: YAMLTree.Record) -> UnsafeBufferPointer<Int32> {
            builder.links.elements(Int(mapping.start)..<Int(mapping.start + 2 * mapping.count))
        }
        var explicit: [Int32] = []
        var merged: [Int32] = []
        for position in stride(from: children.startIndex, to: children.endIndex, by: 2) {
            let (key, value) = (children[position], children[position + 1])
            let keyRecord = record(key)
            guard keyRecord.kind == .scalar, keyRecord.style == .plain, keyRecord.tag < 0, text(key) == "<<" else {
                explicit += [key, value]
                continue
            }
            let valueRecord = record(value)
            switch valueRecord.kind {
            case .mapping:
                merged += entries(of: valueRecord)
            case .sequence:
                for item in builder.links.elements(Int(valueRecord.start)..<Int(valueRecord.start + valueRecord.count))
                where record(item).kind == .mapping {
                    merged += entries(of: record(item))
                }
            case .scalar:
                explicit += [key, value]
            }
        }
        var seen = Set(stride(from: 0, to: explicit.count, by: 2).compactMap { text(explicit[$0]) })
        var result = explicit
        for position in stride(from: 0, to: merged.count, by: 2) {
            guard let key = text(merged[position]) else { continue }
            if seen.insert(key).inserted { result += [merged[position], merged[position + 1]] }
        }
        return result
    }

    /// The start of the first `---` line at or after `line` (1-based) and past byte `offset`, so a
    /// broken document does not hide the ones after it (libyaml often notices the error only at the
    /// next document's `---`).
    package static func nextDocumentStart(in buffer: UnsafeBufferPointer<UInt8>, fromLine line: Int, after offset: Int) -> (offset: Int, line: Int)? {
        var currentLine = 1
        var index = 0
        let count = buffer.count
        while index < count {
            if currentLine >= line, index > offset, index + 3 <= count,
               buffer[index] == UInt8(ascii: "-"), buffer[index + 1] == UInt8(ascii: "-"), buffer[index + 2] == UInt8(ascii: "-"),
               index + 3 == count || [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t")].contains(buffer[index + 3]) {
                return (index, currentLine)
            }
            while index < count && buffer[index] != UInt8(ascii: "\n") { index += 1 }
            index += 1
            currentLine += 1
        }
        return nil
    }
}
