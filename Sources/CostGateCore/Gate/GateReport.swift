import Foundation

/// Everything the gate decided: findings, each workload's verdict, each team's month.
public struct GateReport: Sendable {
    public var policyFile: String
    /// The day exceptions were checked against.
    public var today: CalendarDay
    /// Sorted by place.
    public var findings: [Finding]
    /// In estimate order.
    public var workloads: [WorkloadVerdict]
    /// In policy order; the unowned workloads last when there are any.
    public var teams: [TeamSummary]

    public var denies: Int { findings.filter { $0.counts && $0.level == .deny }.count }
    public var warnings: Int { findings.filter { $0.counts && $0.level == .warn }.count }
    public var waived: Int { findings.filter { !$0.counts }.count }

    /// The outcome before input errors are considered (those make the run exit 2 whatever this says).
    public var verdict: Finding.Level {
        denies > 0 ? .deny : warnings > 0 ? .warn : .note
    }
}

/// How one workload fared.
public struct WorkloadVerdict: Sendable {
    public var id: String
    public var displayName: String
    public var source: SourceLocation
    public var team: String?
    /// Why the team owns it (`namespace 'vision-train' matches 'vision-*' (policy.yaml:12:9)`).
    public var attribution: String
    public var figure: GatedFigure
    /// The gated figure of one run; nil for long-running workloads.
    public var perRunCost: Decimal?
    /// What it adds to its team's month.
    public var monthlyCost: Decimal
    public var perRunCap: Decimal?
    /// Accelerators at the largest scale.
    public var gpus: Int
    public var gpuCap: Int?
    /// Exceptions that apply (by their place in the policy).
    public var exceptions: [SourceLocation]
    /// The worst counting finding: `note` when it passes.
    public var status: Finding.Level
    public var waived: Bool
}

/// One team's spending in this check against its quota.
public struct TeamSummary: Sendable {
    /// nil for workloads no team owns.
    public var team: String?
    public var enforcement: Enforcement
    public var workloads: Int
    /// The month: recurring and long-running workloads plus this check's one-off runs.
    public var monthly: Decimal
    public var oneOff: Decimal
    public var recurring: Decimal
    /// Runs approved earlier this month (the ledger), already part of `monthly`.
    public var committed: Decimal
    public var monthlyCap: Decimal?
    public var perRunCap: Decimal?
    public var figure: GatedFigure
    public var monthlyScale: MonthlyScale
    public var status: Finding.Level

    public var remaining: Decimal? { monthlyCap.map { $0 - monthly } }
}
