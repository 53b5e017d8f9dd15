/// What one Kubernetes document yields.
public struct KubernetesReading: Sendable {
    public var workloads: [Workload] = []
    public var autoscalers: [HorizontalPodAutoscaler] = []
    public var diagnostics: [Diagnostic] = []

    public init() {}

    mutating func append(_ other: KubernetesReading) {
        workloads += other.workloads
        autoscalers += other.autoscalers
        diagnostics += other.diagnostics
    }
}
