import Foundation

/// `$1,234.56`: USD rounded to cents with thousands separators, the same on every machine.
public enum MoneyFormat {
    public static func usd(_ value: Decimal) -> String {
        // Whole cents as an integer: Decimal's description costs tens of thousands of instructions.
        let cents = wholeCents(value) ?? NSDecimalNumber(decimal: (value * 100).rounded(0)).int64Value
        let negative = cents < 0
        let magnitude = cents.magnitude
        let whole = String(magnitude / 100)
        let fraction = magnitude % 100
        var grouped = ""
        grouped.reserveCapacity(whole.count + whole.count / 3)
        for (index, character) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return (negative ? "-$" : "$") + grouped + (fraction < 10 ? ".0" : ".") + String(fraction)
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
