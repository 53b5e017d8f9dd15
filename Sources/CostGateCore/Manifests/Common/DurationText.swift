import Foundation

/// Durations users write in annotations and `#COSTGATE` lines: `36h`, `90m`, `2d`, `45s`, `1h30m`,
/// `1.5h` (units in any case). Returns seconds, or nil when the text is not such a duration. The
/// `costgate.dev/duration` annotation and `#COSTGATE --duration` share it.
public enum DurationText {
    public static func seconds(_ text: String) -> Decimal? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        var total = Decimal(0)
        var number = ""
        var sawUnit = false
        var lastUnit: Decimal?
        for character in trimmed {
            if character.isNumber || character == "." {
                number.append(character)
                continue
            }
            let unit: Decimal
            switch character.lowercased().first {
            case "w": unit = 604_800
            case "d": unit = 86_400
            case "h": unit = 3_600
            case "m": unit = 60
            case "s": unit = 1
            default: return nil
            }
            // Units from largest to smallest, each once (`1h30m`, not `30m1h` or `1h1h`).
            if let previous = lastUnit, unit >= previous { return nil }
            lastUnit = unit
            guard !number.isEmpty, number.filter({ $0 == "." }).count <= 1, let value = Decimal(string: number) else { return nil }
            total += value * unit
            number = ""
            sawUnit = true
        }
        guard number.isEmpty, sawUnit, total > 0 else { return nil }
        return total
    }
}
