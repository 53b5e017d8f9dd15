import Foundation
import CostGateBasics
import CostGatePolicy
import CostGateRun

/// The human-readable report of `costgate check`: each workload's verdict, the findings at their
/// manifest lines, each team's month against its quota, and one summary line.
public struct CheckTextReporter: Sendable {
    public var verbose: Bool
    public var color: Bool

    public init(verbose: Bool = false, color: Bool = false) {
        self.verbose = verbose
        self.color = color
    }

    public func render(_ result: CheckResult, exitStatus: ExitStatus) -> String {
        let gate = result.gate
        var output = ""
        if gate.workloads.isEmpty {
            output += "no workloads to check in \(result.estimation.fileCount) file\(result.estimation.fileCount == 1 ? "" : "s")\n"
        } else {
            var table = TextTable(headers: ["WORKLOAD", "SOURCE", "TEAM", "GATED ON", "PER RUN", "RUN QUOTA", "MONTH", "STATUS"],
                                  alignments: [.left, .left, .left, .left, .right, .right, .right, .left])
            for verdict in gate.workloads {
                if let reason = verdict.cannotPrice {
                    table.rows.append([
                        verdict.displayName, "\(verdict.source.file):\(verdict.source.line)", verdict.team ?? "(unowned)",
                        verdict.figure.rawValue, "cannot price: \(reason)", verdict.perRunCap.map(MoneyFormat.usd) ?? "-", "?",
                        paint("ERROR", .deny),
                    ])
                    continue
                }
                table.rows.append([
                    verdict.displayName, "\(verdict.source.file):\(verdict.source.line)", verdict.team ?? "(unowned)",
                    verdict.figure.rawValue, verdict.perRunCost.map(MoneyFormat.usd) ?? "-",
                    verdict.perRunCap.map(MoneyFormat.usd) ?? "-", MoneyFormat.usd(verdict.monthlyCost),
                    status(verdict.status, waived: verdict.waived),
                ])
            }
            output += table.rendered(bold: bold)
        }
        if !gate.findings.isEmpty {
            output += "\n" + bold("Findings") + "\n"
            for finding in gate.findings { output += line(finding) }
        }
        if !gate.teams.isEmpty {
            output += "\n" + bold("Teams, \(result.estimation.month)") + "\n"
            // The ledger column only when a ledger was consulted: the plain check's table stays as it was.
            let ledger = result.ledgerPath != nil
            var table = TextTable(headers: ["TEAM", "MODE", "WORKLOADS", "ONE-OFF", "RECURRING"] + (ledger ? ["COMMITTED"] : [])
                                      + ["MONTH", "QUOTA", "REMAINING", "STATUS"],
                                  alignments: [.left, .left, .right, .right, .right] + (ledger ? [.right] : []) + [.right, .right, .right, .left])
            for summary in gate.teams {
                table.rows.append([
                    summary.team ?? "(unowned)", summary.enforcement.rawValue,
                    summary.unpriced > 0 ? "\(summary.workloads) (+\(summary.unpriced) unpriced)" : "\(summary.workloads)",
                    MoneyFormat.usd(summary.oneOff),
                    MoneyFormat.usd(summary.recurring)] + (ledger ? [MoneyFormat.usd(summary.committed)] : []) + [
                    MoneyFormat.usd(summary.monthly), summary.monthlyCap.map(MoneyFormat.usd) ?? "-",
                    summary.remaining.map(MoneyFormat.usd) ?? "-", status(summary.status, waived: false),
                ])
            }
            output += table.rendered(bold: bold)
        }
        if verbose {
            for verdict in gate.workloads {
                output += "\n" + bold(verdict.displayName) + " (\(verdict.source))\n  team: \(verdict.attribution)\n"
            }
        }
        output += "\n" + summary(result, exitStatus: exitStatus) + "\n"
        return output
    }

    /// `path:line:column: deny: message [rule]`, then how it was waived or softened.
    package func line(_ finding: Finding) -> String {
        var text = "\(finding.location): \(paint(finding.level.rawValue, finding.counts ? finding.level : .note)): \(finding.message) [\(finding.ruleID)]\n"
        if finding.showback { text += "  showback: this would deny; the team's enforcement is 'showback'\n" }
        if let waiver = finding.waiver {
            text += "  waived until \(waiver.expires) by the exception at \(waiver.location): \(waiver.reason)\n"
        }
        return text
    }

    /// `FAIL: 10 workloads: 6 pass, 2 warn, 1 deny, 1 waived; …`: every workload in exactly one outcome,
    /// then the findings and input problems, so no warning on standard error goes uncounted.
    package func summary(_ result: CheckResult, exitStatus: ExitStatus) -> String {
        let gate = result.gate
        var outcomes = [WorkloadVerdict.Outcome.pass, .warn, .deny].map { "\(gate.count($0)) \($0.rawValue)" }
        if gate.count(.waived) > 0 { outcomes.append("\(gate.count(.waived)) waived") }
        if gate.count(.cannotPrice) > 0 { outcomes.append("\(gate.count(.cannotPrice)) cannot be priced") }
        var parts = ["\(ReadingSummary.count(gate.workloads.count, "workload")): \(outcomes.joined(separator: ", "))"]
        var findings = [ReadingSummary.count(gate.denies, "deny finding"), ReadingSummary.count(gate.warnings, "warning")]
        if gate.waived > 0 { findings.append("\(gate.waived) waived") }
        parts.append(findings.joined(separator: ", "))
        let unread = gate.findings.count { $0.ruleID == Diagnostic.unreadGPURule }
        if unread > 0 { parts.append("\(ReadingSummary.count(unread, "document")) with GPUs not read") }
        let warnings = result.inputWarnings
        let errors = result.estimation.diagnostics.count { $0.severity == .error }
        if warnings > 0 || errors > 0 {
            parts.append("input: \(ReadingSummary.count(warnings, "warning")), \(ReadingSummary.count(errors, "error"))")
        }
        let word: String
        switch exitStatus {
        case .inputUnusable: word = paint("ERROR", .deny)
        case .overBudget: word = paint("FAIL", .deny)
        default: word = gate.warnings + warnings > 0 ? paint("PASS with warnings", .warn) : "PASS"
        }
        return "\(word): \(parts.joined(separator: "; ")); policy \(result.policy.file), "
            + "prices from the catalog dated \(result.estimation.catalogDate) (exit \(exitStatus.rawValue))"
    }

    private func status(_ level: Finding.Level, waived: Bool) -> String {
        switch level {
        case .deny: return paint("DENY", .deny)
        case .warn: return paint("warn", .warn)
        case .note: return waived ? "waived" : "pass"
        }
    }

    private func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }

    private func paint(_ text: String, _ level: Finding.Level) -> String {
        guard color else { return text }
        switch level {
        case .deny: return "\u{1B}[1;31m\(text)\u{1B}[0m"
        case .warn: return "\u{1B}[1;33m\(text)\u{1B}[0m"
        case .note: return text
        }
    }
}
