import Foundation
import CostGateBasics
import CostGatePolicy
import CostGateUsage

/// A month's audit: per team what was spent, what is committed, what the repository will still run,
/// against the quota; shared cost; and how well estimates matched actual runs.
public struct AuditReport: Sendable {
    public enum Verdict: String, Sendable, Hashable, Comparable {
        case ok, warn, over

        private var rank: Int { self == .ok ? 0 : self == .warn ? 1 : 2 }
        public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.rank < rhs.rank }
    }

    public struct TeamLine: Sendable {
        public var team: String
        public var enforcement: Enforcement
        /// Usage attributed to the team this month.
        public var actual: Decimal
        /// Ledger runs approved this month that no usage row shows yet.
        public var committed: Decimal
        /// Recurring and long-running workloads in the inputs, for the rest of the month.
        public var projectedRecurring: Decimal
        /// The team's part of shared and idle cost (added to `projected` only in chargeback).
        public var sharedShare: Decimal
        public var quota: Decimal?
        public var warnAt: Decimal
        /// actual + committed + projectedRecurring (+ sharedShare in chargeback).
        public var projected: Decimal
        public var verdict: Verdict

        public var utilisation: Decimal? { quota.flatMap { $0 > 0 ? projected / $0 * 100 : nil } }
    }

    /// An estimate recorded in the ledger next to the actual run it became.
    public struct Accuracy: Sendable {
        public var team: String
        public var runs: Int
        public var estimated: Decimal
        public var actual: Decimal

        /// actual / estimated, percent.
        public var ratio: Decimal? { estimated > 0 ? actual / estimated * 100 : nil }
    }

    public var month: CalendarMonth
    public var today: CalendarDay
    /// Share of the month still ahead (0…1) that recurring workloads are projected over.
    public var remainingFraction: Decimal
    public var mode: AuditSettings.Mode
    public var split: AuditSettings.SharedSplit
    public var teams: [TeamLine]
    /// Idle and unattributed usage this month.
    public var shared: Decimal
    public var accuracy: [Accuracy]
    public var diagnostics: [Diagnostic]
    public var policyFile: String
    /// Usage rows read, by source.
    public var usageRows: [UsageRecord.Source: Int]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// 2 on unusable input, 1 when a team in enforce mode is over, else 0.
    public var exitStatus: ExitStatus {
        if hasErrors { return .inputUnusable }
        return teams.contains { $0.verdict == .over && $0.enforcement == .enforce } ? .overBudget : .success
    }
}
