import Foundation

/// The file access the core needs, so tests and the CLI can supply their own.
public protocol FileSystem: Sendable {
    func contents(of path: String) throws(InputError) -> [UInt8]
    func isDirectory(_ path: String) -> Bool
    /// Every regular file below `directory`, recursively, sorted; hidden entries (`.git`) skipped.
    func files(under directory: String) throws(InputError) -> [String]
    /// Standard input, for the path `-`.
    func standardInput() throws(InputError) -> [UInt8]
}

/// Why an input could not be read.
public enum InputError: Error, Sendable, Equatable {
    case notFound(String)
    case unreadable(String, reason: String)
    case tooLarge(String, bytes: Int, limit: Int)

    public var path: String {
        switch self {
        case .notFound(let path), .unreadable(let path, _), .tooLarge(let path, _, _): return path
        }
    }

    public var message: String {
        switch self {
        case .notFound: return "no such file or directory"
        case .unreadable(_, let reason): return "cannot read: \(reason)"
        case .tooLarge(_, let bytes, let limit): return "file is \(bytes) bytes, larger than the \(limit)-byte limit for one manifest"
        }
    }

    public var diagnostic: Diagnostic { Diagnostic(.error, at: .wholeFile(path), message, rule: "unreadable-input") }
}

/// The machine's own file system.
public struct LocalFileSystem: FileSystem {
    /// Largest single input accepted (64 MiB): a manifest larger than this is a mistake, not a manifest.
    public var sizeLimit = 64 << 20

    public init() {}

    public func contents(of path: String) throws(InputError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            if FileManager.default.fileExists(atPath: path) { throw .unreadable(path, reason: "permission denied") }
            throw .notFound(path)
        }
        defer { try? handle.close() }
        do {
            let data = try handle.readToEnd() ?? Data()
            guard data.count <= sizeLimit else { throw InputError.tooLarge(path, bytes: data.count, limit: sizeLimit) }
            return [UInt8](data)
        } catch let error as InputError {
            throw error
        } catch {
            throw .unreadable(path, reason: error.localizedDescription)
        }
    }

    public func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    public func files(under directory: String) throws(InputError) -> [String] {
        guard isDirectory(directory) else { throw .notFound(directory) }
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: directory) else { throw .unreadable(directory, reason: "cannot list") }
        var result: [String] = []
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            let full = prefix + relative
            if name.hasPrefix(".") {
                if isDirectory(full) { enumerator.skipDescendants() }
                continue
            }
            if !isDirectory(full) { result.append(full) }
        }
        return result.sorted()
    }

    public func standardInput() throws(InputError) -> [UInt8] {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        return [UInt8](data)
    }
}
