import Foundation
import CostGateBasics
import CostGateEstimation
import CostGatePolicy

/// One workload compared across a change: added, removed, changed or unchanged, with what it adds to
/// its team's month on each side (the gated figure; one-off runs once, recurring per month).
public struct WorkloadChange: Sendable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case added, removed, changed, unchanged
    }

    public var id: String
    public var displayName: String
    public var kind: Kind
    public var base: Estimate?
    public var head: Estimate?
    public var baseMonthly: Decimal
    public var headMonthly: Decimal
    /// The owning team on the head side (the base side for removed workloads).
    public var team: String?
    /// The head side's verdict (`note` = pass); removed workloads pass.
    public var status: Finding.Level

    public var delta: Decimal { headMonthly - baseMonthly }

    /// The delta as a share of the base, percent; nil for added workloads or a zero base.
    public var percent: Decimal? { baseMonthly > 0 ? delta / baseMonthly * 100 : nil }

    /// Where to point a reviewer: the head's manifest, or the base's for a removed workload.
    public var location: SourceLocation { (head ?? base)!.workload.source }
}

/// A team's month before and after a change.
public struct TeamDelta: Sendable {
    public var team: String?
    public var base: Decimal
    public var head: Decimal
    public var monthlyCap: Decimal?
    public var status: Finding.Level

    public var delta: Decimal { head - base }
}
