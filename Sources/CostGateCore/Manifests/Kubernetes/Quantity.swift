import Foundation

/// A Kubernetes `resource.Quantity`, parsed exactly as `k8s.io/apimachinery` parses it: never via
/// `Double`, values below one nano rounded up to 1n, magnitudes above 2^63−1 capped.
public struct Quantity: Hashable, Sendable, CustomStringConvertible {
    public enum Format: Sendable { case binarySI, decimalSI, decimalExponent }

    /// The exact value in base units (cores, bytes, devices), rounded up to a multiple of 1e-9.
    public let value: Decimal
    public let format: Format
    /// The text the quantity was parsed from.
    public let text: String

    public var description: String { text }

    public enum ParseError: Error, Equatable, Sendable {
        case empty
        case invalidNumber(String)
        case invalidSuffix(String)
    }

    private static let maxInt64 = Decimal(Int64.max)

    public init(parsing text: String) throws(ParseError) {
        self.text = text
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw .empty }
        var index = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        // Digits with at most one decimal point; at least one digit.
        var digits: [UInt8] = []
        var fractionDigits = 0
        var seenPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits.append(byte - UInt8(ascii: "0"))
                if seenPoint { fractionDigits += 1 }
            } else if byte == UInt8(ascii: ".") {
                if seenPoint { throw .invalidNumber(text) }
                seenPoint = true
            } else {
                break
            }
            index += 1
        }
        guard !digits.isEmpty else { throw .invalidNumber(text) }
        let suffix = String(decoding: bytes[index...], as: UTF8.self)
        let (base, exponent, format) = try Self.parseSuffix(suffix, in: text)

        var magnitude = Decimal(0)
        // Leading zeros carry no information and would only cost precision.
        let significant = digits.drop { $0 == 0 }
        for digit in significant { magnitude = magnitude * 10 + Decimal(Int(digit)) }
        magnitude *= Self.power(10, exponent - fractionDigits)
        if base != 1 { magnitude *= base }

        // Kubernetes keeps nine decimal places and rounds away from zero below that.
        var rounded = Decimal()
        var input = magnitude
        NSDecimalRound(&rounded, &input, 9, .up)
        if rounded > Self.maxInt64 { rounded = Self.maxInt64 }
        self.value = negative ? -rounded : rounded
        self.format = format
    }

    /// `Value()`: the value rounded up to an integer (bytes, whole devices).
    public var integerValue: Int64 {
        var rounded = Decimal()
        var input = value
        NSDecimalRound(&rounded, &input, 0, value < 0 ? .down : .up)
        return NSDecimalNumber(decimal: rounded).int64Value
    }

    /// `MilliValue()`: the value × 1000, rounded up (millicores).
    public var milliValue: Int64 {
        var rounded = Decimal()
        var input = value * 1000
        NSDecimalRound(&rounded, &input, 0, value < 0 ? .down : .up)
        return NSDecimalNumber(decimal: rounded).int64Value
    }

    /// Whether the value is a whole number (extended resources such as GPUs must be).
    public var isInteger: Bool {
        var rounded = Decimal()
        var input = value
        NSDecimalRound(&rounded, &input, 0, .down)
        return rounded == value
    }

    private static func parseSuffix(_ suffix: String, in text: String) throws(ParseError) -> (Decimal, Int, Format) {
        switch suffix {
        case "": return (1, 0, .decimalSI)
        case "n": return (1, -9, .decimalSI)
        case "u": return (1, -6, .decimalSI)
        case "m": return (1, -3, .decimalSI)
        case "k": return (1, 3, .decimalSI)
        case "M": return (1, 6, .decimalSI)
        case "G": return (1, 9, .decimalSI)
        case "T": return (1, 12, .decimalSI)
        case "P": return (1, 15, .decimalSI)
        case "E": return (1, 18, .decimalSI)
        case "Ki": return (power(2, 10), 0, .binarySI)
        case "Mi": return (power(2, 20), 0, .binarySI)
        case "Gi": return (power(2, 30), 0, .binarySI)
        case "Ti": return (power(2, 40), 0, .binarySI)
        case "Pi": return (power(2, 50), 0, .binarySI)
        case "Ei": return (power(2, 60), 0, .binarySI)
        default: break
        }
        // Decimal exponent: e|E, optional sign, one or more digits.
        let bytes = Array(suffix.utf8)
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "e") || bytes[0] == UInt8(ascii: "E") else {
            throw .invalidSuffix(text)
        }
        var index = 1
        var negative = false
        if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        guard index < bytes.count, bytes.count - index <= 4 else { throw .invalidSuffix(text) }
        var exponent = 0
        for byte in bytes[index...] {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { throw .invalidSuffix(text) }
            exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return (1, negative ? -exponent : exponent, .decimalExponent)
    }

    static func power(_ base: Int, _ exponent: Int) -> Decimal {
        if base == 10 { return Decimal(sign: .plus, exponent: exponent, significand: 1) }
        var result = Decimal(1)
        for _ in 0..<exponent { result *= Decimal(base) }
        return result
    }
}
