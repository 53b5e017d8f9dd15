import ArgumentParser
import CostGateCore
import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGateLedger
import CostGatePolicy
import CostGateRun
import CostGateReporting

/// `costgate check PATH... --policy FILE`
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Gate workloads against a budget policy: exit 1 when a quota or rule denies.",
        discussion: """
        Estimates every workload, attributes it to a team, and checks the team's quotas, the policy's rules and its
        exceptions. Findings are printed as file:line:column, then each team's month against its quota.

        Exit status: 0 within budget (warnings allowed), 1 a deny (or a warning with --fail-on-warn),
        2 an input or the policy unusable (after printing everything else), 64 usage, 70 internal error.

        Examples:
          costgate check examples/ --policy policies/example.yaml
          costgate check job.yaml                      # uses .costgate.yaml at the repository root
          helm template chart/ | costgate check - --policy policy.yaml --format json
          costgate check k8s/ --policy policy.yaml --fail-on-warn --today 2026-12-01
          costgate check k8s/ --format github --output sarif=costgate.sarif --output markdown="$GITHUB_STEP_SUMMARY"
        """)

    @Argument(help: ArgumentHelp("Files, directories, or - for standard input.", valueName: "path"))
    var paths: [String]

    @OptionGroup(title: "Policy") var policyOptions: PolicyOptions

    @OptionGroup(title: "Output") var output: OutputOptions

    @Flag(help: "Exit 1 on warnings too.")
    var failOnWarn = false

    @Flag(name: .shortAndLong, help: "Say why each workload belongs to its team.")
    var verbose = false

    @Flag(help: "Never colour the output.")
    var noColor = false

    @OptionGroup(title: "Ledger") var ledger: LedgerOptions
    @OptionGroup(title: "Pricing") var pricing: PricingOptions
    @OptionGroup(title: "Reading") var reading: ReadingOptions

    func validate() throws {
        try policyOptions.validate(alongside: paths)
    }

    func run() throws {
        let terminal = Terminal.detect(noColor: noColor)
        let fileSystem = LocalFileSystem()
        let today = try policyOptions.day()
        let (policy, policyDiagnostics) = try policyOptions.requireUsable(terminal: terminal, fileSystem: fileSystem, doing: "gated")
        let settings = RunSettings.resolve(policy: policy, flags: try RunSettings.Flags(reading: reading, pricing: pricing), today: today,
                                           fileSystem: fileSystem)
        let ledgerUse = try ledger.use(policy: policy, failOnWarn: failOnWarn)
        var result = CheckPipeline(fileSystem: fileSystem)
            .run(paths: paths, policy: policy, reading: settings.reading, pricing: settings.pricing, today: today, ledger: ledgerUse,
                 exclude: reading.exclude)
        result.estimation.diagnostics = (policyDiagnostics + settings.diagnostics + result.estimation.diagnostics).sorted()
        let status = result.exitStatus(failOnWarn: failOnWarn)

        let unwritten = try output.emit(Gated(result, exitStatus: status), style: ReportStyle(verbose: verbose, color: terminal.colorOutput),
                                        terminal)
        ProcessLifetime.outlive(result)
        for diagnostic in result.estimation.diagnostics { terminal.err(terminal.render(diagnostic)) }
        if let path = result.ledgerPath, ledger.record {
            let total = result.recorded.reduce(Int64(0)) { $0 + $1.amountCents }
            terminal.err(result.recorded.isEmpty
                ? "costgate: nothing recorded in the ledger \(path): the check did not pass\n"
                : "costgate: recorded \(result.recorded.count) run\(result.recorded.count == 1 ? "" : "s") "
                  + "(\(MoneyFormat.usd(Decimal(total) / 100))) in the ledger \(path)\n")
        }
        if status == .inputUnusable {
            let count = result.estimation.diagnostics.filter { $0.severity == .error }.count
            terminal.err("costgate: \(count) error\(count == 1 ? "" : "s"): some input could not be used, so the check is incomplete (exit 2)\n")
        }
        try ReportOutputs<GateReportFormat>.finish(unwritten, terminal)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
