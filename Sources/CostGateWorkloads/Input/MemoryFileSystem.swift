/// Files held in memory under their display paths: an input that arrives as bytes (a scheduler's
/// submission, a fuzzer's case) read by the same pipeline as files on disk.
public struct MemoryFileSystem: FileSystem {
    public var files: [String: [UInt8]]

    public init(files: [String: [UInt8]]) {
        self.files = files
    }

    public func contents(of path: String) throws(InputError) -> [UInt8] {
        guard let bytes = files[path] else { throw .notFound(path) }
        return bytes
    }

    public func isDirectory(_ path: String) -> Bool { false }

    public func files(under directory: String) throws(InputError) -> [String] { [] }

    public func standardInput() throws(InputError) -> [UInt8] { [] }

    public func exists(_ path: String) -> Bool { files[path] != nil }
}
