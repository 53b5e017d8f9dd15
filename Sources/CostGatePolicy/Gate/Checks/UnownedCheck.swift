/// `unowned`: a workload no team's match claims, at the level the policy's `unowned:` says.
package enum UnownedCheck: WorkloadCheck {
    package static let id = BuiltinRule.unowned.id

    package static func violations(_ subject: CheckedWorkload) -> [Violation] {
        guard subject.team == nil else { return [] }
        let policy = subject.policy
        let workload = subject.workload
        let level: Finding.Level
        switch policy.unowned {
        case .deny: level = .deny
        case .warn: level = .warn
        case .allow: return []
        }
        return [Violation(id, level,
                          "\(workload.displayName) is owned by no team (\(TeamAttribution.identity(workload))); the policy's "
                          + "'unowned: \(policy.unowned.rawValue)' applies: add a team match or "
                          + (workload.apiVersion == nil ? "#COSTGATE --team" : "a costgate.dev/team annotation"),
                          at: workload.source)]
    }
}
