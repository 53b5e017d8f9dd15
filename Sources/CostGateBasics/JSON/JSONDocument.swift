
/// A JSON text parsed with the place of every key and value (1-based line and column), so a job file
/// can be reported as `job.json:4:12: error: …`. Numbers keep their text: re-rendered, they are the
/// same bytes (and so the same doubles) as the input.
///
/// Strict RFC 8259: no comments, no trailing commas; duplicate keys are errors (style guide).
public struct JSONDocument {
    public indirect enum Value {
        case null
        case bool(Bool)
        /// The number as written (`0.05`, `1e-05`), validated against the JSON grammar.
        case number(String)
        case string(String)
        case array([Node])
        case object([Member])
    }

    /// A value and where it starts.
    public struct Node {
        package var value: Value
        package var line: Int
        package var column: Int
    }

    /// One `"key": value` pair of an object; the place is that of the key.
    public struct Member {
        package var key: String
        package var line: Int
        package var column: Int
        package var node: Node
    }

    /// Malformed JSON, at the offending character.
    public struct SyntaxError: Error {
        package var line: Int
        package var column: Int
        package var message: String
    }

    /// Deeper nesting is rejected instead of recursing without bound.
    public static let maxDepth = 256

    /// Parses one JSON value (a leading UTF-8 byte order mark is skipped).
    public static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> Node {
        var parser = Parser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        parser.skipWhitespace()
        if parser.atEnd { throw parser.error("the file is empty; expected a JSON object") }
        let root = try parser.value(depth: 0, context: "the document")
        parser.skipWhitespace()
        if !parser.atEnd { throw parser.error("unexpected \(parser.found) after the JSON value") }
        return root
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var column = 1

        var atEnd: Bool { index >= bytes.count }
        var peek: UInt8? { atEnd ? nil : bytes[index] }

        /// The next character, quoted, or `end of file`.
        var found: String {
            guard !atEnd else { return "end of file" }
            var end = index + 1
            while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
            let text = String(decoding: bytes[index..<end], as: UTF8.self)
            switch text {
            case "\n": return "end of line"
            case "'": return "\"'\""
            default: return "'\(text)'"
            }
        }

        func error(_ message: String) -> SyntaxError {
            SyntaxError(line: line, column: column, message: message)
        }

        mutating func advance() {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1   // columns count characters, not UTF-8 continuation bytes
            }
        }

        mutating func skipWhitespace() {
            while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { advance() }
        }

        mutating func value(depth: Int, context: String) throws(SyntaxError) -> Node {
            guard depth < JSONDocument.maxDepth else { throw error("nesting deeper than \(JSONDocument.maxDepth) levels") }
            let (startLine, startColumn) = (line, column)
            let value: Value
            switch peek {
            case UInt8(ascii: "{"): value = try object(depth: depth)
            case UInt8(ascii: "["): value = try array(depth: depth)
            case UInt8(ascii: "\""): value = .string(try string())
            case UInt8(ascii: "t"): try literal("true"); value = .bool(true)
            case UInt8(ascii: "f"): try literal("false"); value = .bool(false)
            case UInt8(ascii: "n"): try literal("null"); value = .null
            case let byte? where byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39): value = .number(try number())
            default: throw error("expected a value for \(context), found \(found)")
            }
            return Node(value: value, line: startLine, column: startColumn)
        }

        mutating func literal(_ word: String) throws(SyntaxError) {
            let (startLine, startColumn) = (line, column)
            for expected in word.utf8 {
                guard peek == expected else {
                    throw SyntaxError(line: startLine, column: startColumn,
                                      message: "invalid literal; expected '\(word)' (strings need double quotes)")
                }
                advance()
            }
        }

        mutating func object(depth: Int) throws(SyntaxError) -> Value {
            advance()   // {
            var members: [Member] = []
            var seen: [String: (Int, Int)] = [:]
            skipWhitespace()
            if peek == UInt8(ascii: "}") { advance(); return .object(members) }
            while true {
                skipWhitespace()
                guard peek == UInt8(ascii: "\"") else {
                    if peek == UInt8(ascii: "}") && !members.isEmpty { throw error("trailing comma before '}'") }
                    throw error("expected a key in double quotes, found \(found)")
                }
                let (keyLine, keyColumn) = (line, column)
                let key = try string()
                if let first = seen[key] {
                    throw SyntaxError(line: keyLine, column: keyColumn,
                                      message: "duplicate key '\(key)' (first at line \(first.0), column \(first.1))")
                }
                seen[key] = (keyLine, keyColumn)
                skipWhitespace()
                guard peek == UInt8(ascii: ":") else { throw error("expected ':' after the key '\(key)', found \(found)") }
                advance()
                skipWhitespace()
                let node = try value(depth: depth + 1, context: "'\(key)'")
                members.append(Member(key: key, line: keyLine, column: keyColumn, node: node))
                skipWhitespace()
                switch peek {
                case UInt8(ascii: ","): advance()
                case UInt8(ascii: "}"): advance(); return .object(members)
                default: throw error("expected ',' or '}' after the value of '\(key)', found \(found)")
                }
            }
        }

        mutating func array(depth: Int) throws(SyntaxError) -> Value {
            advance()   // [
            var items: [Node] = []
            skipWhitespace()
            if peek == UInt8(ascii: "]") { advance(); return .array(items) }
            while true {
                skipWhitespace()
                if peek == UInt8(ascii: "]") && !items.isEmpty { throw error("trailing comma before ']'") }
                items.append(try value(depth: depth + 1, context: "element \(items.count) of the array"))
                skipWhitespace()
                switch peek {
                case UInt8(ascii: ","): advance()
                case UInt8(ascii: "]"): advance(); return .array(items)
                default: throw error("expected ',' or ']' after an array element, found \(found)")
                }
            }
        }

        /// `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`
        mutating func number() throws(SyntaxError) -> String {
            let start = index
            func isDigit(_ byte: UInt8?) -> Bool { byte.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
            if peek == UInt8(ascii: "-") { advance() }
            guard isDigit(peek) else { throw error("expected a digit, found \(found)") }
            if peek == UInt8(ascii: "0") {
                advance()
                if isDigit(peek) { throw error("numbers must not have leading zeros") }
            } else {
                while isDigit(peek) { advance() }
            }
            if peek == UInt8(ascii: ".") {
                advance()
                guard isDigit(peek) else { throw error("expected a digit after the decimal point, found \(found)") }
                while isDigit(peek) { advance() }
            }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                advance()
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { advance() }
                guard isDigit(peek) else { throw error("expected a digit in the exponent, found \(found)") }
                while isDigit(peek) { advance() }
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        mutating func string() throws(SyntaxError) -> String {
            let (startLine, startColumn) = (line, column)
            advance()   // "
            var output: [UInt8] = []
            while true {
                guard let byte = peek else {
                    throw SyntaxError(line: startLine, column: startColumn, message: "unterminated string")
                }
                switch byte {
                case UInt8(ascii: "\""):
                    advance()
                    return String(decoding: output, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    advance()
                    try escape(into: &output)
                case 0..<0x20:
                    throw error(byte == 0x0A ? "unterminated string (a line break inside a string must be written \\n)"
                                             : "control character in a string; escape it")
                default:
                    output.append(byte)
                    advance()
                }
            }
        }

        mutating func escape(into output: inout [UInt8]) throws(SyntaxError) {
            guard let byte = peek else { throw error("unterminated string") }
            let simple: [UInt8: UInt8] = [
                UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "\\"): UInt8(ascii: "\\"), UInt8(ascii: "/"): UInt8(ascii: "/"),
                UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
            ]
            if let replacement = simple[byte] {
                output.append(replacement)
                advance()
                return
            }
            guard byte == UInt8(ascii: "u") else { throw error("invalid escape '\\\(String(decoding: [byte], as: UTF8.self))'") }
            advance()
            var unit = try hexUnit()
            var scalar = Unicode.Scalar(unit)
            if (0xD800..<0xDC00).contains(unit), peek == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") {
                advance()
                advance()
                let low = try hexUnit()
                if (0xDC00..<0xE000).contains(low) {
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    scalar = Unicode.Scalar(unit)
                }
            }
            output.append(contentsOf: String(Character(scalar ?? "\u{FFFD}")).utf8)
        }

        mutating func hexUnit() throws(SyntaxError) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let byte = peek, let digit = Self.hexValue(byte) else {
                    throw error("expected four hex digits after '\\u', found \(found)")
                }
                value = value * 16 + digit
                advance()
            }
            return value
        }

        static func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case 0x30...0x39: return UInt32(byte - 0x30)
            case 0x41...0x46: return UInt32(byte - 0x41 + 10)
            case 0x61...0x66: return UInt32(byte - 0x61 + 10)
            default: return nil
            }
        }
    }
}

extension JSONDocument.Node {
    /// The member `key` of an object (nil for other values or a missing key).
    public func member(_ key: String) -> JSONDocument.Member? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }
    }

    /// How a diagnostic names this value: `'two'`, `'8.5'`, `null`, `an object`.
    public var found: String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return "'\(flag)'"
        case .number(let text): return "'\(text)'"
        case .string(let text): return "'\(text)'"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The same value as a `JSONValue` (numbers spliced in as written, so they keep every digit).
    public var jsonValue: JSONValue {
        switch value {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .number(let text): return .rendered(Array(text.utf8))
        case .string(let text): return .string(text)
        case .array(let items): return .array(items.map(\.jsonValue))
        case .object(let members):
            var result: [String: JSONValue] = [:]
            for member in members { result[member.key] = member.node.jsonValue }
            return .object(result)
        }
    }
}
