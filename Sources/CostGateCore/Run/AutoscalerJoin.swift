/// Joins each HorizontalPodAutoscaler to the workload it scales (same namespace, kind and name):
/// the target's replicas become the range minReplicas…maxReplicas.
enum AutoscalerJoin {
    static func apply(_ autoscalers: [HorizontalPodAutoscaler], to workloads: inout [Workload]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for hpa in autoscalers {
            let namespace = hpa.namespace ?? "default"
            let matches = workloads.indices.filter {
                workloads[$0].name == hpa.targetName && (workloads[$0].namespace ?? "default") == namespace
                    && (hpa.targetKind.isEmpty || workloads[$0].kind == hpa.targetKind)
            }
            guard let index = matches.first else {
                diagnostics.append(Diagnostic(.note, at: hpa.location,
                    "HorizontalPodAutoscaler '\(hpa.name)' scales \(hpa.targetKind) '\(hpa.targetName)', which is not in the input; it adds no cost here",
                    rule: "hpa-target-missing"))
                continue
            }
            for roleIndex in workloads[index].roles.indices {
                // The HPA counts the target's replicas (a LeaderWorkerSet's groups); a role may hold several pods per replica.
                let perReplica = workloads[index].roles[roleIndex].podsPerReplica
                let declared = perReplica > 0 ? workloads[index].roles[roleIndex].replicas.nominal / perReplica : 0
                let nominal = min(max(declared, hpa.minReplicas), hpa.maxReplicas)
                workloads[index].roles[roleIndex].replicas = ReplicaRange(min: hpa.minReplicas, nominal: nominal, max: hpa.maxReplicas) * perReplica
            }
            workloads[index].assumptions.append(
                "scaled by HorizontalPodAutoscaler '\(hpa.name)' (\(hpa.location)): \(hpa.minReplicas)…\(hpa.maxReplicas) replicas")
        }
        return diagnostics
    }
}
