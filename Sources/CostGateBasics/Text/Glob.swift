/// A shell-style pattern over names: `*` any run of characters, `?` one character, everything else
/// literal (namespaces, workload ids, SLURM accounts).
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let characters: [Character]

    public init(_ pattern: String) {
        self.pattern = pattern
        self.characters = Array(pattern)
    }

    public var description: String { pattern }

    public func matches(_ text: String) -> Bool {
        let subject = Array(text)
        // Iterative wildcard matching with one backtrack point: linear for the patterns policies use.
        var (p, s) = (0, 0)
        var star: Int?
        var resume = 0
        while s < subject.count {
            if p < characters.count, characters[p] == "?" || (characters[p] != "*" && characters[p] == subject[s]) {
                p += 1
                s += 1
            } else if p < characters.count, characters[p] == "*" {
                star = p
                resume = s
                p += 1
            } else if let starAt = star {
                p = starAt + 1
                resume += 1
                s = resume
            } else {
                return false
            }
        }
        while p < characters.count, characters[p] == "*" { p += 1 }
        return p == characters.count
    }

    /// True when any of `globs` matches `text`.
    public static func any(_ globs: [Glob], match text: String?) -> Bool {
        guard let text else { return false }
        return globs.contains { $0.matches(text) }
    }
}
