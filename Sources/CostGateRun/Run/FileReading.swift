import CostGateBasics
import CostGateWorkloads

/// What one input file yields before the input set is joined and priced.
package struct FileReading: Sendable {
    package var workloads: [Workload] = []
    /// The workloads' hashes, made on the core that read them (see `WorkloadTable.hashes`).
    package var hashes: [WorkloadHashes] = []
    package var autoscalers: [HorizontalPodAutoscaler] = []
    package var diagnostics: [Diagnostic] = []
    package var trainJobs: [KubernetesObject] = []
    package var trainingRuntimes: [KubernetesObject] = []
}
