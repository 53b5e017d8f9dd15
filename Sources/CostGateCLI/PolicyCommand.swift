import ArgumentParser
import CostGateCore
import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGateRun
import CostGateReporting

/// `costgate policy validate FILE`
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Work with budget policies.",
        subcommands: [PolicyValidateCommand.self])
}

struct PolicyValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate a policy and summarise it: exit 0 when usable, 2 when not.",
        discussion: """
        Examples:
          costgate policy validate policies/example.yaml
          costgate policy validate            # the .costgate.yaml at the repository root
        """)

    @Argument(help: ArgumentHelp("The policy file (default: .costgate.yaml at the repository root), or - for standard input.",
                                 valueName: "file"))
    var file: String?

    @Flag(help: "Never colour the output.")
    var noColor = false

    func run() throws {
        let terminal = Terminal.detect(noColor: noColor)
        let fileSystem = LocalFileSystem()
        guard let (source, policy, policyDiagnostics) = try PolicyOptions(policy: file).load(terminal: terminal, fileSystem: fileSystem,
                                                                                        required: true) else { return }
        var diagnostics = policyDiagnostics
        if let policy {
            // Prices are checked against the catalog too: an instance type it lacks makes every check fail.
            let settings = RunSettings.resolve(policy: policy, today: CalendarDay(containing: Date()), fileSystem: fileSystem)
            diagnostics = (diagnostics + settings.diagnostics).sorted()
        }
        for diagnostic in diagnostics { terminal.err(terminal.render(diagnostic)) }
        guard let policy, !diagnostics.contains(where: { $0.severity == .error }) else {
            let count = diagnostics.filter { $0.severity == .error }.count
            terminal.err("costgate: \(source.path) is not a usable policy: \(count) error\(count == 1 ? "" : "s") (exit 2)\n")
            throw ExitCode(ExitStatus.inputUnusable.rawValue)
        }
        try terminal.out(PolicySummaryReporter.render(policy))
    }
}

extension PolicyOptions {
    init(policy: String?, today: String? = nil) {
        self.init()
        self.policy = policy
        self.today = today
    }
}
