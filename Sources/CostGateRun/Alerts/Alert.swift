import Foundation
import CostGateBasics
import CostGatePolicy

/// One alert about a team's month, ready for Alertmanager or a chat webhook.
public struct Alert: Sendable, Hashable {
    public var labels: [String: String]
    public var annotations: [String: String]
    public var startsAt: Date
    /// Alertmanager resolves the alert after this unless a later audit sends it again.
    public var endsAt: Date

    public init(labels: [String: String], annotations: [String: String], startsAt: Date, endsAt: Date) {
        self.labels = labels
        self.annotations = annotations
        self.startsAt = startsAt
        self.endsAt = endsAt
    }

    /// One alert per team that is over its quota (`critical`) or past its warning threshold (`warning`).
    /// They last `validFor` seconds (a nightly audit re-sends them; a fixed team's alert resolves by itself).
    public static func from(_ report: AuditReport, now: Date, validFor: TimeInterval = 26 * 3600, includeWarnings: Bool = true) -> [Alert] {
        report.teams.compactMap { line -> Alert? in
            guard line.verdict == .over || (line.verdict == .warn && includeWarnings) else { return nil }
            let quota = line.quota.map(MoneyFormat.usd) ?? "none"
            let used = line.utilisation.map { "\($0.rounded(0))%" } ?? "-"
            return Alert(
                labels: ["alertname": "CostgateTeamQuota", "team": line.team, "severity": line.verdict == .over ? "critical" : "warning",
                         "quota": "monthly", "month": report.month.description, "enforcement": line.enforcement.rawValue],
                annotations: [
                    "summary": "Team \(line.team) is \(line.verdict == .over ? "projected over" : "close to") its \(report.month) quota (\(used) of \(quota))",
                    "description": "actual \(MoneyFormat.usd(line.actual)), committed \(MoneyFormat.usd(line.committed)), recurring ahead "
                        + "\(MoneyFormat.usd(line.projectedRecurring)), shared \(MoneyFormat.usd(line.sharedShare)); projected "
                        + "\(MoneyFormat.usd(line.projected)) against \(quota) (policy \(report.policyFile), audit of \(report.today))",
                    "projected": "\(line.projected.rounded(2))", "quota_usd": line.quota.map { "\($0.rounded(2))" } ?? "",
                    "actual": "\(line.actual.rounded(2))",
                ],
                startsAt: now, endsAt: now.addingTimeInterval(validFor))
        }
    }
}
