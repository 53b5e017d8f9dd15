import Foundation

/// `$1,234.56`: USD rounded to cents with thousands separators, the same on every machine.
enum MoneyFormat {
    static func usd(_ value: Decimal) -> String {
        let cents = value.rounded(2)
        let negative = cents < 0
        let text = "\(negative ? -cents : cents)"
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        while fraction.count < 2 { fraction += "0" }
        var grouped = ""
        for (index, character) in whole.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return (negative ? "-$" : "$") + String(grouped.reversed()) + "." + fraction
    }

    /// Hours without needless decimals (`24`, `1.5`, `0.25`).
    static func hours(_ value: Decimal) -> String { "\(value.rounded(2))" }
}
