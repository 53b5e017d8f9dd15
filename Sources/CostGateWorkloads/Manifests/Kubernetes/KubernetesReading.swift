import CostGateBasics

/// What one Kubernetes document yields.
public struct KubernetesReading: Sendable {
    public var workloads: [Workload] = []
    public var autoscalers: [HorizontalPodAutoscaler] = []
    public var diagnostics: [Diagnostic] = []
    /// Kubeflow TrainJobs and their runtimes, joined across files after reading (`TrainJobJoin`).
    package var trainJobs: [KubernetesObject] = []
    package var trainingRuntimes: [KubernetesObject] = []

    public init() {}

    package mutating func append(_ other: KubernetesReading) {
        workloads += other.workloads
        autoscalers += other.autoscalers
        diagnostics += other.diagnostics
        trainJobs += other.trainJobs
        trainingRuntimes += other.trainingRuntimes
    }
}
