/// A `--gpus`, `--gpus-per-node` or `--gpus-per-task` value: `[type:]N`, or a comma list such as `volta:3,kepler:1`.
public struct SlurmGPUCount: Hashable, Sendable {
    /// One `[type:]N` entry.
    public struct Entry: Hashable, Sendable {
        public var type: String?
        public var count: Int

        public init(type: String? = nil, count: Int) {
            self.type = type
            self.count = count
        }
    }

    /// The entries with a count above 0, in the order written.
    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    public init(count: Int, type: String? = nil) { self.entries = count > 0 ? [Entry(type: type, count: count)] : [] }

    /// The GPUs over all entries.
    public var count: Int { entries.reduce(0) { $0 + $1.count } }

    /// The GPU type when every entry names the same one, else nil.
    public var type: String? {
        let types = Set(entries.map(\.type))
        guard types.count == 1, let only = types.first else { return nil }
        return only
    }

    /// Reads the value the way sbatch forwards it (`xfmt_tres` turns each entry into `gres/gpu:<entry>`), so an entry
    /// follows the `--gres` rules: `2`, `a100:2`, or a bare type `a100` meaning one GPU.
    public static func parse(_ text: String) throws(SlurmError.ValueProblem) -> SlurmGPUCount {
        let invalid = SlurmError.ValueProblem("expected [type:]count, such as 8 or a100:8")
        var entries: [Entry] = []
        for entry in text.split(separator: ",") {
            let gres: SlurmGRES?
            do {
                gres = try SlurmGRES.parseEntry(Substring("gpu:\(entry)"))
            } catch {
                throw error.reason.hasPrefix("the count") ? error : invalid
            }
            if let gres { entries.append(Entry(type: gres.type, count: gres.count)) }
        }
        guard !text.isEmpty else { throw invalid }
        return SlurmGPUCount(entries: entries)
    }
}
