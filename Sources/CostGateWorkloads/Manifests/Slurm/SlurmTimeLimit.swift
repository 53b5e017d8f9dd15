/// A `--time` / `--time-min` value as sbatch stores it: whole minutes, or no limit.
public enum SlurmTimeLimit: Hashable, Sendable {
    /// A limit in minutes (seconds in the input round up to the next minute, as `time_str2mins` does).
    case minutes(Int)
    /// `0`, `-1`, `INFINITE` or `UNLIMITED`: no limit of the job's own (the partition's `MaxTime` still applies).
    case unlimited

    /// The limit in minutes, or nil when unlimited.
    public var minutes: Int? {
        if case .minutes(let minutes) = self { return minutes }
        return nil
    }

    /// The limit in seconds, or nil when unlimited.
    public var seconds: Int? { minutes.map { $0 * 60 } }

    /// Reads a time the way sbatch's `--time` does (`src/common/parse_time.c`, `time_str2mins`): `M`, `M:S`,
    /// `H:M:S`, `D-H`, `D-H:M`, `D-H:M:S`; `0`, `-1`, `INFINITE` and `UNLIMITED` (any case) mean no limit.
    public static func parse(_ text: String) throws(SlurmError.ValueProblem) -> SlurmTimeLimit {
        guard let seconds = try seconds(in: text) else { return .unlimited }
        let minutes = (seconds + 59) / 60
        return minutes == 0 ? .unlimited : .minutes(minutes)
    }

    /// The number of seconds in a SLURM time (`time_str2secs`), or nil for the infinite spellings.
    /// Unlike `parse`, `0` stays 0 here and seconds are not rounded.
    public static func seconds(in text: String) throws(SlurmError.ValueProblem) -> Int? {
        let lowered = text.lowercased()
        if lowered == "-1" || lowered == "infinite" || lowered == "unlimited" { return nil }
        let bytes = Array(text.utf8)
        guard isValidTimespec(bytes) else { throw SlurmError.ValueProblem(expectedForms) }
        let fields = bytes.split(omittingEmptySubsequences: false) { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") }
        let numbers = try fields.map { field throws(SlurmError.ValueProblem) -> Int? in
            guard !field.isEmpty else { return nil }
            // sscanf's %d overflows past Int32; sbatch's result would be meaningless.
            guard field.count <= 18, let value = Int(String(decoding: field, as: UTF8.self)),
                  value <= Int(Int32.max) else {
                throw SlurmError.ValueProblem("the number is too large")
            }
            return value
        }
        let values = numbers.map { $0 ?? 0 }  // only "1-" and a leading "-" leave an empty field
        let total: Int
        if bytes.contains(UInt8(ascii: "-")) {
            // sscanf("%d-%d:%d:%d"): days-hours[:minutes[:seconds]]. A leading '-' (as in "-5") is the sign of
            // the day count; sbatch would go on with a negative limit.
            let negative = bytes.first == UInt8(ascii: "-")
            var parts = Array(values.dropFirst(negative ? 1 : 0)) + [0, 0, 0, 0]
            if negative { parts[0] = -parts[0] }
            total = parts[0] * 86_400 + parts[1] * 3_600 + parts[2] * 60 + parts[3]
        } else if values.count == 3 {
            total = values[0] * 3_600 + values[1] * 60 + values[2]  // hours:minutes:seconds
        } else {
            total = values[0] * 60 + (values.count > 1 ? values[1] : 0)  // minutes[:seconds]
        }
        guard total >= 0 else { throw SlurmError.ValueProblem("a time limit cannot be negative") }
        guard total <= Int(Int32.max) else { throw SlurmError.ValueProblem("the time is too large") }
        return total
    }

    package static let expectedForms =
        "expected minutes, minutes:seconds, hours:minutes:seconds, days-hours, days-hours:minutes or days-hours:minutes:seconds"

    /// `_is_valid_timespec`: digits, at most one `-`, at most two `:`, no `-` after a `:`, and enough digit groups.
    package static func isValidTimespec(_ bytes: [UInt8]) -> Bool {
        var digitGroups = 0, dashes = 0, colons = 0
        var inDigits = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if !inDigits { digitGroups += 1; inDigits = true }
            case UInt8(ascii: "-"):
                inDigits = false
                dashes += 1
                if colons > 0 { return false }
            case UInt8(ascii: ":"):
                inDigits = false
                colons += 1
            default:
                return false
            }
        }
        guard digitGroups > 0, dashes <= 1, colons <= 2 else { return false }
        if dashes > 0 {
            if colons == 1 && digitGroups < 3 { return false }
            if colons == 2 && digitGroups < 4 { return false }
        } else {
            if colons == 1 && digitGroups < 2 { return false }
            if colons == 2 && digitGroups < 3 { return false }
        }
        return true
    }
}
