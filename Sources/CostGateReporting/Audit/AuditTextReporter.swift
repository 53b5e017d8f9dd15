import Foundation
import CostGateBasics
import CostGateRun

/// `costgate audit` for people: one row per team with actual, committed, projected and quota.
public enum AuditTextReporter {
    public static func render(_ report: AuditReport) -> String {
        var out = "Audit \(report.month) on \(report.today): \(Int(truncating: NSDecimalNumber(decimal: (report.remainingFraction * 100).rounded(0))))% "
            + "of the month ahead; \(report.mode.rawValue), shared cost split \(report.split.rawValue)\n\n"
        if report.teams.isEmpty {
            out += "no team spent, committed or runs anything this month\n"
        } else {
            var table = TextTable(headers: ["TEAM", "MODE", "ACTUAL", "COMMITTED", "RECURRING", "SHARED", "PROJECTED", "QUOTA", "USED", "VERDICT"],
                                  alignments: [.left, .left, .right, .right, .right, .right, .right, .right, .right, .left])
            for line in report.teams {
                table.rows.append([
                    line.team, line.enforcement.rawValue, MoneyFormat.usd(line.actual), MoneyFormat.usd(line.committed),
                    MoneyFormat.usd(line.projectedRecurring), MoneyFormat.usd(line.sharedShare), MoneyFormat.usd(line.projected),
                    line.quota.map(MoneyFormat.usd) ?? "-", line.utilisation.map { "\($0.rounded(0))%" } ?? "-", verdict(line),
                ])
            }
            out += table.rendered()
        }
        out += "\nShared and idle cost: \(MoneyFormat.usd(report.shared))"
            + (report.mode == .chargeback ? " (charged to teams)\n" : " (shown, not charged: showback)\n")
        if !report.accuracy.isEmpty {
            out += "\nEstimate accuracy (ledger runs matched with their actual cost):\n"
            var table = TextTable(headers: ["TEAM", "RUNS", "ESTIMATED", "ACTUAL", "ACTUAL/ESTIMATE"],
                                  alignments: [.left, .right, .right, .right, .right])
            for line in report.accuracy {
                table.rows.append([line.team, "\(line.runs)", MoneyFormat.usd(line.estimated), MoneyFormat.usd(line.actual),
                                   line.ratio.map { "\($0.rounded(0))%" } ?? "-"])
            }
            out += table.rendered()
        }
        let over = report.teams.filter { $0.verdict == .over }
        let warned = report.teams.filter { $0.verdict == .warn }
        let word = report.exitStatus == .inputUnusable ? "ERROR" : report.exitStatus == .overBudget ? "OVER" : (over.isEmpty && warned.isEmpty ? "OK" : "OK with warnings")
        out += "\n\(word): \(report.teams.count) team\(report.teams.count == 1 ? "" : "s"), \(over.count) over, \(warned.count) warned; "
            + "usage rows \(report.usageRows.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ").ifEmpty("none")); "
            + "policy \(report.policyFile) (exit \(report.exitStatus.rawValue))\n"
        return out
    }

    package static func verdict(_ line: AuditReport.TeamLine) -> String {
        switch line.verdict {
        case .ok: return "ok"
        case .warn: return "warn"
        case .over: return line.enforcement == .showback ? "over (showback)" : "OVER"
        }
    }
}

extension String {
    package func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
