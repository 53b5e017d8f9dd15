/// A directory tree seen from its root: relative paths resolve against `root` and come back relative,
/// so two trees (a pull request's base and head) name the same file the same way.
public struct RootedFileSystem: FileSystem {
    public var root: String
    public var base: any FileSystem

    public init(root: String, base: any FileSystem = LocalFileSystem()) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        self.base = base
    }

    package func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if path == "." || path.isEmpty { return root }
        return root + "/" + (path.hasPrefix("./") ? String(path.dropFirst(2)) : path)
    }

    /// `path` relative to the root (as given when outside it).
    package func relative(_ path: String) -> String {
        path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }

    public func contents(of path: String) throws(InputError) -> [UInt8] {
        do {
            return try base.contents(of: resolve(path))
        } catch {
            throw error.renamed(path)
        }
    }

    public func isDirectory(_ path: String) -> Bool { base.isDirectory(resolve(path)) }

    public func exists(_ path: String) -> Bool { base.exists(resolve(path)) }

    public func files(under directory: String) throws(InputError) -> [String] {
        do {
            return try base.files(under: resolve(directory)).map(relative)
        } catch {
            throw error.renamed(directory)
        }
    }

    public func standardInput() throws(InputError) -> [UInt8] { try base.standardInput() }
}

extension InputError {
    /// The same error about `path` (as the user wrote it rather than as resolved).
    package func renamed(_ path: String) -> InputError {
        switch self {
        case .notFound: return .notFound(path)
        case .unreadable(_, let reason): return .unreadable(path, reason: reason)
        case .tooLarge(_, let bytes, let limit): return .tooLarge(path, bytes: bytes, limit: limit)
        case .empty(_, let reason): return .empty(path, reason: reason)
        }
    }
}
