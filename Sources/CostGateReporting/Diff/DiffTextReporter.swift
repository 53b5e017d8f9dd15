import Foundation
import CostGateBasics
import CostGatePolicy
import CostGateRun

/// `costgate diff` for people: the changed workloads with old and new monthly cost, each team's month
/// before and after, the findings, one summary line.
public struct DiffTextReporter: Sendable {
    public var color: Bool
    /// Show unchanged workloads too.
    public var all: Bool

    public init(color: Bool = false, all: Bool = false) {
        self.color = color
        self.all = all
    }

    public func render(_ diff: DiffResult, exitStatus: ExitStatus) -> String {
        var out = ""
        let shown = all ? diff.changes : diff.changed
        if shown.isEmpty {
            out += "no workload changes cost (\(diff.changes.count) compared)\n"
        } else {
            var table = TextTable(headers: ["CHANGE", "WORKLOAD", "SOURCE", "TEAM", "BEFORE", "AFTER", "DELTA", "STATUS"],
                                  alignments: [.left, .left, .left, .left, .right, .right, .right, .left])
            for change in shown {
                table.rows.append([
                    change.kind.rawValue, change.displayName, "\(change.location.file):\(change.location.line)", change.team ?? "(unowned)",
                    change.base == nil ? "-" : MoneyFormat.usd(change.baseMonthly), change.head == nil ? "-" : MoneyFormat.usd(change.headMonthly),
                    Self.signed(change.delta) + (change.percent.map { " (\(Self.signedPercent($0)))" } ?? ""),
                    change.kind == .removed ? "-" : Self.status(change.status),
                ])
            }
            out += table.rendered(bold: bold)
        }
        if !diff.teams.isEmpty {
            out += "\n" + bold("Teams, month \(diff.head.estimation.month)") + "\n"
            var table = TextTable(headers: ["TEAM", "BEFORE", "AFTER", "DELTA", "QUOTA", "STATUS"],
                                  alignments: [.left, .right, .right, .right, .right, .left])
            for team in diff.teams {
                table.rows.append([team.team ?? "(unowned)", MoneyFormat.usd(team.base), MoneyFormat.usd(team.head), Self.signed(team.delta),
                                   team.monthlyCap.map(MoneyFormat.usd) ?? "-", Self.status(team.status)])
            }
            out += table.rendered(bold: bold)
        }
        if !diff.findings.isEmpty {
            out += "\n" + bold("Findings (head)") + "\n"
            let lines = CheckTextReporter(color: color)
            for finding in diff.findings { out += lines.line(finding) }
        }
        out += "\n" + summary(diff, exitStatus: exitStatus) + "\n"
        return out
    }

    package func summary(_ diff: DiffResult, exitStatus: ExitStatus) -> String {
        let counts = WorkloadChange.Kind.allCases.filter { $0 != .unchanged }.compactMap { kind -> String? in
            let count = diff.changes.filter { $0.kind == kind }.count
            return count > 0 ? "\(count) \(kind.rawValue)" : nil
        }
        let word: String
        switch exitStatus {
        case .inputUnusable: word = "ERROR"
        case .overBudget: word = "FAIL"
        default: word = diff.warnings > 0 ? "PASS with warnings" : "PASS"
        }
        var parts = [counts.isEmpty ? "no cost changes" : counts.joined(separator: ", "),
                     "month \(MoneyFormat.usd(diff.baseTotal)) → \(MoneyFormat.usd(diff.headTotal)) (\(Self.signed(diff.delta)))",
                     "\(diff.warnings) warning\(diff.warnings == 1 ? "" : "s")", "\(diff.denies) den\(diff.denies == 1 ? "y" : "ies")"]
        if diff.waived > 0 { parts.append("\(diff.waived) waived") }
        return "\(word): \(parts.joined(separator: ", ")); policy \(diff.head.policy.file) from the \(diff.policySide) (exit \(exitStatus.rawValue))"
    }

    package static func signed(_ value: Decimal) -> String {
        value.rounded(2) == 0 ? "$0.00" : (value > 0 ? "+" : "") + MoneyFormat.usd(value)
    }

    package static func signedPercent(_ value: Decimal) -> String {
        (value > 0 ? "+" : "") + "\(value.rounded(0))%"
    }

    package static func status(_ level: Finding.Level) -> String { level == .note ? "pass" : level == .deny ? "DENY" : "warn" }

    private func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
}
