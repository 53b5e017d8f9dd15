import Foundation
import CostGateBasics

/// `per-run-quota`: one run's gated figure against the team's cap, which an exception naming the
/// workload may raise. Long-running workloads have no runs; a CronJob's run is its month over its runs.
package enum PerRunQuotaCheck: WorkloadCheck {
    package static let id = BuiltinRule.perRunQuota.id

    /// The gated figure of one run, USD; nil for long-running workloads.
    package static func cost(_ subject: CheckedWorkload) -> Decimal? {
        switch subject.workload.pattern {
        case .oneOff: return subject.figure
        case .recurring(let runs, _): return runs > 0 ? subject.figure / Decimal(runs) : 0
        case .longRunning: return nil
        }
    }

    /// The cap that applies, USD: the largest an exception for the workload sets, else the team's.
    package static func cap(_ subject: CheckedWorkload) -> Decimal? {
        subject.exceptions.compactMap(\.perRun).max() ?? subject.quota.perRun
    }

    package static func violations(_ subject: CheckedWorkload) -> [Violation] {
        // Only a team's quota is enforced: the defaults give an unowned workload a figure, not a cap.
        guard let cost = cost(subject), let cap = cap(subject), let team = subject.team else { return [] }
        let quota = subject.quota
        let workload = subject.workload
        let raised = subject.exceptions.contains { $0.perRun != nil } ? " (raised by an exception)" : ""
        let what = "\(quota.figure == .expected ? "expected cost" : "\(quota.figure.rawValue) cost") of one run \(MoneyFormat.usd(cost))"
        if cost > cap {
            return [Violation(id, .deny, "\(workload.displayName): \(what) exceeds team '\(team.name)' per-run quota "
                              + "\(MoneyFormat.usd(cap))\(raised) by \(MoneyFormat.usd(cost - cap)) (\(QuotaArithmetic.percent(cost, of: cap)))",
                              at: workload.costLocation)]
        }
        if QuotaArithmetic.reachesWarning(cost, cap: cap, warnAt: quota.warnAt) {
            return [Violation(id, .warn, "\(workload.displayName): \(what) is \(QuotaArithmetic.percent(cost, of: cap)) of team '\(team.name)' "
                              + "per-run quota \(MoneyFormat.usd(cap))\(raised) (warns at \(QuotaArithmetic.percent(quota.warnAt, of: 1)))",
                              at: workload.costLocation)]
        }
        return []
    }
}
