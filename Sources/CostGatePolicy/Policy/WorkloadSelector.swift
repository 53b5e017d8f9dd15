import CostGateBasics
import CostGateWorkloads
import CostGateEstimation

/// Which workloads a rule applies to; every criterion given must hold (an empty selector selects all).
public struct WorkloadSelector: Sendable, Hashable {
    /// Workload ids (`Job/ml/train-*`) or sbatch display names (`SlurmJob/pretrain`).
    public var workloads: [Glob] = []
    public var namespaces: [Glob] = []
    /// Kinds (`Job`, `PyTorchJob`, `SlurmJob`).
    public var kinds: [String] = []
    /// Owning teams (after attribution).
    public var teams: [String] = []
    /// Accelerator models priced for the workload.
    public var gpus: [GPUModel] = []

    public init(workloads: [Glob] = [], namespaces: [Glob] = [], kinds: [String] = [], teams: [String] = [], gpus: [GPUModel] = []) {
        self.workloads = workloads
        self.namespaces = namespaces
        self.kinds = kinds
        self.teams = teams
        self.gpus = gpus
    }

    public func selects(_ estimate: Estimate, team: String?) -> Bool {
        let workload = estimate.workload
        if !workloads.isEmpty, !workloads.contains(where: { $0.matches(workload.id) || $0.matches(workload.displayName) }) {
            return false
        }
        if !namespaces.isEmpty {
            guard workload.apiVersion != nil, Glob.any(namespaces, match: workload.namespace ?? "default") else { return false }
        }
        if !kinds.isEmpty, !kinds.contains(workload.kind) { return false }
        if !teams.isEmpty, !teams.contains(where: { $0 == team }) { return false }
        if !gpus.isEmpty {
            let models = Set(estimate.prices.compactMap(\.model) + workload.roles.compactMap { $0.accelerator?.model })
            guard gpus.contains(where: models.contains) else { return false }
        }
        return true
    }
}

/// Wildcard matching for the exact workload a waiver names.
extension Workload {
    package func matches(_ glob: Glob) -> Bool { glob.matches(id) || glob.matches(displayName) }
}
