/// The policy's own `rules:`, each on the workloads its selector picks; their ids are the policy's.
package enum PolicyRuleCheck: WorkloadCheck {
    package static func violations(_ subject: CheckedWorkload) -> [Violation] {
        let workload = subject.workload
        return subject.policy.rules.compactMap { rule in
            guard rule.selector.selects(subject.estimate, team: subject.team?.name), let why = rule.check.violation(subject.estimate) else {
                return nil
            }
            return Violation(rule.id, rule.severity == .deny ? .deny : .warn, "\(rule.message): \(workload.displayName) \(why)",
                             at: rule.check.pointsAtCost ? workload.costLocation : workload.source)
        }
    }
}
