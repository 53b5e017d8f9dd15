import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGateEstimation

/// One of the gate's checks on a single workload: a quota, `unowned`, or the policy's rules.
package protocol WorkloadCheck {
    /// What the workload breaks, in the order the findings are listed; empty when it passes.
    static func violations(_ subject: CheckedWorkload) -> [Violation]
}

/// What the checks see of one workload: its estimate, the team that owns it, the quota that applies
/// (the team's, else the policy's defaults) and the live exceptions that name it.
package struct CheckedWorkload {
    package var estimate: Estimate
    package var team: Team?
    package var quota: Quota
    package var exceptions: [PolicyException]
    package var policy: Policy

    package var workload: Workload { estimate.workload }

    /// The gated figure of the whole estimate (expected, or a spot quantile), USD.
    package var figure: Decimal { quota.figure.value(of: estimate.cost) }
}

/// A finding as a check states it, before exceptions waive it and showback softens it.
package struct Violation: Equatable {
    package var ruleID: String
    package var level: Finding.Level
    package var message: String
    package var location: SourceLocation

    package init(_ ruleID: String, _ level: Finding.Level, _ message: String, at location: SourceLocation) {
        self.ruleID = ruleID
        self.level = level
        self.message = message
        self.location = location
    }

    /// The finding after the first exception that waives this rule, and after enforcement: a showback
    /// team's deny is shown as a warning.
    package func finding(workload: String?, team: String?, enforcement: Enforcement, exceptions: [PolicyException]) -> Finding {
        var result = Finding(ruleID: ruleID, level: level, message: message, location: location, workload: workload, team: team)
        if let waiver = exceptions.first(where: { $0.waive.contains(ruleID) }) {
            result.waiver = Finding.Waiver(reason: waiver.reason, expires: waiver.expires, location: waiver.location)
        }
        if level == .deny, enforcement == .showback {
            result.level = .warn
            result.showback = true
        }
        return result
    }
}

/// Thresholds and percentages every quota words the same way.
package enum QuotaArithmetic {
    /// Whether `cost` has reached the warning share of `cap` (a `warnAt` of 100% never warns below the cap).
    package static func reachesWarning(_ cost: Decimal, cap: Decimal, warnAt: Decimal) -> Bool {
        warnAt < 1 && cost >= cap * warnAt
    }

    /// `125%` (whole percent, rounded half up); `∞` against a zero cap.
    package static func percent(_ value: Decimal, of whole: Decimal) -> String {
        guard whole > 0 else { return value > 0 ? "∞%" : "0%" }
        return "\((value / whole * 100).rounded(0))%"
    }
}
