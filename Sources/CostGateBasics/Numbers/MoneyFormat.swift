import Foundation

/// `$1,234.56`: USD rounded to cents with thousands separators, the same on every machine.
public enum MoneyFormat {
    public static func usd(_ value: Decimal) -> String {
        // Whole cents as an integer: Decimal's description costs tens of thousands of instructions.
        text(cents: wholeCents(value) ?? NSDecimalNumber(decimal: (value * 100).rounded(0)).int64Value)
    }

    /// `cents` as `$1,234.56` (`-$1,234.56` below zero), written from the last digit back into one
    /// small buffer: grouping the digits of a `String` character by character, then joining four
    /// strings, cost more than pricing the workload whose hint it was for.
    package static func text(cents: Int64) -> String {
        // At most 19 digits, 6 commas, "-$" and "." : 28 bytes.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            var magnitude = cents.magnitude
            var start = buffer.count
            func digit(_ value: UInt64) -> UInt8 { UInt8(ascii: "0") + UInt8(value) }
            start -= 1; buffer[start] = digit(magnitude % 10); magnitude /= 10
            start -= 1; buffer[start] = digit(magnitude % 10); magnitude /= 10
            start -= 1; buffer[start] = UInt8(ascii: ".")
            var written = 0
            repeat {
                if written > 0 && written % 3 == 0 { start -= 1; buffer[start] = UInt8(ascii: ",") }
                start -= 1; buffer[start] = digit(magnitude % 10)
                magnitude /= 10
                written += 1
            } while magnitude != 0
            start -= 1; buffer[start] = UInt8(ascii: "$")
            if cents < 0 { start -= 1; buffer[start] = UInt8(ascii: "-") }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
        }
    }

    /// A rate to four decimals, enough for per-hour prices (`$2.4567/h`).
    package static func rate(_ value: Decimal) -> String { "$\(value.rounded(4))/h" }

    /// `(value × 100).rounded(0)` from the mantissa, when the product is exact in Foundation (below
    /// 10^38) and the cents fit 64 bits; nil sends the caller to Foundation.
    private static func wholeCents(_ value: Decimal) -> Int64? {
        guard let parts = DecimalText.parts(of: value) else { return nil }
        if parts.mantissa == 0 { return 0 }
        guard parts.mantissa < DecimalParts.exactLimit / 100,
              let rounded = DecimalText.rounded(DecimalText.Parts(mantissa: parts.mantissa, exponent: parts.exponent + 2,
                                                                  negative: parts.negative), places: 0),
              rounded.exponent >= 0, rounded.exponent <= 18 else { return nil }
        let (scaled, overflow) = rounded.mantissa.multipliedReportingOverflow(by: DecimalParts.power(of: rounded.exponent))
        guard !overflow, scaled <= UInt128(Int64.max) else { return nil }
        return rounded.negative ? -Int64(scaled) : Int64(scaled)
    }

    /// Hours without needless decimals (`24`, `1.5`, `0.25`).
    package static func hours(_ value: Decimal) -> String { "\(value.rounded(2))" }
}
