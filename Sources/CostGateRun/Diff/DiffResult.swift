import Foundation
import CostGateBasics
import CostGatePolicy

/// A pull request's cost change: both sides estimated and gated with one policy (the base's by default),
/// workloads paired by identity, and the head side's verdict with the increase caps added.
public struct DiffResult: Sendable {
    public var base: CheckResult
    public var head: CheckResult
    /// Sorted by identity; unchanged workloads included (reporters may leave them out).
    public var changes: [WorkloadChange]
    /// In policy order, then unowned.
    public var teams: [TeamDelta]
    /// The head side's findings plus `increase-quota`, and a note when the policy file itself changed.
    public var findings: [Finding]
    /// Which side's policy gated the change and whether the other side's differs.
    public var policySide: String
    public var policyChanged: Bool

    public var baseTotal: Decimal { changes.reduce(0) { $0 + $1.baseMonthly } }
    public var headTotal: Decimal { changes.reduce(0) { $0 + $1.headMonthly } }
    public var delta: Decimal { headTotal - baseTotal }
    public var changed: [WorkloadChange] { changes.filter { $0.kind != .unchanged } }

    public var denies: Int { findings.filter { $0.counts && $0.level == .deny }.count }
    public var warnings: Int { findings.filter { $0.counts && $0.level == .warn }.count }
    public var waived: Int { findings.filter { !$0.counts }.count }

    /// 2 when the head side has an unusable input (a broken base only lowers the comparison's worth), else
    /// 1 on a deny (or a warning under `failOnWarn`), else 0.
    public func exitStatus(failOnWarn: Bool) -> ExitStatus {
        if head.estimation.hasErrors { return .inputUnusable }
        if denies > 0 { return .overBudget }
        return warnings > 0 && failOnWarn ? .overBudget : .success
    }
}
