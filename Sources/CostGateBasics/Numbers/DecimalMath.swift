import Foundation

/// `*`, `+` and `/` on `Decimal` giving exactly Foundation's result, bit for bit, computed on the
/// integer mantissas when the result is exact and below 10^38 (where Foundation neither rounds nor
/// truncates), and by Foundation otherwise. Pricing does a dozen such operations per workload;
/// Foundation's routines allocate and divide digit by digit (`DecimalMathTests` compares the two).
package enum DecimalMath {
    package static func product(_ lhs: Decimal, _ rhs: Decimal) -> Decimal {
        guard let a = DecimalParts(lhs), let b = DecimalParts(rhs) else { return lhs * rhs }
        let (mantissa, overflow) = a.mantissa.multipliedReportingOverflow(by: b.mantissa)
        // An exponent out of Int8's range before compaction is Foundation's overflow or underflow.
        guard !overflow, mantissa < DecimalParts.exactLimit, (-128...127).contains(a.exponent + b.exponent),
              let result = DecimalParts(mantissa: mantissa, exponent: a.exponent + b.exponent, negative: a.negative != b.negative)
                .compactDecimal
        else { return lhs * rhs }
        return result
    }

    package static func sum(_ lhs: Decimal, _ rhs: Decimal) -> Decimal {
        guard let a = DecimalParts(lhs), let b = DecimalParts(rhs), a.mantissa < DecimalParts.exactLimit,
              b.mantissa < DecimalParts.exactLimit, let (x, y) = aligned(a, b) else { return lhs + rhs }
        let result: DecimalParts
        if x.negative == y.negative {
            let mantissa = x.mantissa + y.mantissa   // both below 10^38: no overflow in 128 bits
            guard mantissa < DecimalParts.exactLimit else { return lhs + rhs }
            result = DecimalParts(mantissa: mantissa, exponent: x.exponent, negative: x.negative)
        } else {
            // Opposite signs: a zero result's stored form varies, so it goes to Foundation.
            guard x.mantissa != y.mantissa else { return lhs + rhs }
            let larger = x.mantissa > y.mantissa ? x : y
            let smaller = x.mantissa > y.mantissa ? y : x
            result = DecimalParts(mantissa: larger.mantissa - smaller.mantissa, exponent: x.exponent, negative: larger.negative)
        }
        return result.compactDecimal ?? lhs + rhs
    }

    /// `lhs / rhs` when the quotient is a terminating decimal of at most 38 digits.
    package static func quotient(_ lhs: Decimal, _ rhs: Decimal) -> Decimal {
        // Foundation scales the dividend by 10^38 and calls an exponent below -128 an underflow (NaN),
        // so only moderate exponents take the fast path; and when the dividend's exponent exceeds the
        // divisor's by 19 or more it first aligns the two, which can drop digits: Foundation's path too.
        guard let a = DecimalParts(lhs), let b = DecimalParts(rhs), (-40...40).contains(a.exponent), (-40...40).contains(b.exponent),
              a.exponent - b.exponent < 19
        else { return lhs / rhs }
        var dividend = a.mantissa
        var exponent = a.exponent - b.exponent
        while true {
            let (quotient, remainder) = dividend.quotientAndRemainder(dividingBy: b.mantissa)
            if remainder == 0 {
                guard quotient < DecimalParts.exactLimit,
                      let result = DecimalParts(mantissa: quotient, exponent: exponent, negative: a.negative != b.negative)
                        .compactDecimal
                else { return lhs / rhs }
                return result
            }
            // One more decimal place, while the dividend stays exact.
            guard dividend < DecimalParts.exactLimit / 10 else { return lhs / rhs }
            dividend *= 10
            exponent -= 1
        }
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
}
