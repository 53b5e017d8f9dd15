import Foundation

/// Exact decimal numbers from export text (never through Double): costs, quantities, JSON numbers.
package enum UsageNumber {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// `12`, `-0.5`, `3.673390`, `1e-05`, `2.5E+3`: an optional sign, digits with an optional fraction
    /// and an optional exponent (JSON numbers have them; FOCUS forbids them, but float-writing exporters
    /// produce them); nil for anything else, including partial numbers such as `1.2x`, thousands
    /// separators and currency signs.
    package static func decimal(_ text: String) -> Decimal? {
        let bytes = Array(text.utf8)
        var index = 0
        func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        var digits = 0
        while isDigit(index) { index += 1; digits += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while isDigit(index) { index += 1; digits += 1 }
        }
        guard digits > 0 else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            guard isDigit(index) else { return nil }
            while isDigit(index) { index += 1 }
        }
        guard index == bytes.count else { return nil }
        let unsigned = bytes.first == UInt8(ascii: "+") ? String(text.dropFirst()) : text
        return Decimal(string: unsigned, locale: posix)
    }

    /// A whole number ≥ 0 (`64`), nil for anything else.
    package static func count(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(text)
    }
}
