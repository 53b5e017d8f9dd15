import Foundation
import CostGateBasics

/// Number formats of the spot report, the same on every machine (no locale).
public enum SpotText {
    /// `$1,234.56`: the model's double converted to `Decimal` at this boundary and rounded to cents.
    public static func usd(_ value: Double) -> String {
        guard value.isFinite else { return "unbounded" }
        let cents = Decimal(value).rounded(2)
        let negative = cents < 0
        let parts = "\(negative ? -cents : cents)".split(separator: ".", omittingEmptySubsequences: false)
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        while fraction.count < 2 { fraction += "0" }
        var grouped = ""
        for (index, character) in parts[0].reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return (negative ? "-$" : "$") + String(grouped.reversed()) + "." + fraction
    }

    /// At most `places` decimals, trailing zeros dropped: `8`, `0.6667`, `730`.
    public static func number(_ value: Double, places: Int = 4) -> String {
        guard value.isFinite else { return "unbounded" }
        var text = FixedText.format(value, places: places)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// `8 h`, `0.6667 h (40 min)`: hours, with minutes below one hour.
    public static func hours(_ value: Double) -> String {
        guard value.isFinite else { return "unbounded" }
        let text = "\(number(value)) h"
        return value > 0 && value < 1 ? text + " (\(number(value * 60, places: 1)) min)" : text
    }

    /// `68.5 %`, `0 %` of a fraction (at most `places` decimals).
    public static func percent(_ fraction: Double, places: Int = 1) -> String {
        "\(number(fraction * 100, places: places)) %"
    }

    /// `1.829e-04`, `0.02`: rates span many decades.
    public static func rate(_ value: Double) -> String {
        value == 0 ? "0" : abs(value) < 0.01 ? String(format: "%.3e", value) : number(value, places: 6)
    }

    /// `1st`, `2nd`, `3rd`, `4th`, `11th`.
    public static func ordinal(_ value: Int) -> String {
        let suffix: String
        switch (value % 10, value % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(value)\(suffix)"
    }
}
