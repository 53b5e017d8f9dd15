import Foundation

/// Why a CronJob `spec.schedule` (or `spec.timeZone`) would be rejected by Kubernetes.
///
/// Every case carries the offending text and its 0-based offset, counted in Unicode scalars (libyaml counts
/// columns the same way), from the start of the schedule string, or of the time zone string for
/// `.unknownTimeZone`. The caller adds the offset to the scalar's own 1-based column (plus one for an opening
/// quote) to point at `line:column`.
public enum CronError: Error, Sendable, Equatable {
    /// The schedule is empty or only whitespace.
    case empty(text: String, offset: Int)
    /// Not 5 whitespace-separated fields; `found` is how many there are. `text` is the whole schedule, trimmed.
    case wrongFieldCount(found: Int, text: String, offset: Int)
    /// `TZ=` or `CRON_TZ=` (any `TZ`) inside the schedule: rejected by CronJob validation since Kubernetes 1.25+.
    case timeZoneInSchedule(text: String, offset: Int)
    /// An `@…` macro that robfig/cron does not know (macros are case-sensitive and take no extra text).
    case unknownMacro(text: String, offset: Int)
    /// `@every <duration>` whose duration Go's `time.ParseDuration` rejects; `text` is the duration.
    case invalidDuration(text: String, offset: Int)
    /// A value that is neither a number nor, in the month and day-of-week fields, a 3-letter name.
    case invalidValue(field: CronSchedule.Field, text: String, offset: Int)
    /// A number outside the field's bounds (`61` minutes, day-of-week `7`).
    case valueOutOfRange(field: CronSchedule.Field, value: Int, text: String, offset: Int)
    /// A range whose start is after its end (`5-1`); robfig/cron has no wrap-around ranges.
    case reversedRange(field: CronSchedule.Field, text: String, offset: Int)
    /// A step that is zero, negative or not a number (`*/0`, `*/x`); `text` is the step.
    case invalidStep(field: CronSchedule.Field, text: String, offset: Int)
    /// More than one `-` or `/` in one list item (`1-2-3`, `*/2/3`).
    case malformedRange(field: CronSchedule.Field, text: String, offset: Int)
    /// A `spec.timeZone` that is not an IANA time zone name, or is `Local`; `offset` is within the zone string.
    case unknownTimeZone(text: String, offset: Int)

    /// The offending text (a field, list item, number, macro or time zone name).
    public var text: String {
        switch self {
        case .empty(let text, _), .wrongFieldCount(_, let text, _), .timeZoneInSchedule(let text, _),
             .unknownMacro(let text, _), .invalidDuration(let text, _), .invalidValue(_, let text, _),
             .valueOutOfRange(_, _, let text, _), .reversedRange(_, let text, _), .invalidStep(_, let text, _),
             .malformedRange(_, let text, _), .unknownTimeZone(let text, _):
            return text
        }
    }

    /// 0-based offset of `text`, in Unicode scalars, within the schedule (or time zone) string.
    public var offset: Int {
        switch self {
        case .empty(_, let offset), .wrongFieldCount(_, _, let offset), .timeZoneInSchedule(_, let offset),
             .unknownMacro(_, let offset), .invalidDuration(_, let offset), .invalidValue(_, _, let offset),
             .valueOutOfRange(_, _, _, let offset), .reversedRange(_, _, let offset), .invalidStep(_, _, let offset),
             .malformedRange(_, _, let offset), .unknownTimeZone(_, let offset):
            return offset
        }
    }

    /// A lowercase message without a trailing period, the offending value quoted, with a suggestion where one is obvious.
    public var message: String {
        switch self {
        case .empty:
            return "empty schedule: expected 5 fields 'minute hour day-of-month month day-of-week' or a macro such as '@daily'"
        case .wrongFieldCount(let found, let text, _):
            switch found {
            case 6:
                return "'\(text)' has 6 fields: kubernetes schedules have 5 fields (no seconds)"
            case 7:
                return "'\(text)' has 7 fields: kubernetes schedules have 5 fields (no seconds, no year)"
            case 1 where text.hasPrefix("@"):
                return "'\(text)' is a macro only at the very start of the schedule: remove the leading whitespace"
            default:
                let fields = found == 1 ? "1 field" : "\(found) fields"
                return "'\(text)' has \(fields): expected 5 'minute hour day-of-month month day-of-week'"
            }
        case .timeZoneInSchedule(let text, _):
            let zone = text.split(separator: "=", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
            let suggestion = zone.isEmpty ? "set spec.timeZone instead" : "remove it and set spec.timeZone: \(zone)"
            return "'\(text)' is not allowed in a kubernetes schedule: \(suggestion)"
        case .unknownMacro(let text, _):
            return "unknown macro '\(text)'" + Self.macroSuggestion(text)
        case .invalidDuration(let text, _):
            return "'\(text)' is not a go duration: use a number and a unit ns, us, ms, s, m or h (e.g. '@every 1h30m'; no 'd')"
        case .invalidValue(let field, let text, _):
            switch field {
            case .month, .dayOfWeek:
                let names = field == .month ? "jan-dec" : "sun-sat"
                let short = String(text.prefix(3)).lowercased()
                if text.count > 3, field.names[short] != nil {
                    return "\(field.name) '\(text)' is not a number or a name (\(names)): did you mean '\(short)'?"
                }
                return "\(field.name) '\(text)' is not a number or a name (\(names))"
            default:
                return "\(field.name) '\(text)' is not a number"
            }
        case .valueOutOfRange(let field, let value, let text, _):
            let bound = value < field.bounds.lowerBound ? "below the minimum \(field.bounds.lowerBound)"
                : "above the maximum \(field.bounds.upperBound)"
            let hint = field == .dayOfWeek && value == 7 ? " (sunday is 0 or 'sun')" : ""
            return "\(field.name) '\(text)' is \(bound)\(hint): allowed \(field.bounds.lowerBound)-\(field.bounds.upperBound)"
        case .reversedRange(let field, let text, _):
            return "\(field.name) range '\(text)' starts after it ends: ranges do not wrap around, use a list such as '22-23,0-2'"
        case .invalidStep(let field, let text, _):
            return "\(field.name) step '\(text)' must be a positive whole number"
        case .malformedRange(let field, let text, _):
            return "\(field.name) '\(text)' is not 'start-end/step': too many '-' or '/'"
        case .unknownTimeZone(let text, _):
            if text.isEmpty { return "empty time zone: omit spec.timeZone or name an IANA zone such as 'Europe/Berlin'" }
            if text.lowercased() == "local" {
                return "time zone 'Local' is rejected by kubernetes: name an IANA zone such as 'Europe/Berlin'"
            }
            return "unknown time zone '\(text)': use an IANA name such as 'Europe/Berlin' or 'America/New_York'"
        }
    }

    private static let macros = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"]

    private static func macroSuggestion(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let folded = trimmed.lowercased()
        if let macro = macros.first(where: { $0 == folded }) { return ": did you mean '\(macro)'?" }
        if folded.hasPrefix("@every") { return ": write '@every <duration>' with one space, e.g. '@every 1h'" }
        return ": use @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly or '@every <duration>'"
    }
}
