/// Files held in memory under their display paths: an input that arrives as bytes (a scheduler's
/// submission, a fuzzer's case, a test's tree) read by the same pipeline as files on disk. A path is
/// a directory when files are held below it.
public struct MemoryFileSystem: FileSystem {
    public var files: [String: [UInt8]]
    /// What `-` reads.
    public var stdin: [UInt8]

    public init(files: [String: [UInt8]], stdin: [UInt8] = []) {
        self.files = files
        self.stdin = stdin
    }

    /// Files given as text (UTF-8).
    public init(texts: [String: String], stdin: String = "") {
        self.init(files: texts.mapValues { Array($0.utf8) }, stdin: Array(stdin.utf8))
    }

    public func contents(of path: String) throws(InputError) -> [UInt8] {
        guard let bytes = files[path] else { throw .notFound(path) }
        return bytes
    }

    public func isDirectory(_ path: String) -> Bool { files.keys.contains { $0.hasPrefix(path + "/") } }

    public func files(under directory: String) throws(InputError) -> [String] {
        files.keys.filter { $0.hasPrefix(directory + "/") }.sorted()
    }

    public func standardInput() throws(InputError) -> [UInt8] { stdin }

    public func exists(_ path: String) -> Bool { files[path] != nil || isDirectory(path) }
}
