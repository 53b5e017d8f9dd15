import Foundation

/// `Decimal` as text, and rounding for reports, on the value's own integer mantissa.
///
/// Foundation's `description` divides the whole 128-bit mantissa by ten once per digit and
/// `NSDecimalRound` does the same per dropped digit: about 20,000 instructions for one rounded
/// money figure, most of the JSON report's cost. Here the mantissa is read once into a `UInt128`.
/// The text is the same as `value.rounded(places).description` (half away from zero, trailing
/// zeros dropped as Foundation's compaction drops them); `DecimalTextTests` checks that against
/// Foundation for many values. Whatever this cannot read (NaN, an unexpected memory layout) takes
/// Foundation's path.
package enum DecimalText {
    /// `mantissa × 10^exponent`, negated when `negative`.
    package struct Parts: Equatable {
        package var mantissa: UInt128
        package var exponent: Int
        package var negative: Bool
    }

    /// The text of `value.rounded(places)` (`rounded` is `NSDecimalRound` with `.plain`).
    package static func rounded(_ value: Decimal, places: Int) -> String {
        var output: [UInt8] = []
        appendRounded(value, places: places, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the text of `value.rounded(places)` to `output`.
    // Specialized here for both outputs (as are the writers below): the reports that call them are in
    // CostGateReporting, which cannot specialize another target's generic code, and a report writes
    // thousands of amounts.
    @_specialize(exported: true, where Output == GrowableBuffer<UInt8>)
    @_specialize(exported: true, where Output == [UInt8])
    package static func appendRounded<Output: ByteOutput & ~Copyable>(_ value: Decimal, places: Int, to output: inout Output) {
        guard let parts = parts(of: value), let rounded = rounded(parts, places: places) else {
            output.append(utf8: value.rounded(places).description)
            return
        }
        append(rounded, to: &output)
    }

    /// `value.description`, for the figures messages repeat on every workload.
    package static func description(_ value: Decimal) -> String {
        var output: [UInt8] = []
        append(value, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `value.description` to `output`.
    @_specialize(exported: true, where Output == GrowableBuffer<UInt8>)
    @_specialize(exported: true, where Output == [UInt8])
    package static func append<Output: ByteOutput & ~Copyable>(_ value: Decimal, to output: inout Output) {
        guard let parts = parts(of: value) else {
            output.append(utf8: value.description)
            return
        }
        append(parts, to: &output)
    }

    /// The stored parts of `value`: Foundation's layout is an `Int8` exponent, a byte holding the
    /// mantissa length in 16-bit words (high nibble) and the sign (bit 3), two reserved bytes, then
    /// eight little-endian 16-bit words. Nil for NaN or when the layout is not that one.
    package static func parts(of value: Decimal) -> Parts? {
        guard MemoryLayout<Decimal>.size == 20, !value.isNaN else { return nil }
        return withUnsafeBytes(of: value) { raw -> Parts? in
            let exponent = Int(Int8(bitPattern: raw[0]))
            let length = Int(raw[1] >> 4)
            let negative = raw[1] & 0x08 != 0
            guard length <= 8, negative == (value.sign == .minus) else { return nil }
            if length == 0 { return Parts(mantissa: 0, exponent: 0, negative: false) }
            guard exponent == value.exponent else { return nil }
            var mantissa: UInt128 = 0
            for word in stride(from: length - 1, through: 0, by: -1) {
                mantissa = mantissa << 16 | UInt128(raw.loadUnaligned(fromByteOffset: 4 + 2 * word, as: UInt16.self).littleEndian)
            }
            // A stored length with a zero mantissa is not a form Foundation writes: leave it to Foundation.
            guard mantissa != 0 else { return nil }
            return Parts(mantissa: mantissa, exponent: exponent, negative: negative)
        }
    }

    /// `NSDecimalRound(…, places, .plain)`: half away from zero, then trailing zeros moved into the
    /// exponent (Foundation compacts a rounded result). Values with no digit past `places` are
    /// returned as they are, as Foundation returns them. Nil beyond 38 dropped digits.
    package static func rounded(_ parts: Parts, places: Int) -> Parts? {
        guard parts.mantissa != 0, parts.exponent < -places else { return parts }
        let dropped = -parts.exponent - places
        guard dropped <= 38 else { return nil }
        let divisor = power(of: dropped)
        var (quotient, remainder) = parts.mantissa.quotientAndRemainder(dividingBy: divisor)
        if remainder >= divisor - remainder { quotient += 1 }
        guard quotient != 0 else { return Parts(mantissa: 0, exponent: 0, negative: false) }
        var exponent = -places
        while quotient % 10 == 0 {
            quotient /= 10
            exponent += 1
        }
        return Parts(mantissa: quotient, exponent: exponent, negative: parts.negative)
    }

    /// Writes `parts` as Foundation's `description` does: every stored digit, a point only when the
    /// exponent is negative, `0.` in front of a value below one.
    @_specialize(exported: true, where Output == GrowableBuffer<UInt8>)
    @_specialize(exported: true, where Output == [UInt8])
    package static func append<Output: ByteOutput & ~Copyable>(_ parts: Parts, to output: inout Output) {
        guard parts.mantissa != 0 else {
            output.append(UInt8(ascii: "0"))
            return
        }
        // Digits, least significant first, in a stack buffer (a UInt128 has at most 39).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { digits in
            var count = 0
            var rest = parts.mantissa
            while rest > UInt128(UInt64.max) {
                let (quotient, digit) = rest.quotientAndRemainder(dividingBy: 10)
                digits[count] = UInt8(ascii: "0") + UInt8(digit)
                count += 1
                rest = quotient
            }
            // Most figures fit 64 bits, where dividing by ten is a multiplication.
            var small = UInt64(rest)
            while small != 0 {
                digits[count] = UInt8(ascii: "0") + UInt8(small % 10)
                count += 1
                small /= 10
            }
            // Byte by byte: the generic `append(contentsOf:)` of reversed or repeated bytes costs more than the digits.
            if parts.negative { output.append(UInt8(ascii: "-")) }
            if parts.exponent >= 0 {
                for index in stride(from: count - 1, through: 0, by: -1) { output.append(digits[index]) }
                for _ in 0..<parts.exponent { output.append(UInt8(ascii: "0")) }
                return
            }
            let fractionDigits = -parts.exponent
            if count > fractionDigits {
                for index in stride(from: count - 1, through: fractionDigits, by: -1) { output.append(digits[index]) }
                output.append(UInt8(ascii: "."))
            } else {
                output.append(UInt8(ascii: "0"))
                output.append(UInt8(ascii: "."))
                for _ in 0..<(fractionDigits - count) { output.append(UInt8(ascii: "0")) }
            }
            for index in stride(from: min(fractionDigits, count) - 1, through: 0, by: -1) { output.append(digits[index]) }
        }
    }

    private static func power(of exponent: Int) -> UInt128 {
        var result: UInt128 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}
