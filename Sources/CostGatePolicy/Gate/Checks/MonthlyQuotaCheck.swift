import Foundation
import CostGateBasics
import CostGateEstimation

/// `monthly-quota`: a team's month — recurring and long-running workloads, this check's one-off runs and
/// what the ledger already committed — against its monthly cap, which a team exception may raise. The
/// finding points at the workload that adds the most.
package enum MonthlyQuotaCheck {
    package static let id = BuiltinRule.monthlyQuota.id

    /// What one workload adds to its team's month, USD: a one-off run once; recurring and long-running
    /// ones per month, at their largest scale when the quota says `monthlyScale: max`.
    package static func contribution(_ subject: CheckedWorkload) -> Decimal {
        switch subject.workload.pattern {
        case .oneOff: return subject.figure
        case .recurring, .longRunning:
            return subject.quota.monthlyScale == .max ? Swift.max(subject.estimate.cost.max, subject.figure) : subject.figure
        }
    }

    /// A team's month as the gate adds it up.
    package struct Month {
        package var oneOff: Decimal = 0
        package var recurring: Decimal = 0
        package var count = 0
        /// Each workload with what it adds, in estimate order.
        package var contributions: [(amount: Decimal, estimate: Estimate)] = []

        package mutating func add(_ amount: Decimal, of estimate: Estimate) {
            if estimate.workload.pattern == .oneOff { oneOff += amount } else { recurring += amount }
            count += 1
            contributions.append((amount, estimate))
        }

        /// The workload adding the most; on a tie the first by identity, so the same one on every run.
        package var largest: Estimate? {
            contributions.max { lhs, rhs in
                lhs.amount != rhs.amount ? lhs.amount < rhs.amount : lhs.estimate.workload.id > rhs.estimate.workload.id
            }?.estimate
        }
    }

    /// The cap that applies, USD: the largest a team exception sets, else the team's.
    package static func cap(_ team: Team, exceptions: [PolicyException]) -> Decimal? {
        exceptions.compactMap(\.monthly).max() ?? team.quota.monthly
    }

    /// `spent`: the month including `committed` (the ledger's runs), USD.
    package static func violation(team: Team, month: Month, spent: Decimal, committed: Decimal, exceptions: [PolicyException]) -> Violation? {
        guard let cap = cap(team, exceptions: exceptions), let top = month.largest else { return nil }
        let quota = team.quota
        let raised = exceptions.contains { $0.monthly != nil } ? " (raised by an exception)" : ""
        let scale = quota.monthlyScale == .max ? "recurring at their largest scale" : "recurring at nominal scale"
        let ledger = committed > 0 ? ", plus \(MoneyFormat.usd(committed)) already committed in the ledger" : ""
        let basis = "\(quota.figure.rawValue) cost; \(scale), plus the one-off runs in this check\(ledger); largest: \(top.workload.displayName)"
        if spent > cap {
            return Violation(id, .deny, "team '\(team.name)' spends \(MoneyFormat.usd(spent)) this month, over its monthly quota \(MoneyFormat.usd(cap))"
                             + "\(raised) by \(MoneyFormat.usd(spent - cap)) (\(QuotaArithmetic.percent(spent, of: cap)); \(basis))",
                             at: top.workload.costLocation)
        }
        if QuotaArithmetic.reachesWarning(spent, cap: cap, warnAt: quota.warnAt) {
            return Violation(id, .warn, "team '\(team.name)' spends \(MoneyFormat.usd(spent)) this month, \(QuotaArithmetic.percent(spent, of: cap)) of its "
                             + "monthly quota \(MoneyFormat.usd(cap))\(raised) (warns at \(QuotaArithmetic.percent(quota.warnAt, of: 1)); \(basis))",
                             at: top.workload.costLocation)
        }
        return nil
    }
}
