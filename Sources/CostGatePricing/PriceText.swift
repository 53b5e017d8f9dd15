import Foundation
import CostGateBasics

/// Decimal text in and out for the price tables and derivation sentences, independent of the
/// user's locale.
package enum PriceText {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// `12`, `0.5`, `3.67339`: digits with an optional fraction; nil for anything else (no exponents,
    /// no signs, no partial parses such as `1.2x`).
    package static func decimal<S: StringProtocol>(_ text: S) -> Decimal? {
        decimal(utf8: text.utf8)
    }

    /// `decimal(_:)` of the text whose UTF-8 bytes are `utf8` (a cell of an embedded table).
    package static func decimal<Bytes: Collection<UInt8>>(utf8: Bytes) -> Decimal? {
        // Built from an integer mantissa and a decimal exponent: exact, and much cheaper than
        // Decimal(string:) for the thousands of cells parsed at start-up.
        var mantissa: UInt64 = 0
        var fractionDigits = 0
        var seenDot = false
        var digits = 0
        for byte in utf8 {
            if byte == UInt8(ascii: ".") {
                if seenDot { return nil }
                seenDot = true
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                guard digits < 19 else { return Decimal(string: String(decoding: utf8, as: UTF8.self), locale: posix) }
                mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
                digits += 1
                if seenDot { fractionDigits += 1 }
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        // From its parts when it has any digit but zero (Foundation's constructor divides by ten per fraction digit).
        return DecimalParts(mantissa: UInt128(mantissa), exponent: -fractionDigits, negative: false).compactDecimal
            ?? Decimal(sign: .plus, exponent: -fractionDigits, significand: Decimal(mantissa))
    }

    /// `value / divisor`, exactly. Dividing by a power of two (the accelerator counts 1, 2, 4, 8, 16 and
    /// the 2 of a median) is a multiplication by its exact decimal reciprocal: Foundation's Decimal
    /// division costs thousands of instructions, and the catalog load does thousands of them.
    package static func divide(_ value: Decimal, by divisor: Int) -> Decimal {
        guard divisor > 0, divisor & (divisor - 1) == 0, divisor <= 1 << 20 else { return DecimalMath.quotient(value, Decimal(divisor)) }
        // 1 / 2^k = 5^k × 10^-k: the Decimal that k products by 0.5 make, written at once when the layout is known.
        let shift = divisor.trailingZeroBitCount
        var fives: UInt128 = 1
        for _ in 0..<shift { fives *= 5 }
        if shift > 0, let reciprocal = DecimalParts(mantissa: fives, exponent: -shift, negative: false).compactDecimal {
            return DecimalMath.product(value, reciprocal)
        }
        var reciprocal = Decimal(1)
        for _ in 0..<shift { reciprocal = DecimalMath.product(reciprocal, Decimal(sign: .plus, exponent: -1, significand: 5)) }
        return DecimalMath.product(value, reciprocal)
    }

    /// At most `places` decimals, no trailing zeros: `5.289395`, `0.5`, `12`.
    package static func format(_ value: Decimal, places: Int = 6) -> String {
        DecimalText.rounded(value, places: places)
    }

    /// The median of `values` (mean of the middle two for an even count); nil when empty.
    package static func median(_ values: [Decimal]) -> Decimal? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted(by: DecimalMath.isLess)
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : PriceText.divide(sorted[middle - 1] + sorted[middle], by: 2)
    }
}
