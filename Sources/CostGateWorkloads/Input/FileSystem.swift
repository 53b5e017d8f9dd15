import Foundation
#if canImport(Glibc)
import Glibc
#endif
import CostGateBasics

/// The file access the core needs, so tests and the CLI can supply their own.
public protocol FileSystem: Sendable {
    func contents(of path: String) throws(InputError) -> [UInt8]
    func isDirectory(_ path: String) -> Bool
    /// Every regular file below `directory`, recursively, sorted; hidden entries (`.git`) skipped.
    func files(under directory: String) throws(InputError) -> [String]
    /// Standard input, for the path `-`.
    func standardInput() throws(InputError) -> [UInt8]
    /// Whether anything (file or directory) exists at `path`.
    func exists(_ path: String) -> Bool
}

/// Why an input could not be read.
public enum InputError: Error, Sendable, Equatable {
    case notFound(String)
    case unreadable(String, reason: String)
    case tooLarge(String, bytes: Int, limit: Int)
    /// Nothing to read: an empty directory, an empty file or pipe, every path excluded.
    case empty(String, reason: String)

    public var path: String {
        switch self {
        case .notFound(let path), .unreadable(let path, _), .tooLarge(let path, _, _), .empty(let path, _): return path
        }
    }

    public var message: String {
        switch self {
        case .notFound: return "no such file or directory"
        case .unreadable(_, let reason): return "cannot read: \(reason)"
        case .tooLarge(_, let bytes, let limit):
            return "input is \(bytes == limit + 1 ? "more than \(limit)" : "\(bytes)") bytes, larger than the \(limit)-byte limit for one manifest"
        case .empty(_, let reason): return "nothing to read: \(reason)"
        }
    }

    public var diagnostic: Diagnostic {
        if case .empty = self { return Diagnostic(.error, at: .wholeFile(path), message, rule: "empty-input") }
        return Diagnostic(.error, at: .wholeFile(path), message, rule: "unreadable-input")
    }
}

/// The machine's own file system.
public struct LocalFileSystem: FileSystem {
    /// Largest single input accepted (64 MiB): a manifest larger than this is a mistake, not a manifest.
    public var sizeLimit = 64 << 20

    public init() {}

    public func contents(of path: String) throws(InputError) -> [UInt8] {
        // POSIX read straight into the array: no Data round trip on the hot path of big trees.
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: throw .notFound(path)
            case EACCES: throw .unreadable(path, reason: "permission denied")
            default: throw .unreadable(path, reason: String(cString: strerror(errno)))
            }
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(path, reason: String(cString: strerror(errno))) }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(path, reason: "is a directory") }
        // Pipes, FIFOs, process substitution (`<(sacct …)`), /dev/stdin: their size says nothing.
        if (status.st_mode & S_IFMT) != S_IFREG { return try readToEnd(descriptor, path: path) }
        let size = Int(status.st_size)
        guard size <= sizeLimit else { throw .tooLarge(path, bytes: size, limit: sizeLimit) }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { buffer in read(descriptor, buffer.baseAddress! + filled, size - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                if count == 0 { break }
                throw .unreadable(path, reason: String(cString: strerror(errno)))
            }
            filled += count
        }
        if filled < size { bytes.removeLast(size - filled) }
        return bytes
    }

    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    public func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    public func files(under directory: String) throws(InputError) -> [String] {
        guard isDirectory(directory) else { throw .notFound(directory) }
        var result: [String] = []
        var pending = [directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory]
        // readdir's d_type answers "directory?" without a stat per entry (FileManager's enumerator
        // costs tens of milliseconds on a tree of a few thousand manifests).
        while let current = pending.popLast() {
            guard let handle = opendir(current) else { throw .unreadable(current, reason: String(cString: strerror(errno))) }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                if name.hasPrefix(".") { continue }
                let path = current + "/" + name
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_DIR): pending.append(path)
                case Int32(DT_REG): result.append(path)
                case Int32(DT_LNK), Int32(DT_UNKNOWN):
                    if isDirectory(path) { pending.append(path) } else { result.append(path) }
                default: continue
                }
            }
        }
        return result.sorted()
    }

    public func standardInput() throws(InputError) -> [UInt8] {
        try readToEnd(STDIN_FILENO, path: "<stdin>")
    }

    /// Everything until end of file, at most `sizeLimit` bytes (a larger stream is an error, not a
    /// truncated manifest).
    package func readToEnd(_ descriptor: Int32, path: String) throws(InputError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in read(descriptor, buffer.baseAddress!, buffer.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { return bytes }
            guard bytes.count + count <= sizeLimit else { throw .tooLarge(path, bytes: sizeLimit + 1, limit: sizeLimit) }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}
