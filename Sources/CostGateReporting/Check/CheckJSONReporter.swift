import Foundation
import CostGateBasics
import CostGatePolicy
import CostGateRun

/// `costgate check --format json`: the estimate schema (version 1) plus the gate's decisions
/// (documented in docs/json-schema.md).
public enum CheckJSONReporter {
    public static func render(_ result: CheckResult, exitStatus: ExitStatus) -> String {
        document(result, exitStatus: exitStatus).rendered()
    }

    /// `depth`: how many objects the document is nested in (a diff holds two), for the layout of the
    /// workloads rendered ahead.
    public static func document(_ result: CheckResult, exitStatus: ExitStatus, depth: Int = 0) -> JSONValue {
        let gate = result.gate
        var members = EstimateJSONReporter.members(result.estimation)
        let verdicts = Dictionary(gate.workloads.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let estimation = result.estimation
        members["workloads"] = .array(parallelMap(estimation.rows) { row in
            switch row {
            case .priced(let index):
                let estimate = estimation.estimates[index]
                return .rendered(EstimateJSONReporter.workload(estimate, indent: 4 + 2 * depth,
                                                               gate: verdicts[estimate.workload.id].map(verdict) ?? .null))
            case .unpriced(let index):
                let item = estimation.unpriced[index]
                return .rendered(EstimateJSONReporter.unpricedWorkload(item, indent: 4 + 2 * depth,
                                                                       gate: verdicts[item.workload.id].map(verdict) ?? .null))
            }
        })
        members["policy"] = .object([
            "file": .string(result.policy.file),
            "version": .int(result.policy.version),
            "enforcement": .string(result.policy.enforcement.rawValue),
            "unowned": .string(result.policy.unowned.rawValue),
        ])
        members["today"] = .string(gate.today.description)
        members["ledger"] = result.ledgerPath.map { path in
            .object(["file": .string(path), "recorded": .array(result.recorded.map { entry in
                .object(["id": entry.id.map { .int(Int($0)) } ?? .null, "workload": .string(entry.workload), "team": .optional(entry.team),
                         "amount": .money(entry.amount), "month": .string(entry.month)])
            })])
        } ?? .null
        members["findings"] = .array(gate.findings.map(finding))
        members["teams"] = .array(gate.teams.map(team))
        members["summary"] = .object([
            "workloads": .int(gate.workloads.count),
            "pass": .int(gate.count(.pass)),
            "outcomes": .object(Dictionary(uniqueKeysWithValues: WorkloadVerdict.Outcome.allCases.map { ($0.rawValue, .int(gate.count($0))) })),
            "inputWarnings": .int(result.inputWarnings),
            "unreadGPUDocuments": .int(gate.findings.count { $0.ruleID == Diagnostic.unreadGPURule }),
            "denies": .int(gate.denies),
            "warnings": .int(gate.warnings),
            "waived": .int(gate.waived),
            "errors": .int(result.estimation.diagnostics.filter { $0.severity == .error }.count),
            "verdict": .string(verdictName(result, exitStatus: exitStatus)),
            "exitCode": .int(Int(exitStatus.rawValue)),
        ])
        return .object(members)
    }

    package static func verdictName(_ result: CheckResult, exitStatus: ExitStatus) -> String {
        if exitStatus == .inputUnusable { return "error" }
        switch result.gate.verdict {
        case .deny: return "deny"
        case .warn: return "warn"
        case .note: return "pass"
        }
    }

    package static func verdict(_ verdict: WorkloadVerdict) -> JSONValue {
        .object([
            "team": .optional(verdict.team),
            "attribution": .string(verdict.attribution),
            "figure": .string(verdict.figure.rawValue),
            "perRunCost": verdict.perRunCost.map(JSONValue.money) ?? .null,
            "perRunCap": verdict.perRunCap.map(JSONValue.money) ?? .null,
            "monthlyCost": .money(verdict.monthlyCost),
            "accelerators": .int(verdict.gpus),
            "acceleratorCap": .optional(verdict.gpuCap),
            "exceptions": .array(verdict.exceptions.map(EstimateJSONReporter.location)),
            "status": .string(verdict.cannotPrice != nil ? "cannot-price" : status(verdict.status)),
            "outcome": .string(verdict.outcome.rawValue),
            "waived": .bool(verdict.waived),
        ])
    }

    package static func finding(_ finding: Finding) -> JSONValue {
        .object([
            "ruleId": .string(finding.ruleID),
            "level": .string(finding.level.rawValue),
            "message": .string(finding.message),
            "file": .string(finding.location.file),
            "line": .int(finding.location.line),
            "column": .int(finding.location.column),
            "workload": .optional(finding.workload),
            "team": .optional(finding.team),
            "showback": .bool(finding.showback),
            "waiver": finding.waiver.map { waiver in
                .object([
                    "reason": .string(waiver.reason), "expires": .string(waiver.expires.description),
                    "file": .string(waiver.location.file), "line": .int(waiver.location.line),
                ])
            } ?? .null,
        ])
    }

    package static func team(_ summary: TeamSummary) -> JSONValue {
        .object([
            "team": .optional(summary.team),
            "enforcement": .string(summary.enforcement.rawValue),
            "workloads": .int(summary.workloads),
            "oneOff": .money(summary.oneOff),
            "recurring": .money(summary.recurring),
            "committed": .money(summary.committed),
            "monthly": .money(summary.monthly),
            "monthlyQuota": summary.monthlyCap.map(JSONValue.money) ?? .null,
            "remaining": summary.remaining.map(JSONValue.money) ?? .null,
            "perRunQuota": summary.perRunCap.map(JSONValue.money) ?? .null,
            "figure": .string(summary.figure.rawValue),
            "monthlyScale": .string(summary.monthlyScale.rawValue),
            "status": .string(status(summary.status)),
            "unpriced": .int(summary.unpriced),
        ])
    }

    package static func status(_ level: Finding.Level) -> String { level == .note ? "pass" : level.rawValue }
}
