import Foundation

/// `$1,234.56`: USD rounded to cents with thousands separators, the same on every machine.
public enum MoneyFormat {
    public static func usd(_ value: Decimal) -> String {
        // Whole cents as an integer: Decimal's description costs tens of thousands of instructions.
        let cents = NSDecimalNumber(decimal: (value * 100).rounded(0)).int64Value
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
    static func rate(_ value: Decimal) -> String { "$\(value.rounded(4))/h" }

    /// Hours without needless decimals (`24`, `1.5`, `0.25`).
    static func hours(_ value: Decimal) -> String { "\(value.rounded(2))" }
}
