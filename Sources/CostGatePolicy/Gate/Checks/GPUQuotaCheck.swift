/// `gpu-quota`: the accelerators a workload holds at its largest scale against the team's cap per
/// workload, which an exception naming the workload may raise.
package enum GPUQuotaCheck: WorkloadCheck {
    package static let id = BuiltinRule.gpuQuota.id

    /// Accelerators at the largest scale (an autoscaler's maximum, an elastic job's ceiling).
    package static func gpus(_ subject: CheckedWorkload) -> Int { subject.workload.acceleratorCount.max }

    package static func cap(_ subject: CheckedWorkload) -> Int? {
        subject.exceptions.compactMap(\.gpusPerWorkload).max() ?? subject.quota.gpusPerWorkload
    }

    package static func violations(_ subject: CheckedWorkload) -> [Violation] {
        let gpus = gpus(subject)
        guard let cap = cap(subject), let team = subject.team, gpus > cap else { return [] }
        return [Violation(id, .deny, "\(subject.workload.displayName) uses up to \(gpus) accelerators; team '\(team.name)' allows \(cap) per workload",
                          at: subject.workload.costLocation)]
    }
}
