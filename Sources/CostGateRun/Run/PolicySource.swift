import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGatePolicy

/// Where the policy of a run comes from: a file named on the command line, or `.costgate.yaml`
/// found by walking up from the working directory to the repository root.
public enum PolicySource: Sendable, Hashable {
    case explicit(String)
    case discovered(String)

    public static let fileNames = [".costgate.yaml", ".costgate.yml"]

    public var path: String {
        switch self {
        case .explicit(let path), .discovered(let path): return path
        }
    }

    /// The first `.costgate.yaml` (or `.yml`) in `directory` or its parents, stopping at the directory
    /// that holds `.git` (the repository root); nil when there is none.
    public static func discover(from directory: String, fileSystem: any FileSystem) -> PolicySource? {
        var current = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        while true {
            for name in fileNames {
                let candidate = current == "/" ? "/\(name)" : "\(current)/\(name)"
                if fileSystem.exists(candidate) && !fileSystem.isDirectory(candidate) { return .discovered(candidate) }
            }
            if fileSystem.exists(current == "/" ? "/.git" : "\(current)/.git") { return nil }
            guard let slash = current.lastIndex(of: "/"), current != "/" else { return nil }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
        }
    }

    /// Reads and validates the policy file; nil policy when it cannot be used (the diagnostics say why).
    public func load(fileSystem: any FileSystem) -> (policy: Policy?, diagnostics: [Diagnostic]) {
        let bytes: [UInt8]
        do {
            bytes = try path == "-" ? fileSystem.standardInput() : fileSystem.contents(of: path)
        } catch {
            return (nil, [Diagnostic(.error, at: .wholeFile(path), "cannot read the policy: \(error.message)", rule: "unreadable-policy")])
        }
        return PolicyReader.read(bytes, file: path)
    }
}
