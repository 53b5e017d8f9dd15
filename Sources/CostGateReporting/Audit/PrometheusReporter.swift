import Foundation
import CostGateRun

/// `costgate audit --format prometheus`: the text exposition format, for a node_exporter textfile
/// collector or a Pushgateway, so dashboards can chart each team's month.
public enum PrometheusReporter {
    public static func render(_ report: AuditReport) -> String {
        var out = ""
        func metric(_ name: String, _ help: String, _ values: [(labels: [(String, String)], value: Decimal)]) {
            out += "# HELP costgate_\(name) \(help)\n# TYPE costgate_\(name) gauge\n"
            for entry in values {
                let labels = ([("month", report.month.description)] + entry.labels).map { "\($0.0)=\"\(escape($0.1))\"" }.joined(separator: ",")
                out += "costgate_\(name){\(labels)} \(entry.value.rounded(2))\n"
            }
        }
        let teams = report.teams
        metric("team_actual_usd", "Actual spend this month, USD.", teams.map { ([("team", $0.team)], $0.actual) })
        metric("team_committed_usd", "Runs approved in the ledger and not yet billed, USD.", teams.map { ([("team", $0.team)], $0.committed) })
        metric("team_projected_usd", "Projected spend at month end, USD.", teams.map { ([("team", $0.team)], $0.projected) })
        metric("team_quota_usd", "Monthly quota, USD.", teams.compactMap { line in line.quota.map { ([("team", line.team)], $0) } })
        metric("team_utilisation_ratio", "Projected spend over the monthly quota.",
               teams.compactMap { line in line.utilisation.map { ([("team", line.team)], $0 / 100) } })
        metric("team_over_quota", "1 when the projection is over the quota.", teams.map { ([("team", $0.team)], $0.verdict == .over ? 1 : 0) })
        metric("shared_usd", "Shared and idle spend this month, USD.", [([], report.shared)])
        return out
    }

    /// Label values: backslash, double quote and newline escaped.
    package static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
    }
}
