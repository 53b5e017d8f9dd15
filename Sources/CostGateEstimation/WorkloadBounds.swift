import Foundation
import CostGateBasics
import CostGateWorkloads

/// The largest figures costgate prices. Each is far beyond any real workload, and together they keep
/// every product of counts, hours and rates exact (well inside `Int` and `Decimal`), so a typo such as
/// `replicas: 10000000000` is an error at its line instead of an overflow or a meaningless bill.
public enum WorkloadBounds {
    /// Replicas (pods, nodes) of one role: Kubernetes' scalability envelope is 150,000 pods per cluster.
    public static let replicas = 1_000_000
    /// Accelerator devices of one pod or node: the largest machines hold 16 GPUs (7 MIG slices each).
    public static let acceleratorsPerReplica = 4_096
    /// Tasks of one SLURM array: Slurm's `MaxArraySize` is at most 4,000,001.
    public static let arrayTasks = 4_000_001
    /// Hours of one run (or of the month being priced): ten years.
    public static let hours: Decimal = 87_600
    /// vCPUs of one pod or node.
    public static let cpus: Decimal = 100_000

    /// The first figure of `workload` beyond its bound, as the reason it cannot be priced.
    public static func violation(of workload: Workload) -> EstimateError? {
        for role in workload.roles {
            let at = role.accelerator?.location ?? workload.source
            if role.replicas.max > replicas {
                return .outOfRange(workload: workload.displayName, figure: "replicas of '\(role.name)'",
                                   value: "\(role.replicas.max)", limit: "\(replicas)", at: workload.source)
            }
            if let count = role.accelerator?.count, count > acceleratorsPerReplica {
                return .outOfRange(workload: workload.displayName, figure: "accelerators per replica of '\(role.name)'",
                                   value: "\(count)", limit: "\(acceleratorsPerReplica)", at: at)
            }
            if role.podsPerReplica > replicas {
                return .outOfRange(workload: workload.displayName, figure: "pods per replica of '\(role.name)'",
                                   value: "\(role.podsPerReplica)", limit: "\(replicas)", at: workload.source)
            }
            // DecimalMath's comparison: Foundation's normalizes both sides through its general routines.
            if role.cpu.isNaN || DecimalMath.isLess(cpus, role.cpu) {
                return .outOfRange(workload: workload.displayName, figure: "vCPUs per replica of '\(role.name)'",
                                   value: "\(role.cpu)", limit: "\(cpus)", at: workload.source)
            }
        }
        if let tasks = workload.arrayTasks, tasks > arrayTasks {
            return .outOfRange(workload: workload.displayName, figure: "array tasks", value: "\(tasks)",
                               limit: "\(arrayTasks)", at: workload.source)
        }
        if workload.durationHours.isNaN || DecimalMath.isLess(hours, workload.durationHours) {
            return .outOfRange(workload: workload.displayName, figure: "run time (hours)", value: DecimalText.rounded(workload.durationHours, places: 0),
                               limit: "\(hours)", at: workload.source)
        }
        return nil
    }
}
