import CostGateCore

/// The fuzz input and its companions, held in memory: no disk in the loop.
struct MemoryFileSystem: FileSystem {
    var files: [String: [UInt8]]

    func contents(of path: String) throws(InputError) -> [UInt8] {
        guard let bytes = files[path] else { throw .notFound(path) }
        return bytes
    }

    func isDirectory(_ path: String) -> Bool { false }

    func files(under directory: String) throws(InputError) -> [String] { [] }

    func standardInput() throws(InputError) -> [UInt8] { [] }

    func exists(_ path: String) -> Bool { files[path] != nil }
}
