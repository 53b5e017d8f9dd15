/// Joins each HorizontalPodAutoscaler to the workload it scales (same namespace, kind and name):
/// the target's replicas become the range minReplicas…maxReplicas.
enum AutoscalerJoin {
    static func apply(_ autoscalers: [HorizontalPodAutoscaler], to workloads: inout WorkloadTable) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        guard !autoscalers.isEmpty else { return diagnostics }
        // Workload indexes by (namespace, name), in input order: one scan instead of one per HPA
        // (thousands of HPAs × thousands of workloads made this join quadratic).
        // The first workload of each name in one table, the rare later ones in another.
        // Only workloads some HPA names are indexed (one name lookup each for the others).
        // Names are compared by hash first (`WorkloadTable.hashes`), so only likely targets are read.
        let targets = Set(autoscalers.map(\.targetName))
        let targetHashes = Set(targets.map(\.hashValue))
        var first: [NamespacedName: Int] = [:]
        first.reserveCapacity(autoscalers.count)
        var later: [NamespacedName: [Int]] = [:]
        let hashes = workloads.hashes
        for index in workloads.indices
        where targetHashes.contains(hashes[index].name) && targets.contains(workloads[index].name) {
            let key = NamespacedName(namespace: workloads[index].namespace ?? "default", name: workloads[index].name)
            if let earlier = first.updateValue(index, forKey: key) {
                first[key] = earlier
                later[key, default: []].append(index)
            }
        }
        for hpa in autoscalers {
            let key = NamespacedName(namespace: hpa.namespace ?? "default", name: hpa.targetName)
            let candidates = (first[key].map { [$0] } ?? []) + (later[key] ?? [])
            let match = candidates.first { hpa.targetKind.isEmpty || workloads[$0].kind == hpa.targetKind }
            guard let index = match else {
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

/// The key HPAs find their targets by.
private struct NamespacedName: Hashable {
    var namespace: String
    var name: String
}
