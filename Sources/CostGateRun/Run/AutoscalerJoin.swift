import CostGateBasics
import CostGateWorkloads

/// Joins each HorizontalPodAutoscaler to the workload it scales (same namespace, kind and name):
/// the target's replicas become the range minReplicas…maxReplicas.
package enum AutoscalerJoin {
    /// Which autoscalers scale which workload (table position → autoscalers, in input order), and
    /// a note for each autoscaler whose target is not in the input. Matching is serial; scaling
    /// (`scale`) is done where each workload is priced, on all cores.
    package static func match(_ autoscalers: [HorizontalPodAutoscaler], in workloads: borrowing WorkloadTable)
        -> (scaling: [Int: [HorizontalPodAutoscaler]], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var scaling: [Int: [HorizontalPodAutoscaler]] = [:]
        guard !autoscalers.isEmpty else { return (scaling, diagnostics) }
        // Workload indexes by (namespace, name), in input order: one scan instead of one per HPA
        // (thousands of HPAs × thousands of workloads made this join quadratic).
        // The first workload of each name in one table, the rare later ones in another.
        // Only workloads some HPA names are indexed, found by hash first (`WorkloadTable.hashes`).
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
            guard let index = candidates.first(where: { hpa.targetKind.isEmpty || workloads[$0].kind == hpa.targetKind }) else {
                diagnostics.append(Diagnostic(.note, at: hpa.location,
                    "HorizontalPodAutoscaler '\(hpa.name)' scales \(hpa.targetKind) '\(hpa.targetName)', which is not in the input; it adds no cost here",
                    rule: "hpa-target-missing"))
                continue
            }
            scaling[index, default: []].append(hpa)
        }
        return (scaling, diagnostics)
    }

    /// The target's replicas become the range minReplicas…maxReplicas.
    package static func scale(_ workload: inout Workload, by hpa: HorizontalPodAutoscaler) {
        for roleIndex in workload.roles.indices {
            // The HPA counts the target's replicas (a LeaderWorkerSet's groups); a role may hold several pods per replica.
            let perReplica = workload.roles[roleIndex].podsPerReplica
            let declared = perReplica > 0 ? workload.roles[roleIndex].replicas.nominal / perReplica : 0
            let nominal = min(max(declared, hpa.minReplicas), hpa.maxReplicas)
            workload.roles[roleIndex].replicas = ReplicaRange(min: hpa.minReplicas, nominal: nominal, max: hpa.maxReplicas) * perReplica
        }
        workload.assumptions.append(
            "scaled by HorizontalPodAutoscaler '\(hpa.name)' (\(hpa.location)): \(hpa.minReplicas)…\(hpa.maxReplicas) replicas")
    }
}

/// The key HPAs find their targets by.
private struct NamespacedName: Hashable {
    var namespace: String
    var name: String
}
