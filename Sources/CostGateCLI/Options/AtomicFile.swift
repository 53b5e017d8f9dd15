import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a report file whole or not at all: a temporary file beside it, renamed over it. A reader
/// (node_exporter's textfile collector, a CI step) never sees half a report.
enum AtomicFile {
    /// Nil when written; else why not, naming the path.
    static func write(_ bytes: [UInt8], to path: String) -> String? {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(name).costgate-\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return "cannot write \(path): \(reason(errno, directory: directory))" }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in Glibc.write(descriptor, buffer.baseAddress! + written, bytes.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let error = errno
                close(descriptor)
                unlink(temporary)
                return "cannot write \(path): \(String(cString: strerror(error)))"
            }
            written += count
        }
        guard close(descriptor) == 0 else {
            let error = errno
            unlink(temporary)
            return "cannot write \(path): \(String(cString: strerror(error)))"
        }
        guard rename(temporary, path) == 0 else {
            let error = errno
            unlink(temporary)
            return "cannot write \(path): \(String(cString: strerror(error)))"
        }
        return nil
    }

    private static func reason(_ error: Int32, directory: String) -> String {
        if error == ENOENT { return "the directory '\(directory.isEmpty ? "." : directory)' does not exist" }
        return String(cString: strerror(error))
    }
}
