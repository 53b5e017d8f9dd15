import Foundation

/// One kind of pod (or SLURM node) in a workload: a Job's pods, a PyTorchJob's workers, a hetjob component.
public struct WorkloadRole: Hashable, Sendable {
    public var name: String
    public var replicas: ReplicaRange
    public var accelerator: AcceleratorRequest?
    /// vCPUs per replica (cores; `500m` is 0.5).
    public var cpu: Decimal
    /// Memory per replica in bytes.
    public var memoryBytes: Int64

    public init(name: String, replicas: ReplicaRange, accelerator: AcceleratorRequest?, cpu: Decimal, memoryBytes: Int64) {
        self.name = name
        self.replicas = replicas
        self.accelerator = accelerator
        self.cpu = cpu
        self.memoryBytes = memoryBytes
    }

    public var memoryGiB: Decimal { Decimal(memoryBytes) / Decimal(1 << 30) }
}
