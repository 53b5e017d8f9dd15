import Foundation
import CostGateBasics

/// Durations users write in annotations and `#COSTGATE` lines: `36h`, `90m`, `2d`, `45s`, `1h30m`,
/// `1.5h` (units in any case). Returns seconds, or nil when the text is not such a duration. The
/// `costgate.dev/duration` annotation and `#COSTGATE --duration` share it.
public enum DurationText {
    public static func seconds(_ text: String) -> Decimal? {
        var total = Decimal(0)
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var seenPoint = false
        var sawUnit = false
        var lastUnit: UInt64?
        let bytes = text.utf8.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        for byte in bytes.reversed().drop(while: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }).reversed() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits < 18 else { return nil }
                mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
                digits += 1
                if seenPoint { fractionDigits += 1 }
                continue
            case UInt8(ascii: "."):
                guard !seenPoint else { return nil }
                seenPoint = true
                continue
            default:
                break
            }
            let unit: UInt64
            switch byte | 0x20 {   // ASCII lower case
            case UInt8(ascii: "w"): unit = 604_800
            case UInt8(ascii: "d"): unit = 86_400
            case UInt8(ascii: "h"): unit = 3_600
            case UInt8(ascii: "m"): unit = 60
            case UInt8(ascii: "s"): unit = 1
            default: return nil
            }
            // Units from largest to smallest, each once (`1h30m`, not `30m1h` or `1h1h`).
            if let previous = lastUnit, unit >= previous { return nil }
            lastUnit = unit
            let (seconds, overflow) = mantissa.multipliedReportingOverflow(by: unit)
            guard digits > 0, !overflow else { return nil }
            // Exact parts: Foundation's Decimal(sign:exponent:significand:) and + cost ~100,000 instructions here.
            let term = DecimalParts(mantissa: UInt128(seconds), exponent: -fractionDigits, negative: false).compactDecimal
                ?? Decimal(sign: .plus, exponent: -fractionDigits, significand: Decimal(seconds))
            total = sawUnit ? DecimalMath.sum(total, term) : term
            (mantissa, digits, fractionDigits, seenPoint, sawUnit) = (0, 0, 0, false, true)
        }
        guard digits == 0, !seenPoint, sawUnit, total > 0 else { return nil }
        return total
    }
}
