import Foundation
import CostGateBasics
import CostGateEstimation
import CostGateLedger
import CostGatePolicy
import CostGateUsage

/// The monthly audit: a pure function of the policy, the repository's estimates, the ledger's runs and
/// the usage rows, for one month seen on one day.
public struct Auditor: Sendable {
    public var policy: Policy
    public var month: CalendarMonth
    public var today: CalendarDay

    public init(policy: Policy, month: CalendarMonth, today: CalendarDay) {
        self.policy = policy
        self.month = month
        self.today = today
    }

    /// Days of the month still ahead, counting today: the share recurring workloads are projected over.
    public var remainingFraction: Decimal {
        let days = CalendarDay.days(inMonth: month.month, year: month.year)
        if (today.year, today.month) < (month.year, month.month) { return 1 }
        if (today.year, today.month) > (month.year, month.month) { return 0 }
        return Decimal(days - today.day + 1) / Decimal(days)
    }

    public func audit(estimates: [Estimate], ledger: [LedgerEntry], usage: [UsageRecord], diagnostics: [Diagnostic] = [],
                      usageRows: [UsageRecord.Source: Int] = [:]) -> AuditReport {
        let rows = usage.filter { $0.month == month }
        var actual: [String: Decimal] = [:]
        var shared: Decimal = 0
        var realised = Set<String>()
        for row in rows {
            if !row.shared, let team = UsageAttributionRules.team(for: row, policy: policy) {
                actual[team.name, default: 0] += row.cost
            } else {
                shared += row.cost
            }
            realised.insert(row.id)
            if let name = row.name { realised.insert(name) }
        }

        // Ledger runs this month not yet seen in the usage: still to be billed.
        var committed: [String: Decimal] = [:]
        var accuracy: [String: AuditReport.Accuracy] = [:]
        let entries = ledger.filter { $0.month == month.description && !$0.voided }
        for entry in entries {
            guard let team = entry.team else { continue }
            let keys = Self.matchKeys(entry)
            let matched = rows.filter { row in keys.contains(row.id) || row.name.map(keys.contains) == true }
            if matched.isEmpty {
                committed[team, default: 0] += entry.amount
            } else {
                var line = accuracy[team] ?? AuditReport.Accuracy(team: team, runs: 0, estimated: 0, actual: 0)
                line.runs += 1
                line.estimated += entry.amount
                line.actual += matched.reduce(0) { $0 + $1.cost }
                accuracy[team] = line
            }
        }

        // What the repository's recurring and long-running workloads will still cost this month.
        var projected: [String: Decimal] = [:]
        let recurring = estimates.filter { $0.workload.pattern != .oneOff }
        let gate = GateEvaluator(policy: policy, today: today).evaluate(recurring)
        for verdict in gate.workloads {
            guard let team = verdict.team else { continue }
            projected[team, default: 0] += verdict.monthlyCost * remainingFraction
        }

        // Shared cost: even among the teams with a quota, or in proportion to their direct spend.
        let direct = policy.teams.map { actual[$0.name] ?? 0 }.reduce(0, +)
        let sharing = policy.teams.filter { $0.quota.monthly != nil }
        var shares: [String: Decimal] = [:]
        if shared > 0 {
            switch policy.audit.sharedCost {
            case .even where !sharing.isEmpty:
                for team in sharing { shares[team.name] = shared / Decimal(sharing.count) }
            case .proportional where direct > 0:
                for team in policy.teams { shares[team.name] = shared * (actual[team.name] ?? 0) / direct }
            default:
                break
            }
        }

        var lines: [AuditReport.TeamLine] = []
        for team in policy.teams {
            let spent = actual[team.name] ?? 0
            let pending = committed[team.name] ?? 0
            let ahead = projected[team.name] ?? 0
            let share = shares[team.name] ?? 0
            guard spent + pending + ahead + share > 0 || team.quota.monthly != nil else { continue }
            let total = spent + pending + ahead + (policy.audit.mode == .chargeback ? share : 0)
            var verdict = AuditReport.Verdict.ok
            if let quota = team.quota.monthly {
                if total > quota { verdict = .over } else if QuotaArithmetic.reachesWarning(total, cap: quota, warnAt: team.quota.warnAt) { verdict = .warn }
            }
            lines.append(AuditReport.TeamLine(
                team: team.name, enforcement: team.enforcement ?? policy.enforcement, actual: spent, committed: pending,
                projectedRecurring: ahead, sharedShare: share, quota: team.quota.monthly, warnAt: team.quota.warnAt,
                projected: total, verdict: verdict))
        }
        var counts = usageRows
        if counts.isEmpty { for row in usage { counts[row.source, default: 0] += 1 } }
        return AuditReport(month: month, today: today, remainingFraction: remainingFraction, mode: policy.audit.mode,
                           split: policy.audit.sharedCost, teams: lines, shared: shared,
                           accuracy: accuracy.values.sorted { $0.team < $1.team }, diagnostics: diagnostics.sorted(),
                           policyFile: policy.file, usageRows: counts)
    }

    /// What a ledger run can be found under in a usage export: its identity, its workload's name, and an
    /// sbatch job's name (`slurm/train.sbatch#llm` → `llm`).
    package static func matchKeys(_ entry: LedgerEntry) -> Set<String> {
        var keys: Set<String> = [entry.workload, entry.name]
        if let last = entry.name.split(separator: "/").last { keys.insert(String(last)) }
        if let hash = entry.workload.lastIndex(of: "#") { keys.insert(String(entry.workload[entry.workload.index(after: hash)...])) }
        return keys
    }
}
