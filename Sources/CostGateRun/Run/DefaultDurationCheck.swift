import CostGateBasics
import CostGateWorkloads

/// A run time costgate had to assume is said at the workload's line: a cost built on an invented
/// duration must never look like one the manifest declared.
package enum DefaultDurationCheck {
    package static let rule = "default-duration"

    /// One diagnostic per one-off or recurring workload priced with the default run time: a warning
    /// where it runs accelerators (the run time decides most of the cost), a note otherwise.
    package static func diagnostics(for workloads: [Workload]) -> [Diagnostic] {
        workloads.compactMap { workload in
            guard workload.durationSource == .default, workload.pattern != .longRunning else { return nil }
            let declare = workload.apiVersion == nil
                ? "add '#COSTGATE --duration=30h' (or a --time limit)"
                : "add the annotation costgate.dev/duration (e.g. '36h') or activeDeadlineSeconds"
            let gpus = workload.acceleratorCount.max > 0
            return Diagnostic(gpus ? .warning : .note, at: workload.source,
                "\(workload.displayName) declares no run time: priced for the default of "
                + "\(DecimalText.description(workload.durationHours)) h (--default-duration, the policy's pricing.defaultDuration); "
                + declare, rule: rule)
        }
    }
}
