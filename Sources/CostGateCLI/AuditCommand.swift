import ArgumentParser
import CostGateCore
import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGateLedger
import CostGatePolicy
import CostGateUsage
import CostGateRun
import CostGateReporting

/// `costgate audit [PATH...] --usage KIND=FILE`
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit each team's month: actual usage, ledger commitments and recurring workloads against the quota.",
        discussion: """
        Per team: what the usage exports say was spent this month, what the ledger approved that is not billed yet, what
        the recurring and long-running workloads in PATH will cost for the rest of the month, the quota and the
        projected end-of-month total. Shared and idle usage is split even or proportionally (policy 'audit:') and shown
        apart (showback) or charged to teams (chargeback). Ledger runs matched with their actual usage show how well
        estimates hold.

        Usage KINDs: sacct (sacct -a -X -P --noheader --noconvert --format=\(SacctImporter.fields.joined(separator: ","))),
        focus (a FinOps FOCUS CSV export), opencost (an OpenCost /allocation JSON response).

        Alerts go to COSTGATE_ALERTMANAGER_URL (Alertmanager API v2) and COSTGATE_WEBHOOK_URL (Slack-compatible)
        when set; a failed delivery is reported and never changes the exit status.

        Exit status: 0 every team within quota (or over in showback), 1 a team in enforce mode over, 2 unusable input.

        Examples:
          costgate audit k8s/ --usage sacct=sacct.txt --usage opencost=allocation.json --ledger spend.db
          costgate audit --usage focus=billing.csv --month 2026-11 --format prometheus > /var/lib/node_exporter/costgate.prom
        """)

    @Argument(help: ArgumentHelp("Manifests and sbatch scripts whose recurring workloads are projected (optional).", valueName: "path"))
    var paths: [String] = []

    @OptionGroup(title: "Policy") var policyOptions: PolicyOptions

    @Option(help: ArgumentHelp("The spend ledger: a SQLite file, or postgres://user@host:port/db (default: $COSTGATE_LEDGER_URL, "
                               + "then the policy's 'ledger:').", valueName: "file|url"))
    var ledger: String?

    @Option(help: ArgumentHelp("Seconds to wait for the ledger: to connect and for each operation.", valueName: "seconds"))
    var ledgerTimeout: Double = 10

    @Option(name: .customLong("usage"), help: ArgumentHelp("A usage export (repeatable): sacct=FILE, focus=FILE, opencost=FILE.",
                                                            valueName: "kind=file"))
    var usage: [String] = []

    @OptionGroup(title: "Output") var output: FormatOptions<AuditReportFormat>

    @Flag(help: "Do not send alerts even when COSTGATE_ALERTMANAGER_URL or COSTGATE_WEBHOOK_URL is set.")
    var noAlerts = false

    @Flag(help: "Alert only on teams over their quota, not on warnings.")
    var alertOnlyOver = false

    @OptionGroup(title: "Pricing") var pricing: PricingOptions
    @OptionGroup(title: "Reading") var reading: ReadingOptions

    func validate() throws {
        try policyOptions.validate(alongside: paths + usage.map { String($0.drop { $0 != "=" }.dropFirst()) })
        _ = try usageInputs()
        try LedgerLocator.validate(timeout: ledgerTimeout)
    }

    func usageInputs() throws -> [(source: UsageRecord.Source, file: String)] {
        try usage.map { spec in
            let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
            let kinds = UsageRecord.Source.allCases.map(\.rawValue)
            guard parts.count == 2, !parts[1].isEmpty, let source = UsageRecord.Source(rawValue: parts[0]) else {
                throw ValidationError("invalid --usage '\(spec)': expected KIND=FILE with KIND one of \(kinds.joined(separator: ", "))"
                                      + Suggestion.didYouMean(parts.first ?? "", in: kinds))
            }
            return (source, parts[1])
        }
    }

    func run() throws {
        let terminal = Terminal.detect(noColor: false)
        let fileSystem = LocalFileSystem()
        let today = try policyOptions.day()
        let (policy, policyDiagnostics) = try policyOptions.requireUsable(terminal: terminal, fileSystem: fileSystem, doing: "audited")
        let settings = RunSettings.resolve(policy: policy, flags: try RunSettings.Flags(reading: reading, pricing: pricing), today: today,
                                           fileSystem: fileSystem)
        var ledgerHandle: (any Ledger)?
        var ledgerDiagnostics: [Diagnostic] = []
        let locator = LedgerLocator(timeout: ledgerTimeout)
        if let (text, fromCommandLine) = locator.choose(flag: ledger, policy: policy.ledgerPath) {
            if let warning = locator.warning(about: text, fromCommandLine: fromCommandLine) { terminal.err(warning) }
            do { ledgerHandle = try locator.open(text, create: false) } catch { ledgerDiagnostics.append(error.diagnostic) }
        }
        var report = AuditPipeline(fileSystem: fileSystem).run(paths: paths, policy: policy, reading: settings.reading, pricing: settings.pricing,
                                                               today: today, ledger: ledgerHandle, usage: try usageInputs(),
                                                               exclude: reading.exclude)
        report.diagnostics = (policyDiagnostics + settings.diagnostics + ledgerDiagnostics + report.diagnostics).sorted()

        let unwritten = try output.emit(terminal) { $0.reporter.render(report) }
        for diagnostic in report.diagnostics { terminal.err(terminal.render(diagnostic)) }

        if !noAlerts {
            let (targets, problems) = AlertTarget.fromEnvironment(ProcessInfo.processInfo.environment)
            for problem in problems { terminal.err("costgate: warning: \(problem); no alert sent there\n") }
            let alerts = Alert.from(report, now: Date(), includeWarnings: !alertOnlyOver)
            if !targets.isEmpty {
                let failures = AlertSender().send(alerts, report: report, to: targets)
                for failure in failures { terminal.err("costgate: warning: \(failure)\n") }
                let delivered = targets.count - failures.count
                if !alerts.isEmpty && delivered > 0 {
                    terminal.err("costgate: \(alerts.count) alert\(alerts.count == 1 ? "" : "s") sent to "
                                 + targets.filter { target in !failures.contains { $0.contains(target.variable) } }.map(\.variable).joined(separator: ", ") + "\n")
                }
            }
        }
        try ReportOutputs<AuditReportFormat>.finish(unwritten, terminal)
        if report.exitStatus != .success { throw ExitCode(report.exitStatus.rawValue) }
    }
}
