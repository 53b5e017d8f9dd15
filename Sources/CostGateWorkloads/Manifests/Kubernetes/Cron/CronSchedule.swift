import Foundation

/// A Kubernetes CronJob `spec.schedule`, accepted and read exactly as the API server and the CronJob controller do:
/// robfig/cron v3 `ParseStandard` (`parser.go`, `spec.go`) plus the CronJob validation rule that rejects any `TZ`
/// in the schedule (kubernetes `pkg/apis/batch/validation`, `validateScheduleFormat`).
///
/// Accepted: 5 fields `minute hour day-of-month month day-of-week`; in each, a comma list of `*` or `?`, `n`,
/// `a-b`, `*/s`, `a-b/s` and `a/s` (= `a-max/s`); month names `jan`–`dec` and day names `sun`–`sat` in any case;
/// Sunday is 0 only (robfig's day-of-week bounds are 0–6, so `7` is an error); the macros `@yearly`, `@annually`,
/// `@monthly`, `@weekly`, `@daily`, `@midnight`, `@hourly` (case-sensitive, nothing before or after them) and
/// `@every <Go duration>`. Some oddities robfig accepts are kept because Kubernetes accepts them too: empty list
/// items are ignored (`1,,2`; a field of only commas matches nothing), a range after `*` is ignored (`*-5` = `*`),
/// numbers may have a `+` sign or leading zeros, and a step larger than the range keeps only its start (`*/61` = `0`).
public struct CronSchedule: Sendable, Equatable {
    /// One of the 5 fields, in schedule order.
    public enum Field: Int, Sendable, CaseIterable {
        case minute, hour, dayOfMonth, month, dayOfWeek

        /// The name used in messages (`day-of-month`).
        public var name: String {
            switch self {
            case .minute: return "minute"
            case .hour: return "hour"
            case .dayOfMonth: return "day-of-month"
            case .month: return "month"
            case .dayOfWeek: return "day-of-week"
            }
        }

        /// Allowed values (robfig `bounds`); day-of-week 0 is Sunday.
        public var bounds: ClosedRange<Int> {
            switch self {
            case .minute: return 0...59
            case .hour: return 0...23
            case .dayOfMonth: return 1...31
            case .month: return 1...12
            case .dayOfWeek: return 0...6
            }
        }

        /// Lowercase names robfig accepts for this field (compared after lowercasing the input).
        package var names: [String: Int] {
            switch self {
            case .month:
                return ["jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
                        "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12]
            case .dayOfWeek:
                return ["sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6]
            default:
                return [:]
            }
        }
    }

    /// Field bit sets as robfig's `SpecSchedule` holds them: bit n set when value n matches, and bit 63 (the
    /// "star bit") set when the field was written `*` or `?` without a step above 1. The star bit decides how
    /// day-of-month and day-of-week combine (see `dayMatches`).
    package struct Bits: Sendable, Equatable {
        package var minute: UInt64
        package var hour: UInt64
        package var dayOfMonth: UInt64
        package var month: UInt64
        package var dayOfWeek: UInt64

        package static let star: UInt64 = 1 << 63

        /// robfig `dayMatches`: if either day field has the star bit both must match, otherwise either may.
        /// So `0 0 1,15 * 5` runs on the 1st, the 15th and every Friday, while `0 0 1,15 * *` runs on two days.
        package func dayMatches(day: Int, weekday: Int) -> Bool {
            let domMatch = dayOfMonth & (1 << UInt64(day)) != 0
            let dowMatch = dayOfWeek & (1 << UInt64(weekday)) != 0
            if dayOfMonth & Self.star != 0 || dayOfWeek & Self.star != 0 { return domMatch && dowMatch }
            return domMatch || dowMatch
        }
    }

    package enum Kind: Sendable, Equatable {
        /// A calendar schedule: fires at second 0 of every matching minute (robfig's standard parser fixes seconds to 0).
        case calendar(Bits)
        /// `@every`: robfig `ConstantDelaySchedule`, fires every `seconds` (at least 1) after the previous run.
        case every(seconds: Int64)
    }

    package let kind: Kind

    /// The interval of an `@every` schedule in seconds (robfig rounds it down to whole seconds, and up to 1 s);
    /// nil for calendar schedules.
    public var everySeconds: Int64? {
        if case .every(let seconds) = kind { return seconds }
        return nil
    }

    /// Parses `spec.schedule`. Throws the first error robfig would report, except that any `TZ` is reported first.
    public init(parsing text: String) throws(CronError) {
        let scalars = Array(text.unicodeScalars)
        if scalars.isEmpty { throw .empty(text: text, offset: 0) }
        if let zone = Self.timeZoneToken(in: scalars) {
            throw .timeZoneInSchedule(text: zone.text, offset: zone.offset)
        }
        if scalars[0] == "@" {
            kind = try Self.parseMacro(scalars)
            return
        }
        let fields = Self.split(scalars[...], base: 0, keepingEmpty: false, isSeparator: Self.isSpace)
        guard let first = fields.first, let last = fields.last else { throw .empty(text: text, offset: 0) }
        guard fields.count == 5 else {
            let whole = scalars[first.offset..<(last.offset + last.scalars.count)]
            throw .wrongFieldCount(found: fields.count, text: String(String.UnicodeScalarView(whole)), offset: first.offset)
        }
        var bits: [UInt64] = []
        for (field, token) in zip(Field.allCases, fields) {
            bits.append(try Self.parseField(token, field))
        }
        kind = .calendar(Bits(minute: bits[0], hour: bits[1], dayOfMonth: bits[2], month: bits[3], dayOfWeek: bits[4]))
    }

    // MARK: - Tokens

    /// Go's `unicode.IsSpace`, answered without a Unicode property lookup for ASCII (schedules are).
    package static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    /// A run of scalars and its 0-based offset in the schedule.
    package struct Token {
        package var scalars: ArraySlice<Unicode.Scalar>
        package var offset: Int
        package var text: String { String(String.UnicodeScalarView(scalars)) }
        package func isExactly(_ literal: String) -> Bool { scalars.elementsEqual(literal.unicodeScalars) }
    }

    /// Go's `strings.Split` (keepingEmpty) or `strings.FieldsFunc` (not keepingEmpty) over scalars, with offsets.
    package static func split(_ scalars: ArraySlice<Unicode.Scalar>, base: Int, keepingEmpty: Bool,
                      isSeparator: (Unicode.Scalar) -> Bool) -> [Token] {
        var tokens: [Token] = []
        var start = scalars.startIndex
        var index = scalars.startIndex
        while index <= scalars.endIndex {
            if index == scalars.endIndex || isSeparator(scalars[index]) {
                if keepingEmpty || start < index {
                    tokens.append(Token(scalars: scalars[start..<index], offset: base + start - scalars.startIndex))
                }
                start = index + 1
            }
            index += 1
        }
        return tokens
    }

    /// CronJob validation rejects a schedule containing `TZ` anywhere (`strings.Contains(schedule, "TZ")`).
    /// Returns the whitespace-separated token that holds the first `TZ`.
    package static func timeZoneToken(in scalars: [Unicode.Scalar]) -> Token? {
        guard let at = scalars.indices.dropLast().first(where: { scalars[$0] == "T" && scalars[$0 + 1] == "Z" }) else {
            return nil
        }
        var start = at
        while start > 0, !isSpace(scalars[start - 1]) { start -= 1 }
        var end = at + 2
        while end < scalars.count, !isSpace(scalars[end]) { end += 1 }
        return Token(scalars: scalars[start..<end], offset: start)
    }

    // MARK: - Macros

    /// robfig `parseDescriptor`: the whole schedule must be the macro (no trimming, case-sensitive).
    package static func parseMacro(_ scalars: [Unicode.Scalar]) throws(CronError) -> Kind {
        let whole = Token(scalars: scalars[...], offset: 0)
        let all: (ClosedRange<Int>) -> UInt64 = { bitRange($0.lowerBound, $0.upperBound, step: 1) | Bits.star }
        let minuteZero: UInt64 = 1, hourZero: UInt64 = 1, dayOne: UInt64 = 1 << 1, january: UInt64 = 1 << 1
        let sunday: UInt64 = 1
        let anyHour = all(Field.hour.bounds), anyDay = all(Field.dayOfMonth.bounds)
        let anyMonth = all(Field.month.bounds), anyWeekday = all(Field.dayOfWeek.bounds)
        let macros: [(name: String, bits: Bits)] = [
            ("@yearly", Bits(minute: minuteZero, hour: hourZero, dayOfMonth: dayOne, month: january, dayOfWeek: anyWeekday)),
            ("@annually", Bits(minute: minuteZero, hour: hourZero, dayOfMonth: dayOne, month: january, dayOfWeek: anyWeekday)),
            ("@monthly", Bits(minute: minuteZero, hour: hourZero, dayOfMonth: dayOne, month: anyMonth, dayOfWeek: anyWeekday)),
            ("@weekly", Bits(minute: minuteZero, hour: hourZero, dayOfMonth: anyDay, month: anyMonth, dayOfWeek: sunday)),
            ("@daily", Bits(minute: minuteZero, hour: hourZero, dayOfMonth: anyDay, month: anyMonth, dayOfWeek: anyWeekday)),
            ("@midnight", Bits(minute: minuteZero, hour: hourZero, dayOfMonth: anyDay, month: anyMonth, dayOfWeek: anyWeekday)),
            ("@hourly", Bits(minute: minuteZero, hour: anyHour, dayOfMonth: anyDay, month: anyMonth, dayOfWeek: anyWeekday)),
        ]
        if let macro = macros.first(where: { whole.isExactly($0.name) }) { return .calendar(macro.bits) }
        let every = Array("@every ".unicodeScalars)
        guard scalars.starts(with: every) else { throw .unknownMacro(text: whole.text, offset: 0) }
        let duration = Token(scalars: scalars[every.count...], offset: every.count)
        guard let nanoseconds = goParseDuration(Array(duration.text.utf8)) else {
            throw .invalidDuration(text: duration.text, offset: duration.offset)
        }
        // robfig `Every`: below one second becomes one second; otherwise whole seconds, fraction dropped.
        return .every(seconds: nanoseconds < 1_000_000_000 ? 1 : nanoseconds / 1_000_000_000)
    }

    /// Go's `time.ParseDuration` (`[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`, units ns us µs μs ms s m h), in nanoseconds.
    package static func goParseDuration(_ bytes: [UInt8]) -> Int64? {
        let limit: UInt64 = 1 << 63
        var s = bytes[...]
        var total: UInt64 = 0
        var negative = false
        if let sign = s.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            s = s.dropFirst()
        }
        if s.elementsEqual([UInt8(ascii: "0")]) { return 0 }
        if s.isEmpty { return nil }
        let isDigit: (UInt8) -> Bool = { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        let dot = UInt8(ascii: ".")
        while let first = s.first {
            guard first == dot || isDigit(first) else { return nil }
            var whole: UInt64 = 0
            let before = s.count
            while let c = s.first, isDigit(c) {
                guard whole <= limit / 10 else { return nil }
                whole = whole * 10 + UInt64(c - UInt8(ascii: "0"))
                guard whole <= limit else { return nil }
                s = s.dropFirst()
            }
            let hasWhole = before != s.count
            var fraction: UInt64 = 0
            var scale = 1.0
            var hasFraction = false
            if s.first == dot {
                s = s.dropFirst()
                let afterDot = s.count
                var overflow = false
                while let c = s.first, isDigit(c) {
                    s = s.dropFirst()
                    if overflow { continue }
                    if fraction > (limit - 1) / 10 { overflow = true; continue }
                    let next = fraction * 10 + UInt64(c - UInt8(ascii: "0"))
                    if next > limit { overflow = true; continue }
                    fraction = next
                    scale *= 10
                }
                hasFraction = afterDot != s.count
            }
            if !hasWhole && !hasFraction { return nil }
            let unitEnd = s.firstIndex(where: { $0 == dot || isDigit($0) }) ?? s.endIndex
            let unitBytes = Array(s[..<unitEnd])
            s = s[unitEnd...]
            guard !unitBytes.isEmpty, let unit = goDurationUnits[unitBytes] else { return nil }
            guard whole <= limit / unit else { return nil }
            var value = whole * unit
            if fraction > 0 {
                value += UInt64(max(0, Double(fraction) * (Double(unit) / scale)))
                guard value <= limit else { return nil }
            }
            total = total &+ value
            guard total <= limit else { return nil }
        }
        if negative { return 0 &- Int64(bitPattern: total) }
        guard total <= limit - 1 else { return nil }
        return Int64(total)
    }

    private static let goDurationUnits: [[UInt8]: UInt64] = [
        Array("ns".utf8): 1, Array("us".utf8): 1_000, Array("µs".utf8): 1_000, Array("μs".utf8): 1_000,
        Array("ms".utf8): 1_000_000, Array("s".utf8): 1_000_000_000, Array("m".utf8): 60_000_000_000,
        Array("h".utf8): 3_600_000_000_000,
    ]

    // MARK: - Fields

    /// robfig `getField`: a comma list (empty items dropped) of ranges, OR-ed together.
    package static func parseField(_ token: Token, _ field: Field) throws(CronError) -> UInt64 {
        var bits: UInt64 = 0
        for item in split(token.scalars, base: token.offset, keepingEmpty: false, isSeparator: { $0 == "," }) {
            bits |= try parseRange(item, field)
        }
        return bits
    }

    /// robfig `getRange`: `*|?|number[-number][/step]`, checks in robfig's order.
    package static func parseRange(_ item: Token, _ field: Field) throws(CronError) -> UInt64 {
        let slashParts = split(item.scalars, base: item.offset, keepingEmpty: true) { $0 == "/" }
        let hyphenParts = split(slashParts[0].scalars, base: slashParts[0].offset, keepingEmpty: true) { $0 == "-" }
        let singleValue = hyphenParts.count == 1
        var start: Int
        var end: Int
        var extra: UInt64 = 0
        var endToken = hyphenParts[0]
        if hyphenParts[0].isExactly("*") || hyphenParts[0].isExactly("?") {
            start = field.bounds.lowerBound
            end = field.bounds.upperBound
            extra = Bits.star
        } else {
            start = try parseValue(hyphenParts[0], field)
            switch hyphenParts.count {
            case 1:
                end = start
            case 2:
                endToken = hyphenParts[1]
                end = try parseValue(hyphenParts[1], field)
            default:
                throw .malformedRange(field: field, text: item.text, offset: item.offset)
            }
        }
        var step = 1
        switch slashParts.count {
        case 1:
            break
        case 2:
            guard case .value(let parsed) = goAtoi(slashParts[1].scalars), parsed >= 0 else {
                throw .invalidStep(field: field, text: slashParts[1].text, offset: slashParts[1].offset)
            }
            step = parsed
            if singleValue { end = field.bounds.upperBound }  // "N/step" means "N-max/step"
            if step > 1 { extra = 0 }
        default:
            throw .malformedRange(field: field, text: item.text, offset: item.offset)
        }
        if start < field.bounds.lowerBound {
            throw .valueOutOfRange(field: field, value: start, text: hyphenParts[0].text, offset: hyphenParts[0].offset)
        }
        if end > field.bounds.upperBound {
            throw .valueOutOfRange(field: field, value: end, text: endToken.text, offset: endToken.offset)
        }
        if start > end {
            if start > field.bounds.upperBound {  // "70/5": robfig says "beyond end of range"; the start is the problem
                throw .valueOutOfRange(field: field, value: start, text: hyphenParts[0].text, offset: hyphenParts[0].offset)
            }
            throw .reversedRange(field: field, text: slashParts[0].text, offset: slashParts[0].offset)
        }
        if step == 0 {
            throw .invalidStep(field: field, text: slashParts[1].text, offset: slashParts[1].offset)
        }
        return bitRange(start, end, step: step) | extra
    }

    /// robfig `parseIntOrName`: a (lowercased) name of the field, else Go's `strconv.Atoi`.
    package static func parseValue(_ token: Token, _ field: Field) throws(CronError) -> Int {
        // Names are letters: a token that starts like a number is one (no string made, no lookup).
        let first = token.scalars.first
        let numeric = first.map { $0 == "+" || $0 == "-" || ("0"..."9").contains($0) } ?? false
        if !numeric, let named = field.names[token.text.lowercased()] { return named }
        switch goAtoi(token.scalars) {
        case .value(let value) where value >= 0:
            return value
        case .overflow:
            throw .valueOutOfRange(field: field, value: Int.max, text: token.text, offset: token.offset)
        default:
            throw .invalidValue(field: field, text: token.text, offset: token.offset)
        }
    }

    package enum AtoiResult: Equatable {
        case value(Int)
        case invalid
        case overflow
    }

    /// Go's `strconv.Atoi`: optional sign, then at least one ASCII digit; no underscores, no spaces.
    package static func goAtoi(_ scalars: ArraySlice<Unicode.Scalar>) -> AtoiResult {
        var digits = scalars
        var negative = false
        if let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return .invalid }
        var value = 0
        var overflow = false
        for scalar in digits {
            guard scalar.isASCII, let digit = Int(exactly: scalar.value).map({ $0 - 48 }), (0...9).contains(digit) else {
                return .invalid
            }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.addingReportingOverflow(digit)
            if o1 || o2 { overflow = true } else { value = next }
        }
        if overflow { return .overflow }
        return .value(negative ? -value : value)
    }

    /// robfig `getBits`: values start...end stepping by `step` (bounds already checked, so end ≤ 59).
    package static func bitRange(_ start: Int, _ end: Int, step: Int) -> UInt64 {
        var bits: UInt64 = 0
        var value = start
        while value <= end {
            bits |= 1 << UInt64(value)
            let (next, overflow) = value.addingReportingOverflow(step)
            if overflow { break }
            value = next
        }
        return bits
    }
}

extension CronSchedule {
    /// Resolves a CronJob `spec.timeZone` the way CronJob validation does (`validateTimeZone`): an IANA name made of
    /// `/`-separated parts of 1–14 characters `A-Za-z0-9._+-` (not `.`, `..` or starting with `-`), not `Local`,
    /// known to the time zone database.
    ///
    /// Foundation's database (ICU) also knows a few legacy aliases Go lacks (`PST`); those are accepted here.
    public static func timeZone(named name: String) throws(CronError) -> TimeZone {
        let unknown = CronError.unknownTimeZone(text: name, offset: 0)
        if name.isEmpty || name.lowercased() == "local" { throw unknown }
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._+-".unicodeScalars)
        for part in name.split(separator: "/", omittingEmptySubsequences: false) {
            let scalars = part.unicodeScalars
            if part == "." || part == ".." || part.hasPrefix("-") || scalars.isEmpty || scalars.count > 14
                || !scalars.allSatisfy(allowed.contains) {
                throw unknown
            }
        }
        // Foundation answers "GMT+0500" for "GMT+5" and "GMT" for "UTC"; Go has a file for neither spelling but "UTC".
        guard let zone = TimeZone(identifier: name), zone.identifier == name || name == "UTC" else { throw unknown }
        return zone
    }
}
