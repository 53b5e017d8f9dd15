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

    static func format(_ value: Decimal) -> String { "\(value)" }

    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(format: "%.1f", value) }
        return "\(value)"
    }

    static func writeString<Output: ByteOutput & ~Copyable>(_ value: String, to output: inout Output) {
        output.append(UInt8(ascii: "\""))
        // Most strings need no escape: copy them whole rather than byte by byte.
        let plain = value.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
            guard !buffer.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
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
