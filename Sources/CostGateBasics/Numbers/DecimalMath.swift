import Foundation

/// `*`, `+` and `/` on `Decimal`, exact when the exact result has at most 38 digits (where they give
/// Foundation's result bit for bit) and otherwise rounded to 38 digits, half away from zero, here and not
/// by Foundation. Pricing does a dozen such operations per workload, and derived prices (a spot share
/// divided out of an instance price) carry 38 digits, so a product of two of them often needs rounding.
/// Foundation's routines take thousands of instructions per operation, and they were rewritten after this
/// toolchain's (swift-foundation's July 2026 `UInt128` change), so their last digits are no stable reference:
/// rounding here keeps a price's last digits, and so the report's bytes, the same on every toolchain.
/// Foundation is left only NaN, zeros and exponents beyond Decimal's range.
package enum DecimalMath {
    package static func product(_ lhs: Decimal, _ rhs: Decimal) -> Decimal {
        guard let a = DecimalParts(lhs), let b = DecimalParts(rhs) else { return lhs * rhs }
        let negative = a.negative != b.negative
        let (mantissa, overflow) = a.mantissa.multipliedReportingOverflow(by: b.mantissa)
        if !overflow, mantissa < DecimalParts.exactLimit {
            return decimal(mantissa: mantissa, exponent: a.exponent + b.exponent, negative: negative) ?? lhs * rhs
        }
        let (rounded, scale) = WideMantissa(product: a.mantissa, b.mantissa).roundedTo38Digits()
        return decimal(mantissa: rounded, exponent: a.exponent + b.exponent + scale, negative: negative) ?? lhs * rhs
    }

    package static func sum(_ lhs: Decimal, _ rhs: Decimal) -> Decimal {
        guard let a = DecimalParts(lhs), let b = DecimalParts(rhs) else { return lhs + rhs }
        if a.mantissa < DecimalParts.exactLimit, b.mantissa < DecimalParts.exactLimit, let (x, y) = aligned(a, b) {
            if x.negative == y.negative {
                let mantissa = x.mantissa + y.mantissa   // both below 10^38: no overflow in 128 bits
                if mantissa < DecimalParts.exactLimit {
                    return decimal(mantissa: mantissa, exponent: x.exponent, negative: x.negative) ?? lhs + rhs
                }
            } else {
                // Opposite signs: a zero result's stored form varies, so it goes to Foundation.
                guard x.mantissa != y.mantissa else { return lhs + rhs }
                let larger = x.mantissa > y.mantissa ? x : y
                let smaller = x.mantissa > y.mantissa ? y : x
                return decimal(mantissa: larger.mantissa - smaller.mantissa, exponent: x.exponent, negative: larger.negative)
                    ?? lhs + rhs
            }
        }
        return wideSum(a, b) ?? lhs + rhs
    }

    /// `lhs / rhs`: exact when the quotient is a terminating decimal of at most 38 digits, else rounded to 38.
    package static func quotient(_ lhs: Decimal, _ rhs: Decimal) -> Decimal {
        guard let a = DecimalParts(lhs), let b = DecimalParts(rhs) else { return lhs / rhs }
        let negative = a.negative != b.negative
        if a.mantissa < DecimalParts.exactLimit {
            // The dividend scaled as far as it stays below 10^38: an exact quotient shows as a zero remainder
            // (its trailing zeros go in the compaction), any other needs rounding.
            let places = 38 - WideMantissa(low: a.mantissa).digitCount
            let (quotient, remainder) = (a.mantissa * DecimalParts.power(of: places)).quotientAndRemainder(dividingBy: b.mantissa)
            if remainder == 0 {
                return decimal(mantissa: quotient, exponent: a.exponent - b.exponent - places, negative: negative) ?? lhs / rhs
            }
        }
        return roundedQuotient(a, b) ?? lhs / rhs
    }

    /// `seconds` in hours: `seconds / 3600`, Foundation's quotient (`quotient` says when it is exact).
    package static func hours(seconds: Decimal) -> Decimal { quotient(seconds, 3600) }

    /// `minutes` in hours: `minutes / 60`, Foundation's quotient.
    package static func hours(minutes: Decimal) -> Decimal { quotient(minutes, 60) }

    /// `lhs < rhs` (and so `>=`, `>`, `<=`, which `Comparable` derives from it). Foundation's comparison
    /// normalizes both operands through its general routines; the catalog load compares thousands of prices.
    package static func isLess(_ lhs: Decimal, _ rhs: Decimal) -> Bool {
        let a = DecimalParts(lhs), b = DecimalParts(rhs)
        if let a, let b {
            if a.negative != b.negative { return a.negative }
            guard let (x, y) = ordered(a, b) else { return lhs < rhs }
            return a.negative ? x > y : x < y
        }
        // A zero (which has no parts) against a readable non-zero value: the sign decides.
        if let b, lhs.isZero { return !b.negative }
        if let a, rhs.isZero { return a.negative }
        return lhs < rhs
    }

    /// `value > 0`.
    package static func isPositive(_ value: Decimal) -> Bool {
        guard let parts = DecimalParts(value) else { return value > 0 }
        return !parts.negative
    }

    /// The two mantissas at the smaller exponent, in argument order, when both stay below 10^38.
    private static func ordered(_ a: DecimalParts, _ b: DecimalParts) -> (UInt128, UInt128)? {
        guard a.mantissa < DecimalParts.exactLimit, b.mantissa < DecimalParts.exactLimit else { return nil }
        guard a.exponent != b.exponent else { return (a.mantissa, b.mantissa) }
        let shift = abs(a.exponent - b.exponent)
        guard shift <= 38 else { return nil }
        let scale = DecimalParts.power(of: shift)
        let (scaled, overflow) = (a.exponent > b.exponent ? a.mantissa : b.mantissa).multipliedReportingOverflow(by: scale)
        guard !overflow, scaled < DecimalParts.exactLimit else { return nil }
        return a.exponent > b.exponent ? (scaled, b.mantissa) : (a.mantissa, scaled)
    }

    /// Both at the smaller exponent, when the scaled mantissa stays below 10^38.
    private static func aligned(_ a: DecimalParts, _ b: DecimalParts) -> (DecimalParts, DecimalParts)? {
        guard a.exponent != b.exponent else { return (a, b) }
        var (high, low) = a.exponent > b.exponent ? (a, b) : (b, a)
        let shift = high.exponent - low.exponent
        guard shift <= 38 else { return nil }
        let (scaled, overflow) = high.mantissa.multipliedReportingOverflow(by: DecimalParts.power(of: shift))
        guard !overflow, scaled < DecimalParts.exactLimit, low.mantissa < DecimalParts.exactLimit else { return nil }
        high.mantissa = scaled
        high.exponent = low.exponent
        return (high, low)
    }

    /// The Decimal of `mantissa × 10^exponent` in Foundation's compact form; nil beyond Decimal's range.
    private static func decimal(mantissa: UInt128, exponent: Int, negative: Bool) -> Decimal? {
        // An exponent out of Int8's range before compaction is Foundation's overflow or underflow.
        guard (-128...127).contains(exponent) else { return nil }
        return DecimalParts(mantissa: mantissa, exponent: exponent, negative: negative).compactDecimal
    }

    /// `a + b` in 256 bits, rounded to 38 digits; nil when the result is zero (whose stored form Foundation decides).
    private static func wideSum(_ a: DecimalParts, _ b: DecimalParts) -> Decimal? {
        let (high, low) = a.exponent >= b.exponent ? (a, b) : (b, a)
        let shift = high.exponent - low.exponent
        // The operand with the larger exponent is scaled up to at most 76 digits (so the sum fits 256 bits), and
        // the other, when that is not far enough, cut down to match: its cut digits then lie some 37 places below
        // the 38 kept, where they can only matter as a borrow.
        let up = min(shift, 76 - WideMantissa(low: high.mantissa).digitCount)
        let down = shift - up
        guard let x = WideMantissa(high.mantissa, timesPowerOfTen: up) else { return nil }
        var y = WideMantissa(low: low.mantissa)
        var cut = false
        if down > 0 {
            let (kept, dropped) = down <= 38 ? low.mantissa.quotientAndRemainder(dividingBy: DecimalParts.power(of: down))
                                             : (0, low.mantissa)
            y = WideMantissa(low: kept)
            cut = dropped != 0
        }
        let exact: WideMantissa
        let negative: Bool
        if high.negative == low.negative {
            // A cut fraction (below one unit) cannot carry into the digit that decides the rounding.
            guard let total = x.adding(y) else { return nil }
            (exact, negative) = (total, high.negative)
        } else {
            // x − y − fraction = (x − (y + 1)) + (1 − fraction): the digits of x − (y + 1) decide, as for a sum.
            if cut { y = y.adding(WideMantissa(low: 1))! }
            guard x != y else { return nil }
            (exact, negative) = x > y ? (x.subtracting(y), high.negative) : (y.subtracting(x), low.negative)
        }
        let (mantissa, scale) = exact.roundedTo38Digits()
        return decimal(mantissa: mantissa, exponent: high.exponent - up + scale, negative: negative)
    }

    /// `a / b` to 38 digits: the dividend scaled by `10^t` so that the integer quotient has 38 or 39 digits,
    /// then rounded on the remainder.
    private static func roundedQuotient(_ a: DecimalParts, _ b: DecimalParts) -> Decimal? {
        let aDigits = WideMantissa(low: a.mantissa).digitCount
        let bDigits = WideMantissa(low: b.mantissa).digitCount
        // a < 10^aDigits, b ≥ 10^(bDigits−1): with t = 38 + bDigits − aDigits the quotient lies in [10^37, 10^39),
        // and the scaled dividend below 10^(38 + bDigits) ≤ 10^77 < 2^256.
        let t = 38 + bDigits - aDigits
        guard t >= 0, t <= 76 else { return nil }
        guard let dividend = WideMantissa(a.mantissa, timesPowerOfTen: t) else { return nil }
        let (quotient, remainder) = dividend.quotientAndRemainder(dividingBy: b.mantissa)
        let exponent = a.exponent - b.exponent - t
        let (mantissa, scale): (UInt128, Int)
        if let narrow = quotient.narrow, narrow < DecimalParts.exactLimit {
            (mantissa, scale) = WideMantissa.rounded(narrow, up: remainder >= b.mantissa - remainder)
        } else {
            // 39 digits (perhaps beyond 2^128): the last one decides, whatever the remainder below it, since
            // a tie is the digit 5 alone.
            (mantissa, scale) = quotient.roundedTo38Digits()
        }
        return decimal(mantissa: mantissa, exponent: exponent + scale, negative: a.negative != b.negative)
    }
}
