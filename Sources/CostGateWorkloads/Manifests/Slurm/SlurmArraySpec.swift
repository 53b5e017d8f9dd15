/// A `--array` request: which task indexes run, and how many may run at once.
public struct SlurmArraySpec: Hashable, Sendable {
    /// The value as written (`0-15:4%2`).
    public var text: String
    /// The number of distinct task indexes; each runs as its own job, so cost scales with it.
    public var taskCount: Int
    /// The lowest and highest task index (0-based, as Slurm numbers them).
    public var minIndex: Int
    public var maxIndex: Int
    /// The `%N` limit on simultaneously running tasks, if any; it changes the makespan, not the cost.
    public var concurrencyLimit: Int?

    /// Slurm's default `MaxArraySize`; the largest index a default cluster accepts is one less.
    public static let defaultMaxArraySize = 1001
    /// The largest `MaxArraySize` slurm.conf allows.
    public static let largestMaxArraySize = 4_000_001

    /// The largest `:step` written, 1 when there is none (slurmctld also requires it below `MaxArraySize`).
    public var largestStep: Int

    /// Whether a cluster with the default `MaxArraySize` (1001) accepts the indexes and step.
    public var fitsDefaultMaxArraySize: Bool { maxIndex < Self.defaultMaxArraySize && largestStep < Self.defaultMaxArraySize }

    public init(text: String, taskCount: Int, minIndex: Int, maxIndex: Int, concurrencyLimit: Int?, largestStep: Int = 1) {
        self.text = text
        self.taskCount = taskCount
        self.minIndex = minIndex
        self.maxIndex = maxIndex
        self.concurrencyLimit = concurrencyLimit
        self.largestStep = largestStep
    }

    /// Reads an array specification as slurmctld does (`slurm_parse_array_tok` for each comma-separated token, `%N`
    /// from the first `%`): `0-15`, `0,6,16-32`, `0-15:4`, `0-15%4`. Indexes may not exceed the largest
    /// `MaxArraySize` any cluster allows; whether they fit this cluster's limit is for `fitsDefaultMaxArraySize`.
    /// Returns nil for an empty value, which sbatch submits as a single job.
    public static func parse(_ text: String) throws(SlurmError.ValueProblem) -> SlurmArraySpec? {
        guard !text.isEmpty else { return nil }
        var ranges: [(first: Int, last: Int, step: Int)] = []
        for token in text.split(separator: ",") {
            ranges.append(try parseToken(Substring(token)))
        }
        guard !ranges.isEmpty else { throw SlurmError.ValueProblem(expectedForms) }

        var bits = [UInt64](repeating: 0, count: (ranges.map(\.last).max()! >> 6) + 1)
        for range in ranges {
            for index in stride(from: range.first, through: range.last, by: range.step) {
                bits[index >> 6] |= 1 << UInt64(index & 63)
            }
        }
        let count = bits.reduce(0) { $0 + $1.nonzeroBitCount }
        let minIndex = ranges.map(\.first).min()!
        let maxIndex = ranges.map { $0.first + ($0.last - $0.first) / $0.step * $0.step }.max()!

        var limit: Int?
        if let percent = text.firstIndex(of: "%") {
            // atoi(): leading digits, anything after them ignored; 0 or less means no limit.
            let digits = text[text.index(after: percent)...].prefix { SlurmScanner.isDigit($0) }
            if let value = Int(digits.prefix(10)), value > 0 { limit = value }
        }
        return SlurmArraySpec(text: text, taskCount: count, minIndex: minIndex, maxIndex: maxIndex,
                              concurrencyLimit: limit, largestStep: ranges.map(\.step).max()!)
    }

    package static let expectedForms = "expected indexes such as 0-15, 0,6,16-32, 0-15:4 or 0-15%4"

    /// One token: `[`? first `]`? ( `-` last `]`? ( `:` step `]`? )? )? then the end or a `%`.
    package static func parseToken(_ token: Substring) throws(SlurmError.ValueProblem) -> (first: Int, last: Int, step: Int) {
        let invalid = SlurmError.ValueProblem(expectedForms)
        var scanner = SlurmScanner(token.hasPrefix("[") ? String(token.dropFirst()) : String(token))
        scanner.skipWhitespace()
        let first = scanner.integer() ?? 0  // strtol gives 0 when there are no digits
        _ = scanner.take { $0 == "]" }
        guard first >= 0 else { throw SlurmError.ValueProblem("array indexes cannot be negative") }
        var last = first
        var step = 1
        if scanner.take(where: { $0 == "-" }) {
            scanner.skipWhitespace()
            last = scanner.integer() ?? 0
            _ = scanner.take { $0 == "]" }
            if scanner.take(where: { $0 == ":" }) {
                scanner.skipWhitespace()
                step = scanner.integer() ?? 0
                _ = scanner.take { $0 == "]" }
                guard step > 0 else { throw SlurmError.ValueProblem("the step of an array range must be positive") }
            }
            guard last >= first else {
                throw SlurmError.ValueProblem("the range \(first)-\(last) ends below its start")
            }
        }
        guard scanner.isAtEnd || scanner.take(where: { $0 == "%" }) else { throw invalid }
        let largest = largestMaxArraySize
        guard last < largest, step < largest else {
            throw SlurmError.ValueProblem(
                "indexes and steps above \(largest - 1) exceed the largest MaxArraySize Slurm allows (\(largest))")
        }
        return (first, last, step)
    }
}
