import Foundation
import CostGateBasics
import CostGateRun

/// `costgate diff --format json` (schema version 1, docs/json-schema.md): the changes, the teams, the
/// head side's findings, and both sides' full check documents.
public enum DiffJSONReporter {
    public static func render(_ diff: DiffResult, exitStatus: ExitStatus) -> String {
        document(diff, exitStatus: exitStatus).rendered()
    }

    public static func document(_ diff: DiffResult, exitStatus: ExitStatus) -> JSONValue {
        .object([
            "schemaVersion": .int(EstimateJSONReporter.schemaVersion),
            "policy": .object(["file": .string(diff.head.policy.file), "side": .string(diff.policySide), "changed": .bool(diff.policyChanged)]),
            "changes": .array(diff.changes.map(change)),
            "teams": .array(diff.teams.map { team in
                .object([
                    "team": .optional(team.team), "before": .money(team.base), "after": .money(team.head), "delta": .money(team.delta),
                    "monthlyQuota": team.monthlyCap.map(JSONValue.money) ?? .null, "status": .string(CheckJSONReporter.status(team.status)),
                ])
            }),
            "findings": .array(diff.findings.map(CheckJSONReporter.finding)),
            "totals": .object(["before": .money(diff.baseTotal), "after": .money(diff.headTotal), "delta": .money(diff.delta)]),
            "summary": .object([
                "added": .int(diff.changes.filter { $0.kind == .added }.count),
                "removed": .int(diff.changes.filter { $0.kind == .removed }.count),
                "changed": .int(diff.changes.filter { $0.kind == .changed }.count),
                "unchanged": .int(diff.changes.filter { $0.kind == .unchanged }.count),
                "denies": .int(diff.denies), "warnings": .int(diff.warnings), "waived": .int(diff.waived),
                "exitCode": .int(Int(exitStatus.rawValue)),
            ]),
            "base": CheckJSONReporter.document(diff.base, exitStatus: diff.base.exitStatus(failOnWarn: false), depth: 1),
            "head": CheckJSONReporter.document(diff.head, exitStatus: exitStatus, depth: 1),
        ])
    }

    package static func change(_ change: WorkloadChange) -> JSONValue {
        .object([
            "id": .string(change.id),
            "name": .string(change.displayName),
            "change": .string(change.kind.rawValue),
            "team": .optional(change.team),
            "source": EstimateJSONReporter.location(change.location),
            "before": change.base == nil ? .null : .money(change.baseMonthly),
            "after": change.head == nil ? .null : .money(change.headMonthly),
            "delta": .money(change.delta),
            "percent": change.percent.map { .decimal($0.rounded(1)) } ?? .null,
            "status": .string(change.kind == .removed ? "pass" : CheckJSONReporter.status(change.status)),
        ])
    }
}
