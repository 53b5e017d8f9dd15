extension SbatchComponent {
    /// The GPUs per node requested through `--gres` entries named `gpu`, or nil when there are none.
    public var gresGPUsPerNode: Int? {
        let gpus = gres.filter(\.isGPU)
        return gpus.isEmpty ? nil : gpus.reduce(0) { $0 + $1.count }
    }

    /// The GPU type the request names, from `--gpus`, `--gpus-per-node`, `--gpus-per-task` or a typed `gpu` GRES, in that
    /// order; nil when untyped or when it names several types.
    public var gpuType: String? {
        for count in [gpus, gpusPerNode, gpusPerTask].compactMap({ $0 }) where !count.entries.isEmpty {
            return count.type
        }
        let types = Set(gres.filter(\.isGPU).map(\.type))
        guard types.count == 1, let only = types.first else { return nil }
        return only
    }

    /// Whether the component asks for GPUs in any of the ways sbatch offers.
    public var requestsGPUs: Bool {
        gpus != nil || gpusPerNode != nil || gpusPerTask != nil || gresGPUsPerNode != nil
    }

    /// The tasks the job runs on `nodesUsed` nodes: `--ntasks`, else `--ntasks-per-node` × nodes, else one per node.
    public func taskCount(nodesUsed: Int) -> Int {
        ntasks ?? ntasksPerNode.map { $0.saturatingMultiplied(by: nodesUsed) } ?? nodesUsed
    }

    /// The GPUs of the whole component on `nodesUsed` nodes: `--gpus`, else `--gpus-per-node` × nodes, else
    /// `--gpus-per-task` × tasks, else the `gpu` GRES × nodes; nil when no GPU is requested.
    public func totalGPUs(nodesUsed: Int) -> Int? {
        if let gpus { return gpus.count }
        if let gpusPerNode { return gpusPerNode.count.saturatingMultiplied(by: nodesUsed) }
        if let gpusPerTask { return gpusPerTask.count.saturatingMultiplied(by: taskCount(nodesUsed: nodesUsed)) }
        if let perNode = gresGPUsPerNode { return perNode.saturatingMultiplied(by: nodesUsed) }
        return nil
    }
}
