/// Turns the paths a user gives into input files: directories are walked recursively; files
/// are recognised as sbatch scripts by content (`#SBATCH`/`#COSTGATE` at the start of a line),
/// otherwise as YAML.
public struct InputCollector: Sendable {
    public var fileSystem: any FileSystem

    public init(fileSystem: any FileSystem) {
        self.fileSystem = fileSystem
    }

    package static let yamlExtensions: Set<String> = ["yaml", "yml", "json"]
    package static let scriptExtensions: Set<String> = ["sh", "sbatch", "slurm", "bash", "job", "batch", "submit"]

    /// One path to read; `explicit` when the user named it (not found by walking a directory).
    public struct Entry: Sendable, Hashable {
        public var path: String
        public var explicit: Bool
    }

    /// Paths of the files to read for `paths`, in a stable order, with the errors of those that cannot be
    /// listed. A directory with nothing to read, or paths that all are excluded, are errors: an empty
    /// input set never passes as "nothing over budget".
    public func expand(_ paths: [String], excluding exclusion: PathExclusion = PathExclusion([])) -> (entries: [Entry], errors: [InputError]) {
        var result: [Entry] = []
        var errors: [InputError] = []
        for path in paths {
            if path == "-" {
                result.append(Entry(path: path, explicit: true))
            } else if fileSystem.isDirectory(path) {
                do {
                    let found = try fileSystem.files(under: path).filter { file in
                        let ext = Self.pathExtension(file)
                        return Self.yamlExtensions.contains(ext) || Self.scriptExtensions.contains(ext)
                    }
                    let files = exclusion.isEmpty ? found : found.filter { !exclusion.excludes($0) }
                    if files.isEmpty {
                        errors.append(.empty(path, reason: found.isEmpty
                            ? "the directory holds no manifests (*.yaml, *.yml, *.json) or sbatch scripts"
                            : "every one of its \(found.count) file\(found.count == 1 ? " is" : "s are") excluded"))
                    }
                    result += files.map { Entry(path: $0, explicit: false) }
                } catch {
                    errors.append(error)
                }
            } else if exclusion.excludes(path) {
                continue
            } else {
                result.append(Entry(path: path, explicit: true))
            }
        }
        if result.isEmpty, errors.isEmpty {
            errors.append(.empty(paths.joined(separator: " "), reason: "every path given is excluded: nothing to read"))
        }
        return (result, errors)
    }

    /// Whether `bytes` hold nothing but whitespace.
    package static func isBlank(_ bytes: [UInt8]) -> Bool {
        !bytes.contains { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
    }

    /// Reads one path (or standard input for `-`) and decides its format.
    public func load(_ path: String) throws(InputError) -> InputFile {
        let bytes = path == "-" ? try fileSystem.standardInput() : try fileSystem.contents(of: path)
        let display = path == "-" ? "<stdin>" : path
        let ext = Self.pathExtension(path)
        let format: InputFile.Format = Self.yamlExtensions.contains(ext) ? .yaml : (Self.looksLikeSbatch(bytes) ? .sbatch : .yaml)
        return InputFile(path: display, bytes: bytes, format: format)
    }

    /// The file's extension, lowercased, which decides whether a file found in a directory is read and as
    /// what; `""` for none (a hidden file's leading dot is not one).
    package static func pathExtension(_ path: String) -> String {
        let name = fileName(of: path)
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return "" }
        return String(name[name.utf8.index(after: dot)...]).lowercased()
    }

    /// The last component of `path` (`dir/` names `dir`), as splitting on "/" gives it, found in place:
    /// every file of a tree asks for it, and splitting the whole path into components cost more than
    /// reading a small manifest. The path itself when it has no component (`""`, `/`).
    ///
    /// Searched as contiguous bytes where the string has them (native strings do): stepping
    /// `String.Index`es back one at a time cost ~900 instructions a path.
    package static func fileName(of path: String) -> Substring {
        let slash = UInt8(ascii: "/")
        let bytes = path.utf8
        let found = bytes.withContiguousStorageIfAvailable { bytes -> Range<Int>? in
            var end = bytes.count
            while end > 0, bytes[end - 1] == slash { end -= 1 }
            guard end > 0 else { return nil }
            var start = end
            while start > 0, bytes[start - 1] != slash { start -= 1 }
            return start..<end
        }
        switch found {
        case .some(.some(let range)):
            let start = bytes.index(bytes.startIndex, offsetBy: range.lowerBound)
            return Substring(bytes[start..<bytes.index(start, offsetBy: range.count)])
        case .some(.none):
            return Substring(path)
        case .none:
            var contiguous = path
            contiguous.makeContiguousUTF8()
            return fileName(of: contiguous)
        }
    }

    /// `#SBATCH` or `#COSTGATE` at the start of some line.
    package static func looksLikeSbatch(_ bytes: [UInt8]) -> Bool {
        let sbatch = Array("#SBATCH".utf8)
        let costgate = Array("#COSTGATE".utf8)
        var lineStart = true
        var index = 0
        while index < bytes.count {
            if lineStart && bytes[index] == UInt8(ascii: "#") {
                if bytes[index...].starts(with: sbatch) || bytes[index...].starts(with: costgate) { return true }
            }
            lineStart = bytes[index] == UInt8(ascii: "\n")
            index += 1
        }
        return false
    }
}
