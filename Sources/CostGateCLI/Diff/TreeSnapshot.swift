import ArgumentParser
import Foundation

/// One side of a diff as a directory: a directory as given, or a git revision exported with
/// `git archive` into a temporary directory (the user's working tree is never touched).
struct TreeSnapshot {
    /// The directory the side's paths are relative to.
    let root: String
    /// What the user named (`main`, `origin/main`, `./base`).
    let name: String
    private let temporary: URL?

    /// `DIR` when it is a directory, else a git revision of the repository in the working directory.
    static func resolve(_ spec: String) throws -> TreeSnapshot {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: spec, isDirectory: &isDirectory), isDirectory.boolValue {
            return TreeSnapshot(root: spec, name: spec, temporary: nil)
        }
        let check = try run(["git", "rev-parse", "--verify", "--quiet", "\(spec)^{commit}"])
        guard check.status == 0 else {
            throw ValidationError("'\(spec)' is neither a directory nor a git revision of the repository in \(FileManager.default.currentDirectoryPath)")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("costgate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // The revision and directory are positional parameters, never spliced into the shell text.
        let export = try run(["sh", "-c", "git archive --format=tar \"$1\" | tar -x -C \"$2\"", "sh", spec, directory.path])
        guard export.status == 0 else {
            try? FileManager.default.removeItem(at: directory)
            throw GitError(message: "cannot export '\(spec)' with git archive: \(export.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return TreeSnapshot(root: directory.path, name: spec, temporary: directory)
    }

    func remove() {
        if let temporary { try? FileManager.default.removeItem(at: temporary) }
    }

    struct GitError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    private static func run(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
