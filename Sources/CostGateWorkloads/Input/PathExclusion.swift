import CostGateBasics

/// Paths to leave out of an input set (`--exclude GLOB`, the policy's `exclude:`): a pattern
/// matches a path as listed (a leading `./` ignored) or any tail of it after a `/`, so `vendor/*`
/// and `*.tpl.yaml` work at any depth. `*` crosses directories.
public struct PathExclusion: Sendable {
    public let patterns: [Glob]

    public init(_ patterns: [String]) {
        self.patterns = patterns.map { Glob($0.hasPrefix("./") ? String($0.dropFirst(2)) : $0) }
    }

    public var isEmpty: Bool { patterns.isEmpty }

    public func excludes(_ path: String) -> Bool {
        guard !patterns.isEmpty else { return false }
        var subject = Substring(path.hasPrefix("./") ? String(path.dropFirst(2)) : path)
        while true {
            if patterns.contains(where: { $0.matches(String(subject)) }) { return true }
            guard let slash = subject.firstIndex(of: "/") else { return false }
            subject = subject[subject.index(after: slash)...]
        }
    }
}
