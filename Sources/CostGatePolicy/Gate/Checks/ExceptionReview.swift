import CostGateBasics

/// `exception-expired` and `exception-unused`: exceptions that lapsed (saying which workloads they would
/// still cover) and live ones that matched nothing in this check.
package enum ExceptionReview {
    package static let expiredID = BuiltinRule.exceptionExpired.id
    package static let unusedID = BuiltinRule.exceptionUnused.id

    /// `used`: indices of the live exceptions that applied; `expiredMatches`: for each expired one, the
    /// workloads it would have applied to, in estimate order.
    package static func findings(_ policy: Policy, today: CalendarDay, used: Set<Int>, expiredMatches: [Int: [String]]) -> [Finding] {
        var findings: [Finding] = []
        for (index, exception) in policy.exceptions.enumerated() {
            if exception.isExpired(on: today) {
                let matched = expiredMatches[index].map { names in
                    "; it would apply to \(names.prefix(3).joined(separator: ", "))\(names.count > 3 ? " and \(names.count - 3) more" : "")"
                } ?? ""
                findings.append(Finding(ruleID: expiredID, level: .warn,
                    message: "exception for \(exception.targetText) expired on \(exception.expires) (\(exception.reason)) and no longer "
                        + "applies\(matched): renew it or remove it", location: exception.location))
            } else if !used.contains(index) {
                findings.append(Finding(ruleID: unusedID, level: .note,
                    message: "exception for \(exception.targetText) matches no workload in this check (\(exception.reason))",
                    location: exception.location))
            }
        }
        return findings
    }
}
