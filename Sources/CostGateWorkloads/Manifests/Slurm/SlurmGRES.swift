/// One generic resource of a `--gres` request, per node: `gpu:a100:2` is name `gpu`, type `a100`, count 2.
public struct SlurmGRES: Hashable, Sendable {
    public var name: String
    public var type: String?
    public var count: Int

    public init(name: String, type: String? = nil, count: Int) {
        self.name = name
        self.type = type
        self.count = count
    }

    /// Only the `gpu` GRES counts as GPUs (`shard` and `mps` are slices of one).
    public var isGPU: Bool { name.lowercased() == "gpu" }

    /// Reads a `--gres` list: comma-separated `name[[:type]:count]` (also `name=count` and a leading `gres/`), count 1 when
    /// omitted, a count suffix `k`, `m`, `g`, `t`, `p` multiplying by powers of 1024 (`kb`… by powers of 1000).
    /// Entries with count 0 are dropped, as slurmctld does; `none` means no GRES.
    /// Follows `slurm_get_next_tres` (`src/common/slurm_protocol_defs.c`), which slurmctld uses to validate the request.
    public static func parseList(_ text: String) throws(SlurmError.ValueProblem) -> [SlurmGRES] {
        if text.lowercased() == "none" { return [] }
        var result: [SlurmGRES] = []
        for entry in text.split(separator: ",") {
            var body = Substring(entry)
            if body.hasPrefix("gres/") { body = body.dropFirst(5) }
            if let parsed = try parseEntry(body) { result.append(parsed) }
        }
        return result
    }

    package static let expectedForms = "expected name[[:type]:count] entries such as gpu:2 or gpu:a100:2"

    /// One entry, or nil when its count is 0.
    package static func parseEntry(_ entry: Substring) throws(SlurmError.ValueProblem) -> SlurmGRES? {
        let invalid = SlurmError.ValueProblem(expectedForms)
        var name = entry
        var type: Substring?
        var count = 1
        if let separator = entry.lastIndex(where: { $0 == "=" || $0 == ":" }) {
            let tail = entry[entry.index(after: separator)...]
            guard !tail.isEmpty else { throw invalid }
            name = entry[..<separator]
            if let parsed = try number(in: tail) {
                count = parsed
            } else if entry[separator] == "=" {
                throw invalid
            } else {
                type = tail
            }
        } else if try number(in: entry) != nil {
            throw SlurmError.ValueProblem("a GRES count needs a name, as in gpu:\(entry)")
        }
        if let colon = name.firstIndex(of: ":") {
            guard type == nil else { throw invalid }
            type = name[name.index(after: colon)...]
            name = name[..<colon]
        }
        guard !name.isEmpty, type?.isEmpty != true else { throw invalid }
        if count == 0 { return nil }
        return SlurmGRES(name: String(name), type: type.map(String.init), count: count)
    }

    /// `_is_valid_number`: digits then an optional size suffix; nil when the text is not a number at all.
    package static func number(in text: Substring) throws(SlurmError.ValueProblem) -> Int? {
        guard let first = text.first, SlurmScanner.isDigit(first) else { return nil }
        let digits = text.prefix { SlurmScanner.isDigit($0) }
        let multiplier: Int
        switch text.dropFirst(digits.count).lowercased() {
        case "": multiplier = 1
        case "k", "kib": multiplier = 1 << 10
        case "kb": multiplier = 1_000
        case "m", "mib": multiplier = 1 << 20
        case "mb": multiplier = 1_000_000
        case "g", "gib": multiplier = 1 << 30
        case "gb": multiplier = 1_000_000_000
        case "t", "tib": multiplier = 1 << 40
        case "tb": multiplier = 1_000_000_000_000
        case "p", "pib": multiplier = 1 << 50
        case "pb": multiplier = 1_000_000_000_000_000
        default: return nil
        }
        guard digits.count <= 18, let value = Int(digits), let total = SlurmScanner.multiply(value, multiplier) else {
            throw SlurmError.ValueProblem("the count is too large")
        }
        return total
    }
}
