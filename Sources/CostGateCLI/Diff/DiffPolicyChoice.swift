import ArgumentParser
import CostGateCore
import Foundation
import CostGateWorkloads
import CostGateRun

/// Which policy file gates a diff: the chosen side's copy (the base by default), and whether the other differs.
struct DiffPolicyChoice {
    var path: String
    var fileSystem: any FileSystem
    var side: String
    var changed: Bool
    var notes: [String]

    static func choose(explicit: String?, from side: String, base: RootedFileSystem, head: RootedFileSystem) throws -> DiffPolicyChoice {
        if let explicit, explicit.hasPrefix("/") || explicit == "-" {
            return DiffPolicyChoice(path: explicit, fileSystem: LocalFileSystem(), side: "file given", changed: false, notes: [])
        }
        let (chosen, other, otherName) = side == "base" ? (base, head, "head") : (head, base, "base")
        let candidates = explicit.map { [$0] } ?? PolicySource.fileNames
        if let path = candidates.first(where: { chosen.exists($0) }) {
            let changed = ((try? chosen.contents(of: path)) ?? []) != ((try? other.contents(of: path)) ?? [])
            return DiffPolicyChoice(path: path, fileSystem: chosen, side: side, changed: changed, notes: [])
        }
        if let path = candidates.first(where: { other.exists($0) }) {
            let note = "the \(side) has no policy at \(path); using the \(otherName)'s (this change adds it)"
            return DiffPolicyChoice(path: path, fileSystem: other, side: otherName, changed: false, notes: [note])
        }
        if let explicit, FileManager.default.fileExists(atPath: explicit) {
            return DiffPolicyChoice(path: explicit, fileSystem: LocalFileSystem(), side: "file given", changed: false, notes: [])
        }
        throw ValidationError("no policy: neither tree has \(candidates.joined(separator: " or ")); pass --policy FILE")
    }
}
