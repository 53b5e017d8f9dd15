import Foundation
import CostGateBasics
import CostGateEstimation
import CostGatePolicy

/// Compares two gated sides of a change. A pure function of the two check results and the policy.
public enum CostDiff {
    public static func compute(base: CheckResult, head: CheckResult, policy: Policy, policySide: String = "base",
                               policyChanged: Bool = false) -> DiffResult {
        let baseVerdicts = Dictionary(base.gate.workloads.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let headVerdicts = Dictionary(head.gate.workloads.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let baseEstimates = Dictionary(base.estimation.estimates.map { ($0.workload.id, $0) }, uniquingKeysWith: { first, _ in first })
        let headEstimates = Dictionary(head.estimation.estimates.map { ($0.workload.id, $0) }, uniquingKeysWith: { first, _ in first })

        var changes: [WorkloadChange] = []
        for id in Set(baseEstimates.keys).union(headEstimates.keys).sorted() {
            let old = baseEstimates[id]
            let new = headEstimates[id]
            let oldVerdict = baseVerdicts[id]
            let newVerdict = headVerdicts[id]
            let kind: WorkloadChange.Kind
            switch (old, new) {
            case (nil, _?): kind = .added
            case (_?, nil): kind = .removed
            case (let old?, let new?): kind = same(old, new, oldVerdict, newVerdict) ? .unchanged : .changed
            case (nil, nil): continue
            }
            changes.append(WorkloadChange(
                id: id, displayName: (new ?? old)!.workload.displayName, kind: kind, base: old, head: new,
                baseMonthly: oldVerdict?.monthlyCost ?? 0, headMonthly: newVerdict?.monthlyCost ?? 0,
                team: newVerdict?.team ?? oldVerdict?.team, status: newVerdict?.status ?? .note))
        }

        var findings = head.gate.findings
        var teams: [TeamDelta] = []
        let names: [String?] = policy.teams.map(\.name) + [nil]
        for name in names {
            let members = changes.filter { $0.team == name }
            guard !members.isEmpty else { continue }
            let summary = head.gate.teams.first { $0.team == name }
            let before = base.gate.teams.first { $0.team == name }?.monthly ?? 0
            let after = summary?.monthly ?? 0
            var status = summary?.status ?? .note
            if let team = policy.teams.first(where: { $0.name == name }),
               let finding = increaseFinding(team: team, before: before, after: after, members: members, policy: policy,
                                             today: head.gate.today) {
                findings.append(finding)
                if finding.counts { status = Swift.max(status, finding.level) }
            }
            teams.append(TeamDelta(team: name, base: before, head: after, monthlyCap: summary?.monthlyCap, status: status))
        }
        if policyChanged {
            findings.append(Finding(ruleID: BuiltinRule.policyChanged.id, level: .note,
                message: "the policy \(policy.file) differs between base and head; this change is gated with the \(policySide)'s, "
                    + "so it cannot loosen its own gate (the new policy applies after merging)",
                location: .wholeFile(policy.file)))
        }
        return DiffResult(base: base, head: head, changes: changes, teams: teams, findings: findings.sorted(),
                          policySide: policySide, policyChanged: policyChanged)
    }

    /// Whether a workload costs and looks the same on both sides (to the cent).
    package static func same(_ old: Estimate, _ new: Estimate, _ oldVerdict: WorkloadVerdict?, _ newVerdict: WorkloadVerdict?) -> Bool {
        func cents(_ cost: CostFigures) -> [Decimal] {
            [cost.expected, cost.onDemand, cost.min, cost.max, cost.p90 ?? 0].map { $0.rounded(2) }
        }
        return cents(old.cost) == cents(new.cost) && old.workload.roles == new.workload.roles
            && old.workload.durationHours == new.workload.durationHours && oldVerdict?.team == newVerdict?.team
    }

    /// The team's `maxIncrease` / `maxIncreasePercent`: how much one change may add to its month.
    package static func increaseFinding(team: Team, before: Decimal, after: Decimal, members: [WorkloadChange], policy: Policy,
                                today: CalendarDay) -> Finding? {
        let delta = after - before
        guard delta > 0 else { return nil }
        var reasons: [String] = []
        if let cap = team.quota.maxIncrease, delta > cap {
            reasons.append("more than its cap of \(MoneyFormat.usd(cap)) per change")
        }
        if let share = team.quota.maxIncreasePercent, before > 0, delta > before * share {
            reasons.append("more than \(QuotaArithmetic.percent(share, of: 1)) of its \(MoneyFormat.usd(before)) before the change")
        }
        guard !reasons.isEmpty else { return nil }
        let top = members.filter { $0.delta > 0 }.max { lhs, rhs in lhs.delta != rhs.delta ? lhs.delta < rhs.delta : lhs.id > rhs.id }
        let location = top.map { ($0.head ?? $0.base)!.workload.costLocation } ?? team.location
        let percent = before > 0 ? " (+\(QuotaArithmetic.percent(delta, of: before)))" : ""
        let message = "this change adds \(MoneyFormat.usd(delta))\(percent) to the month of team '\(team.name)', "
            + reasons.joined(separator: " and ") + (top.map { "; largest: \($0.displayName) +\(MoneyFormat.usd($0.delta))" } ?? "")
        var finding = Finding(ruleID: BuiltinRule.increaseQuota.id, level: .deny, message: message, location: location,
                              workload: nil, team: team.name)
        let waiver = policy.exceptions.first { exception in
            exception.target == .team(team.name) && !exception.isExpired(on: today) && exception.waive.contains(BuiltinRule.increaseQuota.id)
        }
        if let waiver {
            finding.waiver = Finding.Waiver(reason: waiver.reason, expires: waiver.expires, location: waiver.location)
        }
        if (team.enforcement ?? policy.enforcement) == .showback {
            finding.level = .warn
            finding.showback = true
        }
        return finding
    }
}
