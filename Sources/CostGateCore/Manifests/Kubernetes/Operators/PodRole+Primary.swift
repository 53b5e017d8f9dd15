extension Array where Element == PodRole {
    /// The role `workload(_:roles:…)` takes capacity and annotations from: the first with accelerators, else the first.
    var primary: PodRole? {
        first { ($0.pod.accelerator?.count ?? 0) > 0 } ?? first
    }

    /// Pods of all roles at their nominal replicas.
    var nominalPods: Int { reduce(0) { $0 + $1.replicas.nominal } }
}
