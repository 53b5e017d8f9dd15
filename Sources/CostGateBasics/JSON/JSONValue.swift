import Foundation

/// A JSON document written with sorted keys and exact decimals, so the same result always gives
/// the same bytes.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case decimal(Decimal)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
    /// A fragment already rendered at the indentation it will stand at (see `fragment(indent:)`).
    case rendered([UInt8])

    /// Money: a number rounded to cents.
    public static func money(_ value: Decimal) -> JSONValue { .decimal(value.rounded(2)) }

    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    public static func optional(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }
    public static func optional(_ value: Double?) -> JSONValue { value.map(JSONValue.double) ?? .null }

    /// Pretty-printed with two-space indentation and a final newline.
    public func rendered() -> String {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(to: &output, indent: 0)
        output.append(UInt8(ascii: "\n"))
        return String(decoding: output, as: UTF8.self)
    }

    /// This value rendered as it will stand at `indent` inside a larger document, so big arrays can
    /// be rendered in parallel and spliced in with `.rendered`.
    public func fragment(indent: Int) -> [UInt8] {
        var output: [UInt8] = []
        write(to: &output, indent: indent)
        return output
    }

    private static func indent(_ output: inout [UInt8], _ count: Int) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    private func write(to output: inout [UInt8], indent: Int) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): output.append(contentsOf: String(value).utf8)
        case .decimal(let value): DecimalText.append(value, to: &output)
        case .double(let value): output.append(contentsOf: Self.format(value).utf8)
        case .string(let value): Self.writeString(value, to: &output)
        case .rendered(let bytes): output.append(contentsOf: bytes)
        case .array(let items):
            guard !items.isEmpty else { output.append(contentsOf: "[]".utf8); return }
            output.append(contentsOf: "[\n".utf8)
            for (index, item) in items.enumerated() {
                Self.indent(&output, indent + 2)
                item.write(to: &output, indent: indent + 2)
                output.append(contentsOf: (index == items.count - 1 ? "\n" : ",\n").utf8)
            }
            Self.indent(&output, indent)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { output.append(contentsOf: "{}".utf8); return }
            output.append(contentsOf: "{\n".utf8)
            let keys = members.keys.sorted()
            for (index, key) in keys.enumerated() {
                Self.indent(&output, indent + 2)
                Self.writeString(key, to: &output)
                output.append(contentsOf: ": ".utf8)
                members[key]!.write(to: &output, indent: indent + 2)
                output.append(contentsOf: (index == keys.count - 1 ? "\n" : ",\n").utf8)
            }
            Self.indent(&output, indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    package static func format(_ value: Decimal) -> String { "\(value)" }

    package static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return FixedText.format(value, places: 1) }
        return "\(value)"
    }

    /// Whether `bytes` hold a control character, a quote or a backslash: eight bytes at a time
    /// (a report's strings are mostly long sentences that need no escape; byte by byte this
    /// scan was a seventh of rendering a report).
    package static func needsEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        // A byte of `word` is zero ⇔ its high bit is set here (the classic "has a zero byte" test).
        func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            // Below 0x20: with the high bit clear, subtracting 0x20 borrows into it. Bytes with the
            // high bit set (UTF-8 beyond ASCII) are excluded by `~word`.
            let control = (word &- 0x2020_2020_2020_2020) & ~word & highs != 0
            if control || hasZeroByte(word ^ 0x2222_2222_2222_2222) || hasZeroByte(word ^ 0x5C5C_5C5C_5C5C_5C5C) {
                return true
            }
            offset += 8
        }
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            offset += 1
        }
        return false
    }

    // Specialized here for both outputs: the JSON reports that write every string are in another target.
    @_specialize(exported: true, where Output == GrowableBuffer<UInt8>)
    @_specialize(exported: true, where Output == [UInt8])
    package static func writeString<Output: ByteOutput & ~Copyable>(_ value: String, to output: inout Output) {
        output.append(UInt8(ascii: "\""))
        // Most strings need no escape: copy them whole rather than byte by byte.
        let plain = value.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
            guard !needsEscape(buffer) else { return false }
            output.append(contentsOf: buffer)
            return true
        }
        if plain == true {
            output.append(UInt8(ascii: "\""))
            return
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(static: "\\\"")
            case UInt8(ascii: "\\"): output.append(static: "\\\\")
            case UInt8(ascii: "\n"): output.append(static: "\\n")
            case UInt8(ascii: "\r"): output.append(static: "\\r")
            case UInt8(ascii: "\t"): output.append(static: "\\t")
            case 0..<0x20: output.append(utf8: String(format: "\\u%04x", byte))
            default: output.append(byte)   // UTF-8 passes through unchanged
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
