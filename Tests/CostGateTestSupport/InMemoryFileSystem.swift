import CostGateWorkloads

/// Files held in memory, so pipeline tests need no disk.
public struct InMemoryFileSystem: FileSystem {
    public var files: [String: String]
    public var stdin = ""

    public init(files: [String: String], stdin: String = "") {
        self.files = files
        self.stdin = stdin
    }

    public func contents(of path: String) throws(InputError) -> [UInt8] {
        guard let text = files[path] else { throw .notFound(path) }
        return Array(text.utf8)
    }

    public func isDirectory(_ path: String) -> Bool { files.keys.contains { $0.hasPrefix(path + "/") } }

    public func exists(_ path: String) -> Bool { files[path] != nil || isDirectory(path) }

    public func files(under directory: String) throws(InputError) -> [String] {
        files.keys.filter { $0.hasPrefix(directory + "/") }.sorted()
    }

    public func standardInput() throws(InputError) -> [UInt8] { Array(stdin.utf8) }
}
