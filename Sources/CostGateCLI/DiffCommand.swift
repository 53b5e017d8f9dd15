import ArgumentParser
import CostGateCore
import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGateRun
import CostGateReporting

/// `costgate diff --base REF [--head REF] [PATH...]`
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "The cost change between two trees or git revisions, gated on the head side.",
        discussion: """
        Estimates both sides, pairs workloads by identity (kind/namespace/name; sbatch scripts by path and job name) and
        reports what was added, removed or changed, with each team's month before and after. The head side is gated as by
        'check', plus the policy's maxIncrease / maxIncreasePercent caps on what one change may add.

        The policy is read from the BASE side by default (--policy-from base), so a pull request cannot loosen its own gate;
        a policy that differs on the head is reported. Git revisions are read with 'git archive' into a temporary
        directory: the working tree is never touched. PATHs are relative to each side's root (default: the whole tree).

        Exit status as 'check': 0 within budget, 1 a deny, 2 the head side unusable, 64 usage, 70 internal error.

        Examples:
          costgate diff --base origin/main
          costgate diff --base origin/main --head HEAD k8s/ slurm/ --format markdown --output sarif=costgate.sarif
          costgate diff --base ./old-tree --head ./new-tree --policy .costgate.yaml
        """)

    @Argument(help: ArgumentHelp("Paths inside both trees (default: everything).", valueName: "path"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("The base: a directory or a git revision.", valueName: "dir|rev"))
    var base: String

    @Option(help: ArgumentHelp("The head: a directory or a git revision (default: the working directory).", valueName: "dir|rev"))
    var head: String = "."

    @Option(help: ArgumentHelp("The policy file, relative to the trees (default: .costgate.yaml at their root); an absolute path is used as is.",
                               valueName: "file"))
    var policy: String?

    @Option(help: ArgumentHelp("Which side's policy gates the change.", valueName: "base|head"))
    var policyFrom: String = "base"

    @Option(help: ArgumentHelp("The day exceptions are checked against and the default month (default: today, UTC).",
                               valueName: "YYYY-MM-DD"))
    var today: String?

    @Flag(help: "Exit 1 on warnings too.")
    var failOnWarn = false

    @Flag(help: "List unchanged workloads too (text).")
    var all = false

    @Flag(help: "Never colour the output.")
    var noColor = false

    @OptionGroup(title: "Output") var output: OutputOptions
    @OptionGroup(title: "Pricing") var pricing: PricingOptions
    @OptionGroup(title: "Reading") var reading: ReadingOptions

    func validate() throws {
        guard ["base", "head"].contains(policyFrom) else {
            throw ValidationError("invalid --policy-from '\(policyFrom)': expected base or head")
        }
    }

    func run() throws {
        let terminal = Terminal.detect(noColor: noColor)
        let day = try PolicyOptions(policy: nil, today: today).day()
        let baseTree = try TreeSnapshot.resolve(base)
        defer { baseTree.remove() }
        let headTree = try TreeSnapshot.resolve(head)
        defer { headTree.remove() }
        let baseFiles = RootedFileSystem(root: baseTree.root)
        let headFiles = RootedFileSystem(root: headTree.root)

        let choice = try DiffPolicyChoice.choose(explicit: policy, from: policyFrom, base: baseFiles, head: headFiles)
        for note in choice.notes { terminal.err("costgate: \(note)\n") }
        let (loaded, policyDiagnostics) = PolicySource.explicit(choice.path).load(fileSystem: choice.fileSystem)
        guard let policy = loaded else {
            for diagnostic in policyDiagnostics { terminal.err(terminal.render(diagnostic)) }
            terminal.err("costgate: the policy from the \(choice.side) is unusable: nothing was gated (exit 2)\n")
            throw ExitCode(ExitStatus.inputUnusable.rawValue)
        }
        // The --prices file is the caller's, read from the working directory rather than either tree.
        let settings = RunSettings.resolve(policy: policy, flags: try RunSettings.Flags(reading: reading, pricing: pricing), today: day,
                                           fileSystem: LocalFileSystem())
        // A path on one side only (a file the change adds or removes) is simply absent from the other.
        let inputs = paths.isEmpty ? ["."] : paths
        let missing = inputs.filter { !baseFiles.exists($0) && !headFiles.exists($0) }
        guard missing.isEmpty else {
            throw ValidationError("not in either tree: \(missing.joined(separator: ", "))")
        }
        let baseInputs = inputs.filter { baseFiles.exists($0) }
        let headInputs = inputs.filter { headFiles.exists($0) }
        let baseResult = CheckPipeline(fileSystem: baseFiles).run(paths: baseInputs, policy: policy, reading: settings.reading,
                                                                  pricing: settings.pricing, today: day, exclude: reading.exclude)
        var headResult = CheckPipeline(fileSystem: headFiles).run(paths: headInputs, policy: policy, reading: settings.reading,
                                                                  pricing: settings.pricing, today: day, exclude: reading.exclude)
        headResult.estimation.diagnostics = (policyDiagnostics + settings.diagnostics + headResult.estimation.diagnostics).sorted()
        let diff = CostDiff.compute(base: baseResult, head: headResult, policy: policy, policySide: choice.side,
                                    policyChanged: choice.changed)
        let status = diff.exitStatus(failOnWarn: failOnWarn)

        let unwritten = try output.emit(Gated(diff, exitStatus: status), style: ReportStyle(color: terminal.colorOutput, listUnchanged: all),
                                        terminal)
        let baseErrors = baseResult.estimation.diagnostics.filter { $0.severity == .error }.count
        if baseErrors > 0 {
            terminal.err("costgate: the base (\(base)) has \(baseErrors) unusable input\(baseErrors == 1 ? "" : "s"); "
                         + "its costs are incomplete, so deltas may be overstated\n")
        }
        for diagnostic in headResult.estimation.diagnostics { terminal.err(terminal.render(diagnostic)) }
        if status == .inputUnusable {
            terminal.err("costgate: some input on the head side could not be used, so the check is incomplete (exit 2)\n")
        }
        try ReportOutputs<GateReportFormat>.finish(unwritten, terminal)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
