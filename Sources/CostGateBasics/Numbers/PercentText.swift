import Foundation

/// Whole-percent text of a ratio of two `Decimal`s, as Foundation's arithmetic gives it.
///
/// `DecimalText.rounded(DecimalMath.product(part / whole, 100), places: 0)` costs one Foundation
/// division, about 17,000 instructions (it scales the dividend by 10^38 in arrays and divides digit
/// group by digit group); the estimate does one per GPU workload for the spot hint. Here the ratio
/// is computed in `Double` (relative error below 1e-15) and rounded to the nearest integer. That
/// integer is Foundation's whenever the ratio is not within a billionth of a half: Foundation's own
/// quotient keeps at least 20 significant digits under the conditions checked below (it truncates
/// `part × 10^38 / whole` on the mantissas). Anything else, ties included, takes Foundation's path.
package enum PercentText {
    /// The text of `(part / whole × 100)` rounded half away from zero to a whole number; `whole` non-zero.
    package static func rounded(_ part: Decimal, of whole: Decimal) -> String {
        if let fast = fastRounded(part, of: whole) {
            return fast == 0 ? "0" : String(fast)
        }
        return DecimalText.rounded(DecimalMath.product(part / whole, 100), places: 0)
    }

    /// The rounded percentage when it is certainly Foundation's; nil otherwise.
    package static func fastRounded(_ part: Decimal, of whole: Decimal) -> Int? {
        guard let a = DecimalParts(part), let b = DecimalParts(whole) else { return nil }
        let shift = a.exponent - b.exponent
        // Foundation first aligns the operands when the dividend's exponent is 19 or more above the
        // divisor's (losing digits), and fails outside Int8's exponent range: leave both to it.
        guard shift < 19, shift > -80 else { return nil }
        // Foundation's quotient is ⌊a × 10^38 / b⌋ on the mantissas: at least 10^20 (20 digits, a
        // relative error below 1e-19) when a × 10^18 ≥ b.
        let (scaled, overflow) = a.mantissa.multipliedReportingOverflow(by: DecimalParts.power(of: 18))
        guard overflow || scaled >= b.mantissa else { return nil }
        // Percent = a / b × 10^(shift + 2), the power applied exactly (powers of ten to 10^22 are exact doubles).
        let power = shift + 2
        guard abs(power) <= 22 else { return nil }
        var ratio = double(a.mantissa) / double(b.mantissa)
        ratio = power >= 0 ? ratio * Self.powers[power] : ratio / Self.powers[-power]
        if a.negative != b.negative { ratio = -ratio }
        guard ratio.isFinite, abs(ratio) < 1e15 else { return nil }
        // Away from a half by more than the combined errors (relative 1e-15 here, 1e-19 in Foundation).
        let distance = abs(abs(ratio) - abs(ratio).rounded(.down) - 0.5)
        guard distance > 1e-9 * max(1, abs(ratio)) else { return nil }
        return Int(ratio.rounded(.toNearestOrAwayFromZero))
    }

    /// The nearest Double or one of its neighbours: `Double(_: UInt128)` takes the generic (slow) conversion.
    private static func double(_ value: UInt128) -> Double {
        let high = UInt64(truncatingIfNeeded: value >> 64), low = UInt64(truncatingIfNeeded: value)
        return high == 0 ? Double(low) : Double(high) * 0x1p64 + Double(low)
    }

    private static let powers: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}
