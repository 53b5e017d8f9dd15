import Foundation

/// A `Decimal` as its stored parts, `mantissa × 10^exponent` (negated when `negative`), read from
/// and written to Foundation's memory layout so that arithmetic whose result is exact can skip
/// Foundation's general routines (each allocates arrays and divides the mantissa digit by digit:
/// thousands of instructions per operation, tens of thousands for text).
///
/// The layout (swift-foundation): an `Int8` exponent; a byte holding the mantissa length in 16-bit
/// words (high nibble), the sign (bit 3) and the "compact" flag (bit 2); two reserved bytes; eight
/// little-endian 16-bit words. `isUsable` checks it once against Foundation's own values; when it
/// does not match, every caller takes Foundation's path, so results never depend on it.
package struct DecimalParts: Equatable {
    package var mantissa: UInt128
    package var exponent: Int
    package var negative: Bool

    /// 10^38: mantissas below it are exact in every Foundation routine (its limit is 2^128).
    /// A literal, not a stored `static let`, so that each use is a constant rather than a lazy global's check.
    package static var exactLimit: UInt128 { 100_000_000_000_000_000_000_000_000_000_000_000_000 }

    /// The stored parts of `value`; nil for NaN, a zero, or an unexpected layout.
    package init?(_ value: Decimal) {
        guard Self.isUsable else { return nil }
        guard let parts = Self.read(value) else { return nil }
        self = parts
    }

    package init(mantissa: UInt128, exponent: Int, negative: Bool) {
        self.mantissa = mantissa
        self.exponent = exponent
        self.negative = negative
    }

    /// The Decimal Foundation's arithmetic would return for this value: trailing zeros moved into
    /// the exponent ("compact"). Nil when that form is out of Decimal's range, or for zero (whose
    /// stored form varies with the operation that made it).
    package var compactDecimal: Decimal? {
        guard Self.isUsable else { return nil }
        return Self.write(self)
    }

    // MARK: - Layout

    private static func read(_ value: Decimal) -> DecimalParts? {
        guard MemoryLayout<Decimal>.size == 20, !value.isNaN else { return nil }
        return withUnsafeBytes(of: value) { raw -> DecimalParts? in
            let length = Int(raw[1] >> 4)
            guard length > 0, length <= 8 else { return nil }
            // The eight words as two little-endian halves; words past `length` do not count.
            let low = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt64.self))
            let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 12, as: UInt64.self))
            var mantissa = UInt128(high) << 64 | UInt128(low)
            if length < 8 { mantissa &= (1 << (16 * length)) - 1 }
            guard mantissa != 0 else { return nil }
            return DecimalParts(mantissa: mantissa, exponent: Int(Int8(bitPattern: raw[0])), negative: raw[1] & 0x08 != 0)
        }
    }

    private static func write(_ parts: DecimalParts) -> Decimal? {
        var mantissa = parts.mantissa
        var exponent = parts.exponent
        guard mantissa != 0 else { return nil }
        if mantissa <= UInt128(UInt64.max) {
            // Most prices fit 64 bits, where dividing by ten is a multiplication, not a 128-bit division call.
            var small = UInt64(mantissa)
            while small % 10 == 0 && exponent < 127 {
                small /= 10
                exponent += 1
            }
            mantissa = UInt128(small)
        }
        while mantissa % 10 == 0 && exponent < 127 {
            mantissa /= 10
            exponent += 1
        }
        guard exponent >= -128, exponent <= 127 else { return nil }
        // 16-bit words in use; the words above them are zero, as Foundation leaves them.
        let length = (128 - mantissa.leadingZeroBitCount + 15) / 16
        let flags = UInt8(length << 4) | (parts.negative ? 0x08 : 0) | 0x04
        var value = Decimal()
        withUnsafeMutableBytes(of: &value) { raw in
            // Exponent, flags and two reserved zero bytes; then the mantissa's two little-endian halves.
            let header = UInt32(UInt8(bitPattern: Int8(exponent))) | UInt32(flags) << 8
            raw.storeBytes(of: header.littleEndian, toByteOffset: 0, as: UInt32.self)
            raw.storeBytes(of: UInt64(truncatingIfNeeded: mantissa).littleEndian, toByteOffset: 4, as: UInt64.self)
            raw.storeBytes(of: UInt64(truncatingIfNeeded: mantissa >> 64).littleEndian, toByteOffset: 12, as: UInt64.self)
        }
        return value
    }

    /// Whether the layout is the one described above, checked once against values Foundation made.
    package static let isUsable: Bool = {
        guard MemoryLayout<Decimal>.size == 20 else { return false }
        let samples: [(Decimal, DecimalParts)] = [
            (Decimal(string: "1.5")!, DecimalParts(mantissa: 15, exponent: -1, negative: false)),
            (Decimal(string: "-0.012")!, DecimalParts(mantissa: 12, exponent: -3, negative: true)),
            (Decimal(string: "1500")!, DecimalParts(mantissa: 15, exponent: 2, negative: false)),
            (Decimal(string: "123456789012345678901234567")!,
             DecimalParts(mantissa: 123_456_789_012_345_678_901_234_567, exponent: 0, negative: false)),
        ]
        for (value, parts) in samples {
            guard read(value) == parts, let written = write(parts), written == value,
                  withUnsafeBytes(of: written, { Array($0) }) == withUnsafeBytes(of: value, { Array($0) })
            else { return false }
        }
        return true
    }()

    package static func power(of exponent: Int) -> UInt128 {
        var result: UInt128 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}
