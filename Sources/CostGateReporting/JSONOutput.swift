import Foundation
import CostGateBasics

/// JSON text written front to back in the exact layout of `JSONValue.rendered()` (two-space
/// indentation, `"key": value`, sorted keys), for the parts of a report that are large: no
/// dictionary per object and no key sort. Callers give members in sorted key order; debug builds
/// check it. Written into a `GrowableBuffer`: a report makes a hundred appends per workload.
package struct JSONOutput: ~Copyable {
    private var bytes: GrowableBuffer<UInt8>
    /// Indentation (spaces) of the innermost open container.
    private var indent: Int
    /// Members written so far in the innermost open container, and in the ones around it
    /// (outermost first): the innermost apart, so a member does not touch an array.
    private var count = 0
    private var outerCounts: [Int] = []
    #if DEBUG
    private var lastKeys: [String] = []
    #endif

    /// `indent`: the column the first value stands at (nested fragments start deeper).
    package init(indent: Int = 0, capacity: Int = 4096) {
        self.indent = indent
        bytes = GrowableBuffer(capacity: capacity)
    }

    /// The text written, with `prefix` before it and `suffix` after it, as one array.
    package consuming func finish(prefix: StaticString = "", suffix: StaticString = "") -> [UInt8] {
        let body = bytes.elements(0..<bytes.count)
        return prefix.withUTF8Buffer { prefix in
            suffix.withUTF8Buffer { suffix in
                [UInt8](unsafeUninitializedCapacity: prefix.count + body.count + suffix.count) { buffer, initialized in
                    var end = 0
                    for part in [prefix, body, suffix] where !part.isEmpty {
                        _ = UnsafeMutableBufferPointer(rebasing: buffer[end...]).initialize(fromContentsOf: part)
                        end += part.count
                    }
                    initialized = end
                }
            }
        }
    }

    // MARK: - Containers

    package mutating func beginObject() { open(UInt8(ascii: "{")) }
    package mutating func endObject() { close(UInt8(ascii: "}")) }
    package mutating func beginArray() { open(UInt8(ascii: "[")) }
    package mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts a member of the open object; its value follows.
    package mutating func key(_ key: StaticString) {
        #if DEBUG
        let text = key.description
        precondition(lastKeys[lastKeys.count - 1] < text, "JSON keys must be written in sorted order: \(text)")
        lastKeys[lastKeys.count - 1] = text
        #endif
        // `,\n` (or `\n`), the indentation, `"key": ` in one append: five appends cost 224
        // instructions a key, and a report writes 30 keys per workload.
        key.withUTF8Buffer { key in
            separate(then: key.count + 4) { text in
                text.initialize(to: UInt8(ascii: "\""))
                (text + 1).initialize(from: key.baseAddress!, count: key.count)
                let end = text + 1 + key.count
                end.initialize(to: UInt8(ascii: "\""))
                (end + 1).initialize(to: UInt8(ascii: ":"))
                (end + 2).initialize(to: UInt8(ascii: " "))
            }
        }
    }

    /// A value built as a `JSONValue` (small parts such as a check's verdict), laid out as it would be here.
    package mutating func value(_ value: JSONValue) {
        value.fragment(indent: indent).withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
    }

    /// Starts an item of the open array; its value follows.
    package mutating func item() { separate() }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        outerCounts.append(count)
        count = 0
        indent += 2
        #if DEBUG
        lastKeys.append("")
        #endif
    }

    private mutating func close(_ bracket: UInt8) {
        let members = count
        count = outerCounts.removeLast()
        indent -= 2
        #if DEBUG
        lastKeys.removeLast()
        #endif
        if members > 0 {
            bytes.append(UInt8(ascii: "\n"))
            appendIndent()
        }
        bytes.append(bracket)
    }

    /// The comma and line break before a member, its indentation, and `extra` bytes that `then`
    /// writes (a key), in one append.
    private mutating func separate(then extra: Int = 0, _ then: (UnsafeMutablePointer<UInt8>) -> Void = { _ in }) {
        let lead = count > 0 ? 2 : 1
        let indent = self.indent
        count += 1
        bytes.append(count: lead + indent + extra) { text in
            if lead == 2 { text.initialize(to: UInt8(ascii: ",")) }
            (text + lead - 1).initialize(to: UInt8(ascii: "\n"))
            (text + lead).initialize(repeating: UInt8(ascii: " "), count: indent)
            then(text + lead + indent)
        }
    }

    private mutating func appendIndent() {
        let indent = self.indent
        bytes.append(count: indent) { $0.initialize(repeating: UInt8(ascii: " "), count: indent) }
    }

    // MARK: - Values

    package mutating func null() {
        bytes.append(static: "null")
    }

    package mutating func bool(_ value: Bool) {
        if value { bytes.append(static: "true") } else { bytes.append(static: "false") }
    }

    package mutating func string(_ value: String) { JSONValue.writeString(value, to: &bytes) }

    package mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    package mutating func int(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // room for 20 digits without an allocation
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude != 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    package mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    /// `value.rounded(places)` as `JSONValue.decimal` writes it.
    package mutating func decimal(_ value: Decimal, rounded places: Int) {
        DecimalText.appendRounded(value, places: places, to: &bytes)
    }

    /// Money: rounded to cents, as `JSONValue.money`.
    package mutating func money(_ value: Decimal) { decimal(value, rounded: 2) }

    package mutating func money(_ value: Decimal?) {
        if let value { money(value) } else { null() }
    }

    package mutating func double(_ value: Double) { bytes.append(utf8: JSONValue.format(value)) }

    package mutating func double(_ value: Double?) {
        if let value { double(value) } else { null() }
    }

    package mutating func strings(_ values: [String]) {
        beginArray()
        for value in values {
            item()
            string(value)
        }
        endArray()
    }
}
