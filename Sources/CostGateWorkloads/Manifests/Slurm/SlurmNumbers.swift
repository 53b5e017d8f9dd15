/// The number readers sbatch uses for counts and memory sizes (`src/common/proc_args.c`).
public enum SlurmNumbers {
    /// `parse_int(name, value, true)`: a decimal integer above 0 and below 2^31 - 1, nothing after it.
    public static func positiveInteger(_ text: String) throws(SlurmError.ValueProblem) -> Int {
        var scanner = SlurmScanner(text)
        scanner.skipWhitespace()
        guard let value = scanner.integer(), scanner.isAtEnd else {
            throw SlurmError.ValueProblem("expected a positive integer")
        }
        guard value > 0 else { throw SlurmError.ValueProblem("expected a positive integer") }
        guard value < Int(Int32.max) else { throw SlurmError.ValueProblem("the number is too large") }
        return value
    }

    /// `str_to_mbytes`: a size in MiB, SLURM's default unit, with an optional `K`, `M`, `G` or `T` suffix (any case,
    /// optionally followed by `B`). Kibibytes round up to whole MiB. `0` is a valid size.
    public static func mebibytes(_ text: String) throws(SlurmError.ValueProblem) -> Int {
        let problem = SlurmError.ValueProblem("expected a size in MiB with an optional K, M, G or T suffix")
        var scanner = SlurmScanner(text)
        scanner.skipWhitespace()
        guard let value = scanner.integer(), value >= 0 else { throw problem }
        let suffix = scanner.rest.lowercased()
        let multiplied: Int?
        switch suffix {
        case "": multiplied = value
        case "k", "kb": multiplied = (value + 1023) / 1024
        case "m", "mb": multiplied = value
        case "g", "gb": multiplied = SlurmScanner.multiply(value, 1024)
        case "t", "tb": multiplied = SlurmScanner.multiply(value, 1024 * 1024)
        default: throw problem
        }
        guard let multiplied else { throw SlurmError.ValueProblem("the size is too large") }
        return multiplied
    }

    /// `verify_node_count`: `N`, `min-max` (each with an optional `k` or `m` suffix, ×1024 or ×1024²), or a size
    /// list such as `1-15:4` or `2,4,8` (the job gets one of the listed sizes: min is the smallest, max the largest).
    public static func nodeRange(_ text: String) throws(SlurmError.ValueProblem) -> ClosedRange<Int> {
        let invalid = SlurmError.ValueProblem("expected a node count or a range such as 2-8")
        if text.contains(",") || text.contains(":") {
            return try nodeSizeList(text)
        }
        if let dash = text.firstIndex(of: "-") {
            var minimum = try nodeCount(String(text[..<dash]), invalid: invalid)
            let maximum = try nodeCount(String(text[text.index(after: dash)...]), invalid: invalid)
            if minimum < 0 { minimum = 1 }  // "-8" means 1-8
            if maximum == 0 { return minimum...minimum }
            guard maximum >= minimum else {
                throw SlurmError.ValueProblem("the maximum node count is less than the minimum")
            }
            return minimum...maximum
        }
        let count = try nodeCount(text, invalid: invalid)
        guard count >= 0 else { throw invalid }
        return count...count
    }

    /// `str_to_nodes`: -1 when there are no digits at all; the rest must be blank.
    package static func nodeCount(_ text: String, invalid: SlurmError.ValueProblem) throws(SlurmError.ValueProblem) -> Int {
        var scanner = SlurmScanner(text)
        scanner.skipWhitespace()
        guard var value = scanner.integer() else {
            guard text.allSatisfy(\.isWhitespace) else { throw invalid }
            return -1
        }
        if scanner.take(where: { $0 == "k" || $0 == "K" }) { value = SlurmScanner.multiply(value, 1024) ?? Int.max }
        if scanner.take(where: { $0 == "m" || $0 == "M" }) { value = SlurmScanner.multiply(value, 1024 * 1024) ?? Int.max }
        guard scanner.rest.allSatisfy(\.isWhitespace) else { throw invalid }
        guard value >= 0, value <= Int(Int32.max) else { throw SlurmError.ValueProblem("the node count is too large") }
        return value
    }

    /// The job-size list form of `--nodes` (`bit_unfmt`): comma-separated `N`, `A-B` or `A-B:step`, each below 16384.
    package static func nodeSizeList(_ text: String) throws(SlurmError.ValueProblem) -> ClosedRange<Int> {
        let invalid = SlurmError.ValueProblem("expected a node count list such as 1-15:4 or 2,4,8")
        var sizes: [Int] = []
        for token in text.split(separator: ",") {
            let rangeAndStep = token.split(separator: ":", omittingEmptySubsequences: false)
            guard rangeAndStep.count <= 2 else { throw invalid }
            let bounds = rangeAndStep[0].split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count <= 2 else { throw invalid }
            let numbers = try bounds.map { bound throws(SlurmError.ValueProblem) -> Int in
                guard !bound.isEmpty, bound.allSatisfy(SlurmScanner.isDigit), let value = Int(bound), value < 16_384 else {
                    throw invalid
                }
                return value
            }
            var step = 1
            if rangeAndStep.count == 2 {
                guard let parsed = Int(rangeAndStep[1]), parsed > 0, rangeAndStep[1].allSatisfy(SlurmScanner.isDigit) else {
                    throw invalid
                }
                step = parsed
            }
            let low = numbers[0], high = numbers.last!
            guard high >= low else { throw invalid }
            sizes.append(low)
            sizes.append(low + (high - low) / step * step)
        }
        guard let low = sizes.min(), let high = sizes.max() else { throw invalid }
        return low...high
    }
}
