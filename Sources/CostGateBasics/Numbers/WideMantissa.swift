/// An unsigned 256-bit integer as two `UInt128` halves: the exact product of two Decimal mantissas,
/// or a mantissa scaled by up to 10^38, before `DecimalMath` rounds it back to 38 digits.
package struct WideMantissa: Comparable {
    package var high: UInt128
    package var low: UInt128

    package init(high: UInt128 = 0, low: UInt128) {
        self.high = high
        self.low = low
    }

    /// `a × b`, exactly.
    package init(product a: UInt128, _ b: UInt128) {
        let (high, low) = a.multipliedFullWidth(by: b)
        self.init(high: high, low: low)
    }

    /// `value × 10^power` for a power up to 76; nil when it needs more than 256 bits.
    package init?(_ value: UInt128, timesPowerOfTen power: Int) {
        let first = WideMantissa(product: value, DecimalParts.power(of: min(power, 38)))
        guard power > 38 else {
            self = first
            return
        }
        guard let scaled = first.multiplied(by: DecimalParts.power(of: power - 38)) else { return nil }
        self = scaled
    }

    /// `self × factor`; nil when the product needs more than 256 bits.
    package func multiplied(by factor: UInt128) -> WideMantissa? {
        let (carry, low) = low.multipliedFullWidth(by: factor)
        let (high, overflow) = high.multipliedReportingOverflow(by: factor)
        guard !overflow else { return nil }
        let (sum, overflowCarry) = high.addingReportingOverflow(carry)
        guard !overflowCarry else { return nil }
        return WideMantissa(high: sum, low: low)
    }

    /// `self + other`; nil when the sum needs more than 256 bits.
    package func adding(_ other: WideMantissa) -> WideMantissa? {
        let (low, carry) = low.addingReportingOverflow(other.low)
        let (high, overflow) = high.addingReportingOverflow(other.high)
        guard !overflow else { return nil }
        let (withCarry, overflowCarry) = high.addingReportingOverflow(carry ? 1 : 0)
        guard !overflowCarry else { return nil }
        return WideMantissa(high: withCarry, low: low)
    }

    /// `self − other` for `other ≤ self`.
    package func subtracting(_ other: WideMantissa) -> WideMantissa {
        let (low, borrow) = low.subtractingReportingOverflow(other.low)
        return WideMantissa(high: high - other.high - (borrow ? 1 : 0), low: low)
    }

    /// Quotient and remainder by a nonzero `divisor`.
    package func quotientAndRemainder(dividingBy divisor: UInt128) -> (quotient: WideMantissa, remainder: UInt128) {
        let (highQuotient, highRemainder) = high.quotientAndRemainder(dividingBy: divisor)
        // highRemainder < divisor, so the second step's quotient fits 128 bits.
        let (lowQuotient, remainder) = divisor.dividingFullWidth((highRemainder, low))
        return (WideMantissa(high: highQuotient, low: lowQuotient), remainder)
    }

    /// The value when it fits 128 bits.
    package var narrow: UInt128? { high == 0 ? low : nil }

    package static func < (lhs: WideMantissa, rhs: WideMantissa) -> Bool {
        lhs.high < rhs.high || lhs.high == rhs.high && lhs.low < rhs.low
    }

    /// Decimal digits (1 for zero).
    package var digitCount: Int {
        if high == 0 { return Self.digits(low) }
        // 2^256 < 10^78: one division by 10^38 leaves at most 40 digits, a second (rare) at most 2.
        return 38 + quotientAndRemainder(dividingBy: DecimalParts.exactLimit).quotient.digitCount
    }

    /// The value rounded to at most 38 digits, half away from zero (Foundation's `.plain`), as a mantissa
    /// and the power of ten it was divided by.
    package func roundedTo38Digits() -> (mantissa: UInt128, scale: Int) {
        if let value = narrow, value < DecimalParts.exactLimit { return (value, 0) }
        let excess = digitCount - 38
        // At most 40 digits go: the first (excess − 38) are dropped without a look, since the rounding only
        // depends on the remainder of the second division (both divisors are even powers of ten).
        let dropped = excess - min(excess, 38)
        let kept = excess - dropped
        let truncated = dropped > 0 ? quotientAndRemainder(dividingBy: DecimalParts.power(of: dropped)).quotient : self
        let divisor = DecimalParts.power(of: kept)
        let (quotient, remainder) = truncated.quotientAndRemainder(dividingBy: divisor)
        let (mantissa, carry) = Self.rounded(quotient.low, up: remainder >= divisor - remainder)
        return (mantissa, excess + carry)
    }

    /// A 38-digit `mantissa`, plus one when `up`, with the power of ten it was then divided by: rounding
    /// up can make it 10^38, which is 10^37 one place higher.
    package static func rounded(_ mantissa: UInt128, up: Bool) -> (mantissa: UInt128, scale: Int) {
        guard up else { return (mantissa, 0) }
        let next = mantissa + 1
        return next == DecimalParts.exactLimit ? (next / 10, 1) : (next, 0)
    }

    private static func digits(_ value: UInt128) -> Int {
        var count = 1
        var bound: UInt128 = 10
        while count < 39, value >= bound {
            count += 1
            bound &*= 10
        }
        return count
    }
}
