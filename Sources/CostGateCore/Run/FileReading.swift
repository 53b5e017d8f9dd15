/// What one input file yields before the input set is joined and priced.
struct FileReading: Sendable {
    var workloads: [Workload] = []
    var autoscalers: [HorizontalPodAutoscaler] = []
    var diagnostics: [Diagnostic] = []
    var trainJobs: [KubernetesObject] = []
    var trainingRuntimes: [KubernetesObject] = []
}
