import CLibYAML

/// Reads YAML streams with libyaml's event parser into `YAMLNode` trees that keep positions.
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
        var documents: [Result<YAMLDocument, YAMLDocumentFailure>] = []
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            var lineBase: Int32 = 0
            var expanded = 0
            while true {
                let outcome = parseRun(buffer, from: offset, lineBase: lineBase, expanded: &expanded, into: &documents)
                guard case .failed(let error) = outcome else { return }
                documents.append(.failure(YAMLDocumentFailure(index: documents.count, error: error)))
                guard let resume = Self.nextDocumentStart(in: buffer, fromLine: error.line, after: offset) else { return }
                offset = resume.offset
                lineBase = Int32(resume.line - 1)
            }
        }
        return YAMLStream(documents: documents)
    }

    private enum RunOutcome {
        case finished
        case failed(YAMLError)
    }

    /// An open collection. Its children wait on the shared `values` stack from `start` on (a
    /// mapping's as key, value, key, value…) and become one exactly sized array when it closes:
    /// growing an array per collection, one append at a time, cost more allocations than the nodes.
    private struct Frame {
        var isSequence: Bool
        var start: Int
        var line: Int32
        var column: Int32
        var tag: String?
        var anchor: String?
        var size: Int
        var hasMergeKey = false
    }

    // swiftlint:disable:next function_body_length cyclomatic_complexity
    private func parseRun(
        _ buffer: UnsafeBufferPointer<UInt8>, from offset: Int, lineBase: Int32,
        expanded: inout Int, into documents: inout [Result<YAMLDocument, YAMLDocumentFailure>]
    ) -> RunOutcome {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return .failed(.syntax(line: Int(lineBase) + 1, column: 1, problem: "libyaml could not start", context: nil))
        }
        defer { yaml_parser_delete(&parser) }
        let base = buffer.baseAddress.map { $0 + offset } ?? UnsafePointer(bitPattern: 1)!
        yaml_parser_set_input_string(&parser, base, buffer.count - offset)

        var stack: [Frame] = []
        var values: [YAMLNode] = []
        values.reserveCapacity(64)
        var anchors: [String: (node: YAMLNode, size: Int)] = [:]
        var root: YAMLNode?
        var documentLine: Int32 = 1
        var documentColumn: Int32 = 1
        var event = yaml_event_t()

        func fail(_ error: YAMLError) -> RunOutcome { .failed(error) }

        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                let mark = parser.problem_mark
                let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
                var context = parser.context.map { String(cString: $0) }
                if let text = context, parser.context_mark.line != mark.line || parser.context_mark.column != mark.column {
                    context = "\(text) (which started at line \(Int32(parser.context_mark.line) + lineBase + 1), column \(parser.context_mark.column + 1))"
                }
                return fail(.syntax(line: Int(Int32(mark.line) + lineBase) + 1, column: Int(mark.column) + 1,
                                    problem: problem, context: context))
            }
            defer { yaml_event_delete(&event) }
            let line = Int32(event.start_mark.line) + lineBase + 1
            let column = Int32(event.start_mark.column) + 1

            // The node this event completes, moved (not copied) into its parent below.
            var completed: YAMLNode?
            var completedSize = 1
            var completedAnchor: String?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return .finished
            case YAML_DOCUMENT_START_EVENT:
                root = nil
                anchors.removeAll(keepingCapacity: true)
                documentLine = line
                documentColumn = column
            case YAML_DOCUMENT_END_EVENT:
                if let node = root, case .scalar("", .plain) = node.content, node.tag == nil { root = nil }
                documents.append(.success(YAMLDocument(index: documents.count, line: documentLine, column: documentColumn, root: root)))
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
                let style: YAMLScalarStyle
                switch scalar.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
                case YAML_LITERAL_SCALAR_STYLE: style = .literal
                case YAML_FOLDED_SCALAR_STYLE: style = .folded
                default: style = .plain
                }
                let tag = scalar.tag.map { String(cString: $0) }
                completed = YAMLNode(.scalar(value, style), line: line, column: column, tag: tag)
                completedAnchor = scalar.anchor.map { String(cString: $0) }
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                guard stack.count < depthLimit else {
                    return fail(.depthLimit(line: Int(line), column: Int(column), limit: depthLimit))
                }
                let isSequence = event.type == YAML_SEQUENCE_START_EVENT
                let tagPointer = isSequence ? event.data.sequence_start.tag : event.data.mapping_start.tag
                let anchorPointer = isSequence ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                stack.append(Frame(isSequence: isSequence, start: values.count, line: line, column: column,
                                   tag: tagPointer.map { String(cString: $0) },
                                   anchor: anchorPointer.map { String(cString: $0) }, size: 1))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let frame = stack.removeLast()
                let content: YAMLNode.Content
                if frame.isSequence {
                    content = .sequence(Array(values[frame.start...]))
                } else {
                    let count = (values.count - frame.start) / 2
                    let pairs = [YAMLPair](unsafeUninitializedCapacity: count) { buffer, initialized in
                        for index in 0..<count {
                            (buffer.baseAddress! + index).initialize(to: YAMLPair(key: values[frame.start + 2 * index],
                                                                                  value: values[frame.start + 2 * index + 1]))
                        }
                        initialized = count
                    }
                    content = .mapping(frame.hasMergeKey ? Self.resolvingMergeKeys(pairs) : pairs)
                }
                values.removeSubrange(frame.start...)
                completed = YAMLNode(content, line: frame.line, column: frame.column, tag: frame.tag)
                completedSize = frame.size
                completedAnchor = frame.anchor
            case YAML_ALIAS_EVENT:
                let name = String(cString: event.data.alias.anchor)
                guard let target = anchors[name] else {
                    return fail(.undefinedAlias(name, line: Int(line), column: Int(column)))
                }
                expanded += target.size
                guard expanded <= aliasExpansionLimit else {
                    return fail(.aliasExpansionLimit(line: Int(line), column: Int(column), limit: aliasExpansionLimit))
                }
                var node = target.node
                node.line = line
                node.column = column
                // The alias stands for its anchor's whole subtree, so nested aliases multiply.
                completed = node
                completedSize = target.size
            default:
                break
            }

            guard let node = completed.take() else { continue }
            let size = completedSize
            if let anchor = completedAnchor { anchors[anchor] = (node, size) }
            guard !stack.isEmpty else {
                root = node
                continue
            }
            let top = stack.count - 1
            stack[top].size += size
            // In a mapping an odd number of waiting children means this node is a key's value.
            if !stack[top].isSequence && (values.count - stack[top].start) % 2 == 1 {
                let key = values[values.count - 1]
                if case .scalar(let text, let style) = key.content {
                    if text == "<<" && style == .plain && key.tag == nil {
                        stack[top].hasMergeKey = true
                    } else if let first = Self.firstLine(ofKey: text, in: values, from: stack[top].start, before: values.count - 1) {
                        return fail(.duplicateKey(text, line: Int(key.line), column: Int(key.column), firstLine: Int(first)))
                    }
                }
            }
            values.append(node)
        }
    }

    /// The line of the first key equal to `key` among the keys waiting at `start`, `start + 2`, … before `end`.
    private static func firstLine(ofKey key: String, in values: [YAMLNode], from start: Int, before end: Int) -> Int32? {
        for index in stride(from: start, to: end, by: 2) {
            if case .scalar(let text, _) = values[index].content, text == key { return values[index].line }
        }
        return nil
    }

    /// YAML 1.1 merge keys (`<<: *base`): explicit keys win over merged ones, earlier merges over later.
    static func resolvingMergeKeys(_ pairs: [YAMLPair]) -> [YAMLPair] {
        var explicit: [YAMLPair] = []
        var merged: [YAMLPair] = []
        for pair in pairs {
            guard case .scalar("<<", .plain) = pair.key.content, pair.key.tag == nil else {
                explicit.append(pair)
                continue
            }
            switch pair.value.content {
            case .mapping(let entries):
                merged.append(contentsOf: entries)
            case .sequence(let maps):
                for case .mapping(let entries) in maps.map(\.content) { merged.append(contentsOf: entries) }
            case .scalar:
                explicit.append(pair)
            }
        }
        var seen = Set(explicit.compactMap(\.key.scalarText))
        var result = explicit
        for pair in merged {
            guard let key = pair.key.scalarText else { continue }
            if seen.insert(key).inserted { result.append(pair) }
        }
        return result
    }

    /// The start of the first `---` line at or after `line` (1-based) and past byte `offset`, so a
    /// broken document does not hide the ones after it (libyaml often notices the error only at the
    /// next document's `---`).
    static func nextDocumentStart(in buffer: UnsafeBufferPointer<UInt8>, fromLine line: Int, after offset: Int) -> (offset: Int, line: Int)? {
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

extension YAMLNode {
    /// The text of a scalar node, whatever its style; nil for collections.
    public var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }
}
