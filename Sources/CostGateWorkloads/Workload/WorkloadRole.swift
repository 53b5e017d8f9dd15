import Foundation
import CostGateBasics

/// One kind of pod (or SLURM node) in a workload: a Job's pods, a PyTorchJob's workers, a hetjob component.
public struct WorkloadRole: Hashable, Sendable {
    public var name: String
    public var replicas: ReplicaRange
    public var accelerator: AcceleratorRequest?
    /// vCPUs per replica (cores; `500m` is 0.5).
    public var cpu: Decimal
    /// Memory per replica in bytes.
    public var memoryBytes: Int64
    /// Pods of this role per replica of what an autoscaler scales (a LeaderWorkerSet group holds size − 1 workers); 1 for most kinds.
    public var podsPerReplica = 1

    public init(name: String, replicas: ReplicaRange, accelerator: AcceleratorRequest?, cpu: Decimal, memoryBytes: Int64) {
        self.name = name
        self.replicas = replicas
        self.accelerator = accelerator
        self.cpu = cpu
        self.memoryBytes = memoryBytes
    }

    /// Memory per replica in GiB (bytes × 2^-30: the reciprocal is an exact decimal, and Decimal
    /// multiplication is far cheaper than division).
    public var memoryGiB: Decimal { DecimalMath.product(Decimal(memoryBytes), Self.gibibytesPerByte) }

    package static let gibibytesPerByte = Decimal(string: "0.000000000931322574615478515625")!
}
