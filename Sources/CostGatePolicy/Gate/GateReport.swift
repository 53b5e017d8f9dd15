import Foundation
import CostGateBasics

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

    /// How many workloads came to each outcome; every workload in exactly one.
    public func count(_ outcome: WorkloadVerdict.Outcome) -> Int { workloads.count { $0.outcome == outcome } }

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
    /// Why the workload could not be priced (its costs are then zero and unknown); nil when priced.
    public var cannotPrice: String?

    public init(id: String, displayName: String, source: SourceLocation, team: String?, attribution: String, figure: GatedFigure,
                perRunCost: Decimal?, monthlyCost: Decimal, perRunCap: Decimal?, gpus: Int, gpuCap: Int?,
                exceptions: [SourceLocation], status: Finding.Level, waived: Bool, cannotPrice: String? = nil) {
        self.id = id
        self.displayName = displayName
        self.source = source
        self.team = team
        self.attribution = attribution
        self.figure = figure
        self.perRunCost = perRunCost
        self.monthlyCost = monthlyCost
        self.perRunCap = perRunCap
        self.gpus = gpus
        self.gpuCap = gpuCap
        self.exceptions = exceptions
        self.status = status
        self.waived = waived
        self.cannotPrice = cannotPrice
    }

    /// What one workload came to, each workload in exactly one: the counts of a summary add up.
    public var outcome: Outcome {
        if cannotPrice != nil { return .cannotPrice }
        switch status {
        case .deny: return .deny
        case .warn: return .warn
        case .note: return waived ? .waived : .pass
        }
    }

    public enum Outcome: String, Sendable, CaseIterable {
        case pass, warn, deny, waived
        case cannotPrice = "cannot-price"
    }
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
    /// The team's workloads that could not be priced: its month is incomplete.
    public var unpriced: Int = 0

    public var remaining: Decimal? { monthlyCap.map { $0 - monthly } }
}
