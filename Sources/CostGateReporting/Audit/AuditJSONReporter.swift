import Foundation
import CostGateBasics
import CostGateRun

/// `costgate audit --format json` (schema version 1).
public enum AuditJSONReporter {
    public static func render(_ report: AuditReport) -> String {
        JSONValue.object([
            "schemaVersion": .int(1),
            "month": .string(report.month.description),
            "today": .string(report.today.description),
            "remainingFraction": .decimal(report.remainingFraction.rounded(4)),
            "mode": .string(report.mode.rawValue),
            "sharedSplit": .string(report.split.rawValue),
            "policy": .string(report.policyFile),
            "teams": .array(report.teams.map { line in
                .object([
                    "team": .string(line.team), "enforcement": .string(line.enforcement.rawValue), "actual": .money(line.actual),
                    "committed": .money(line.committed), "projectedRecurring": .money(line.projectedRecurring),
                    "sharedShare": .money(line.sharedShare), "projected": .money(line.projected),
                    "quota": line.quota.map(JSONValue.money) ?? .null,
                    "utilisation": line.utilisation.map { .decimal($0.rounded(1)) } ?? .null,
                    "verdict": .string(line.verdict.rawValue),
                ])
            }),
            "shared": .money(report.shared),
            "accuracy": .array(report.accuracy.map { line in
                .object(["team": .string(line.team), "runs": .int(line.runs), "estimated": .money(line.estimated),
                         "actual": .money(line.actual), "ratio": line.ratio.map { .decimal($0.rounded(1)) } ?? .null])
            }),
            "usageRows": .object(Dictionary(uniqueKeysWithValues: report.usageRows.map { ($0.key.rawValue, JSONValue.int($0.value)) })),
            "diagnostics": .array(report.diagnostics.map(EstimateJSONReporter.diagnostic)),
            "exitCode": .int(Int(report.exitStatus.rawValue)),
        ]).rendered()
    }
}
