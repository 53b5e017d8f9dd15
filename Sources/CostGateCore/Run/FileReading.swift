import CostGateBasics
import CostGateWorkloads

/// What one input file yields before the input set is joined and priced.
struct FileReading: Sendable {
    var workloads: [Workload] = []
    /// The workloads' hashes, made on the core that read them (see `WorkloadTable.hashes`).
    var hashes: [WorkloadHashes] = []
    var autoscalers: [HorizontalPodAutoscaler] = []
    var diagnostics: [Diagnostic] = []
    var trainJobs: [KubernetesObject] = []
    var trainingRuntimes: [KubernetesObject] = []
}
