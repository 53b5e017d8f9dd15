import ArgumentParser
import CostGateCore
import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGatePolicy
import CostGateRun

/// The policy a command gates with: `--policy FILE`, else `.costgate.yaml` found from the working
/// directory up to the repository root.
struct PolicyOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The budget policy (default: .costgate.yaml in this directory or a parent, up to the repository root).",
                               valueName: "file"))
    var policy: String?

    @Option(help: ArgumentHelp("The day exceptions are checked against and the default month (default: today, UTC).",
                               valueName: "YYYY-MM-DD"))
    var today: String?

    /// Standard input can be read once: the policy and the manifests cannot both come from it.
    func validate(alongside paths: [String]) throws {
        if policy == "-", paths.contains("-") {
            throw ValidationError("standard input cannot be both the policy and a manifest: give the policy as a file (--policy FILE)")
        }
    }

    func day(now: Date = Date()) throws -> CalendarDay {
        try Self.day(today, now: now)
    }

    /// A `--today` value, or today (UTC) when there is none.
    static func day(_ today: String?, now: Date = Date()) throws -> CalendarDay {
        guard let today else { return CalendarDay(containing: now) }
        guard let day = CalendarDay(today) else { throw ValidationError("invalid --today '\(today)': expected YYYY-MM-DD") }
        return day
    }

    /// The policy's source; nil when none was given or found.
    func source(fileSystem: any FileSystem) -> PolicySource? {
        if let policy { return .explicit(policy) }
        return PolicySource.discover(from: FileManager.default.currentDirectoryPath, fileSystem: fileSystem)
    }

    /// Loads the policy, printing its diagnostics and which discovered file was used; nil when none
    /// was given or found (`required` makes that a usage error).
    func load(terminal: Terminal, fileSystem: any FileSystem, required: Bool) throws -> (source: PolicySource, policy: Policy?, diagnostics: [Diagnostic])? {
        guard let source = source(fileSystem: fileSystem) else {
            if required {
                throw ValidationError("no policy: pass --policy FILE, or add .costgate.yaml at the repository root (policies/starter.yaml is a start)")
            }
            return nil
        }
        if case .discovered(let path) = source { terminal.err("costgate: using the policy \(path) (the nearest .costgate.yaml up to the repository root)\n") }
        let (policy, diagnostics) = source.load(fileSystem: fileSystem)
        return (source, policy, diagnostics)
    }

    /// The usable policy and its warnings; an unusable one is printed with its errors and ends the command
    /// with exit 2 (`doing` says what was not done: "gated", "audited").
    func requireUsable(terminal: Terminal, fileSystem: any FileSystem, doing: String) throws -> (policy: Policy, diagnostics: [Diagnostic]) {
        guard let (_, loaded, diagnostics) = try load(terminal: terminal, fileSystem: fileSystem, required: true) else {
            throw ExitCode(ExitStatus.usage.rawValue)   // unreachable: `required` throws first
        }
        guard let policy = loaded else {
            for diagnostic in diagnostics { terminal.err(terminal.render(diagnostic)) }
            let count = diagnostics.filter { $0.severity == .error }.count
            terminal.err("costgate: the policy has \(count) error\(count == 1 ? "" : "s"): nothing was \(doing) (exit 2)\n")
            throw ExitCode(ExitStatus.inputUnusable.rawValue)
        }
        return (policy, diagnostics)
    }
}
