import Foundation
import CostGateBasics
import CostGatePolicy
import CostGateRun

/// `costgate audit --format markdown`: for a scheduled workflow's job summary.
public enum AuditMarkdownReporter {
    public static func render(_ report: AuditReport) -> String {
        let over = report.teams.filter { $0.verdict == .over }.count
        let warned = report.teams.filter { $0.verdict == .warn }.count
        let icon = report.exitStatus == .inputUnusable ? "⚠️" : over > 0 ? "❌" : warned > 0 ? "⚠️" : "✅"
        var out = "### \(icon) costgate audit \(report.month): \(over) over, \(warned) warned\n\n"
        out += "| Team | Actual | Committed | Recurring ahead | Shared | Projected | Quota | Used | Verdict |\n|---|--:|--:|--:|--:|--:|--:|--:|---|\n"
        for line in report.teams {
            out += "| \(line.team) | \(MoneyFormat.usd(line.actual)) | \(MoneyFormat.usd(line.committed)) | \(MoneyFormat.usd(line.projectedRecurring)) "
                + "| \(MoneyFormat.usd(line.sharedShare)) | \(MoneyFormat.usd(line.projected)) | \(line.quota.map(MoneyFormat.usd) ?? "–") "
                + "| \(line.utilisation.map { "\($0.rounded(0))%" } ?? "–") | \(line.verdict == .over ? "❌ over" : line.verdict == .warn ? "⚠️ warn" : "✅ ok") |\n"
        }
        out += "\nShared and idle: \(MoneyFormat.usd(report.shared)) (\(report.mode.rawValue), split \(report.split.rawValue)).\n"
        if !report.accuracy.isEmpty {
            out += "\n| Team | Runs | Estimated | Actual | Actual / estimate |\n|---|--:|--:|--:|--:|\n"
            for line in report.accuracy {
                out += "| \(line.team) | \(line.runs) | \(MoneyFormat.usd(line.estimated)) | \(MoneyFormat.usd(line.actual)) | \(line.ratio.map { "\($0.rounded(0))%" } ?? "–") |\n"
            }
        }
        return out + "\n<sub>costgate · policy `\(report.policyFile)` · \(report.today) · exit \(report.exitStatus.rawValue)</sub>\n"
    }
}
