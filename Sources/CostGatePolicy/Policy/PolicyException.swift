import Foundation
import CostGateBasics
import CostGateWorkloads

/// A time-limited exception: raised caps and waived rules for named workloads or a whole team.
public struct PolicyException: Sendable {
    public enum Target: Sendable, Hashable {
        /// Workload ids or sbatch display names.
        case workload(Glob)
        case team(String)
    }

    public var target: Target
    public var perRun: Decimal?
    public var monthly: Decimal?
    public var gpusPerWorkload: Int?
    /// Rule ids (policy rules or `per-run-quota` …) whose findings it waives.
    public var waive: [String]
    /// Last day it applies (UTC, inclusive).
    public var expires: CalendarDay
    public var reason: String
    public var location: SourceLocation

    public init(target: Target, perRun: Decimal? = nil, monthly: Decimal? = nil, gpusPerWorkload: Int? = nil, waive: [String] = [],
                expires: CalendarDay, reason: String, location: SourceLocation) {
        self.target = target
        self.perRun = perRun
        self.monthly = monthly
        self.gpusPerWorkload = gpusPerWorkload
        self.waive = waive
        self.expires = expires
        self.reason = reason
        self.location = location
    }

    public var targetText: String {
        switch target {
        case .workload(let glob): return "workload '\(glob)'"
        case .team(let name): return "team '\(name)'"
        }
    }

    public func isExpired(on day: CalendarDay) -> Bool { day > expires }

    package func applies(to workload: Workload, team: String?) -> Bool {
        switch target {
        case .workload(let glob): return workload.matches(glob)
        case .team(let name): return name == team
        }
    }
}
