import Foundation
import CostGateBasics

/// One decision of the gate about a workload or a team, at the manifest line that causes it.
public struct Finding: Sendable, Hashable {
    public enum Level: String, Sendable, Hashable, Comparable {
        case note, warn, deny

        private var rank: Int { self == .note ? 0 : self == .warn ? 1 : 2 }
        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }
    }

    /// A policy rule id, or a built-in check (`per-run-quota`, `monthly-quota`, `gpu-quota`, `unowned`,
    /// `exception-expired`, `exception-unused`).
    public var ruleID: String
    /// After enforcement: a showback team's deny is a warning.
    public var level: Level
    public var message: String
    public var location: SourceLocation
    /// The workload's id; nil for findings about the policy itself.
    public var workload: String?
    public var team: String?
    /// The exception that waives this finding: it stays visible and never fails the run.
    public var waiver: Waiver?
    /// The finding would deny, but its team (or the policy) is in showback mode.
    public var showback: Bool

    public struct Waiver: Sendable, Hashable {
        public var reason: String
        public var expires: CalendarDay
        public var location: SourceLocation

        package init(reason: String, expires: CalendarDay, location: SourceLocation) {
            (self.reason, self.expires, self.location) = (reason, expires, location)
        }
    }

    public init(ruleID: String, level: Level, message: String, location: SourceLocation, workload: String? = nil, team: String? = nil,
                waiver: Waiver? = nil, showback: Bool = false) {
        self.ruleID = ruleID
        self.level = level
        self.message = message
        self.location = location
        self.workload = workload
        self.team = team
        self.waiver = waiver
        self.showback = showback
    }

    /// Whether it counts towards the verdict (not waived).
    public var counts: Bool { waiver == nil }
}

extension Finding: Comparable {
    /// By place, then the most serious first, then rule and message: the same order on every run.
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.level != rhs.level { return lhs.level > rhs.level }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        return lhs.message < rhs.message
    }
}
