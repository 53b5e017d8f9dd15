import Foundation
import CostGateBasics

/// A Kubernetes `resource.Quantity`, parsed exactly as `k8s.io/apimachinery` parses it: never via
/// `Double`, values below one nano rounded up to 1n, magnitudes above 2^63−1 capped. Held as an
/// integer count of nano-units (1e-9 of a core, a byte, a device), which is exact for every value
/// Kubernetes can represent and cheap to parse.
public struct Quantity: Hashable, Sendable, CustomStringConvertible {
    public enum Format: Sendable { case binarySI, decimalSI, decimalExponent }

    /// The value in nano-units (value × 10^9), rounded away from zero.
    public let nanos: Int128
    public let format: Format
    /// The text the quantity was parsed from.
    public let text: String

    public var description: String { text }

    public enum ParseError: Error, Equatable, Sendable {
        case empty
        case invalidNumber(String)
        case invalidSuffix(String)
    }

    private static let nanosPerUnit: Int128 = 1_000_000_000
    /// Mantissas above this stop taking digits (10^36: far above any quantity Kubernetes keeps).
    private static let mantissaLimit: UInt128 = 1_000_000_000_000_000_000_000_000_000_000_000_000
    /// `Int64.max` base units, the cap Kubernetes applies.
    private static let maxNanos = Int128(Int64.max) * nanosPerUnit

    public init(parsing text: String) throws(ParseError) {
        self.text = text
        var utf8 = text.utf8[...]
        guard let first = utf8.first else { throw .empty }
        var negative = false
        if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            utf8 = utf8.dropFirst()
        }
        // Digits with at most one decimal point; at least one digit. Leading zeros carry nothing.
        var mantissa: UInt128 = 0
        var fractionDigits = 0
        var droppedDigits = 0      // integer digits beyond UInt128's reach (the value is capped anyway)
        var roundUp = false        // nonzero fraction digits beyond what UInt128 holds
        var sawDigit = false
        var seenPoint = false
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                sawDigit = true
                let digit = UInt128(byte - UInt8(ascii: "0"))
                let (times10, overflow1) = mantissa.multipliedReportingOverflow(by: 10)
                let (next, overflow2) = times10.addingReportingOverflow(digit)
                if overflow1 || overflow2 || mantissa > Self.mantissaLimit {
                    if seenPoint { roundUp = roundUp || digit != 0 } else { droppedDigits += 1 }
                } else {
                    mantissa = next
                    if seenPoint { fractionDigits += 1 }
                }
            } else if byte == UInt8(ascii: ".") {
                if seenPoint { throw .invalidNumber(text) }
                seenPoint = true
            } else {
                break
            }
            index = utf8.index(after: index)
        }
        guard sawDigit else { throw .invalidNumber(text) }
        let (binaryShift, exponent, format) = try Self.parseSuffix(utf8[index...], in: text)

        // nanos = mantissa × 10^(exponent + dropped − fraction + 9) × 2^binaryShift, rounded up.
        let power10 = exponent + droppedDigits - fractionDigits + 9
        var magnitude = mantissa
        var capped = false
        var inexact = roundUp
        if power10 >= 0 {
            for _ in 0..<min(power10, 60) where !capped {
                let (product, overflow) = magnitude.multipliedReportingOverflow(by: 10)
                if overflow { capped = true } else { magnitude = product }
            }
            if power10 > 60 && magnitude != 0 { capped = true }
        } else {
            for _ in 0..<min(-power10, 60) {
                if magnitude % 10 != 0 { inexact = true }
                magnitude /= 10
            }
            if -power10 > 60 { inexact = inexact || mantissa != 0 ; magnitude = 0 }
        }
        if binaryShift > 0 && !capped {
            if magnitude.leadingZeroBitCount <= binaryShift { capped = true } else { magnitude <<= binaryShift }
        }
        if inexact && !capped { magnitude += 1 }
        if capped || magnitude > UInt128(Self.maxNanos) { magnitude = UInt128(Self.maxNanos) }
        self.nanos = negative ? -Int128(magnitude) : Int128(magnitude)
        self.format = format
    }

    /// The exact value in base units (cores, bytes, devices).
    public var value: Decimal {
        let magnitude = nanos.magnitude
        // Built from its parts: `Decimal(sign:exponent:significand:)` divides by ten nine times.
        if magnitude < DecimalParts.exactLimit,
           let value = DecimalParts(mantissa: magnitude, exponent: -9, negative: nanos < 0).compactDecimal {
            return value
        }
        var significand: Decimal
        if magnitude <= UInt128(UInt64.max) {
            significand = Decimal(UInt64(magnitude))
        } else {
            let split = UInt128(1_000_000_000_000_000_000)
            significand = Decimal(UInt64(magnitude / split)) * Decimal(sign: .plus, exponent: 18, significand: 1)
                + Decimal(UInt64(magnitude % split))
        }
        let scaled = Decimal(sign: .plus, exponent: -9, significand: significand)
        return nanos < 0 ? -scaled : scaled
    }

    /// `Value()`: the value rounded up to an integer (bytes, whole devices).
    public var integerValue: Int64 {
        let (quotient, remainder) = nanos.quotientAndRemainder(dividingBy: Self.nanosPerUnit)
        return Int64(remainder > 0 ? quotient + 1 : quotient)
    }

    /// `MilliValue()`: the value × 1000, rounded up (millicores).
    public var milliValue: Int64 {
        let (quotient, remainder) = nanos.quotientAndRemainder(dividingBy: 1_000_000)
        let milli = remainder > 0 ? quotient + 1 : quotient
        return milli > Int128(Int64.max) ? Int64.max : Int64(milli)
    }

    /// Whether the value is a whole number (extended resources such as GPUs must be).
    public var isInteger: Bool { nanos % Self.nanosPerUnit == 0 }

    /// (left shift for binary suffixes, decimal exponent, format)
    private static func parseSuffix(_ suffix: Substring.UTF8View.SubSequence, in text: String) throws(ParseError) -> (Int, Int, Format) {
        let bytes = Array(suffix)
        switch bytes.count {
        case 0: return (0, 0, .decimalSI)
        case 1:
            switch bytes[0] {
            case UInt8(ascii: "n"): return (0, -9, .decimalSI)
            case UInt8(ascii: "u"): return (0, -6, .decimalSI)
            case UInt8(ascii: "m"): return (0, -3, .decimalSI)
            case UInt8(ascii: "k"): return (0, 3, .decimalSI)
            case UInt8(ascii: "M"): return (0, 6, .decimalSI)
            case UInt8(ascii: "G"): return (0, 9, .decimalSI)
            case UInt8(ascii: "T"): return (0, 12, .decimalSI)
            case UInt8(ascii: "P"): return (0, 15, .decimalSI)
            case UInt8(ascii: "E"): return (0, 18, .decimalSI)
            default: throw .invalidSuffix(text)
            }
        case 2 where bytes[1] == UInt8(ascii: "i"):
            switch bytes[0] {
            case UInt8(ascii: "K"): return (10, 0, .binarySI)
            case UInt8(ascii: "M"): return (20, 0, .binarySI)
            case UInt8(ascii: "G"): return (30, 0, .binarySI)
            case UInt8(ascii: "T"): return (40, 0, .binarySI)
            case UInt8(ascii: "P"): return (50, 0, .binarySI)
            case UInt8(ascii: "E"): return (60, 0, .binarySI)
            default: throw .invalidSuffix(text)
            }
        default: break
        }
        // Decimal exponent: e|E, optional sign, one or more digits.
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
        return (0, negative ? -exponent : exponent, .decimalExponent)
    }
}
