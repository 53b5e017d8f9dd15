import Foundation
import CostGateBasics

/// The one normalized model every manifest kind is read into; everything after reading
/// (pricing, estimation, policy) works on this alone.
public struct Workload: Sendable {
    /// Stable identity: `kind/namespace/name` for Kubernetes, `slurm/path#job-name` for sbatch scripts.
    public var id: String
    public var source: SourceLocation
    public var kind: String
    public var apiVersion: String?
    public var name: String
    public var namespace: String?
    public var roles: [WorkloadRole]
    public var capacity: CapacityType
    public var pattern: RunPattern
    /// Hours of one run (one-off or recurring) or of the month (long-running).
    public var durationHours: Decimal
    public var durationSource: DurationSource
    /// The run-time limit the manifest declares (`activeDeadlineSeconds`, `--time`); nil when absent or unlimited.
    public var timeLimitSeconds: Int?
    /// SLURM array size: the cost is multiplied by it.
    public var arrayTasks: Int?
    /// Provider and region hints (instance type, zone labels), when the manifest names them.
    public var instanceType: String?
    public var placement: PlacementHint
    public var labels: [String: String]
    public var annotations: [String: String]
    /// Node labels the pods require with one value (nodeSelector, required node affinity): node pools for custom rates.
    public var nodeLabels: [String: String]
    /// SLURM account / partitions and `#COSTGATE --team`, for attribution.
    public var attribution: Attribution
    /// Checkpoint interval in hours for the spot model, when declared.
    public var checkpointIntervalHours: Decimal?
    /// Pods that must all be up at once for progress (synchronous training gang).
    public var gangSize: Int?
    /// The provider's maximum runtime of one spot instance, hours (GKE preemptible VMs: 24).
    public var spotMaxRuntimeHours: Decimal?
    /// What was assumed to read the manifest (defaults used, candidate models), in order.
    public var assumptions: [String]

    public struct Attribution: Sendable, Hashable {
        public var team: String?
        public var account: String?
        public var partitions: [String]
        public var qos: String?

        public init(team: String? = nil, account: String? = nil, partitions: [String] = [], qos: String? = nil) {
            self.team = team
            self.account = account
            self.partitions = partitions
            self.qos = qos
        }
    }

    public init(id: String, source: SourceLocation, kind: String, apiVersion: String?, name: String, namespace: String?,
                roles: [WorkloadRole], capacity: CapacityType, pattern: RunPattern, durationHours: Decimal,
                durationSource: DurationSource, timeLimitSeconds: Int? = nil, arrayTasks: Int? = nil,
                instanceType: String? = nil, placement: PlacementHint = PlacementHint(), labels: [String: String] = [:], annotations: [String: String] = [:],
                nodeLabels: [String: String] = [:],
                attribution: Attribution = Attribution(), checkpointIntervalHours: Decimal? = nil, gangSize: Int? = nil,
                assumptions: [String] = [], spotMaxRuntimeHours: Decimal? = nil) {
        self.id = id
        self.source = source
        self.kind = kind
        self.apiVersion = apiVersion
        self.name = name
        self.namespace = namespace
        self.roles = roles
        self.capacity = capacity
        self.pattern = pattern
        self.durationHours = durationHours
        self.durationSource = durationSource
        self.timeLimitSeconds = timeLimitSeconds
        self.arrayTasks = arrayTasks
        self.instanceType = instanceType
        self.placement = placement
        self.labels = labels
        self.annotations = annotations
        self.nodeLabels = nodeLabels
        self.attribution = attribution
        self.checkpointIntervalHours = checkpointIntervalHours
        self.gangSize = gangSize
        self.assumptions = assumptions
        self.spotMaxRuntimeHours = spotMaxRuntimeHours
    }

    /// Accelerator devices of one run (one array task), summed over roles.
    public var acceleratorCount: ReplicaRange {
        roles.reduce(ReplicaRange(exactly: 0)) { total, role in
            total + role.replicas * (role.accelerator?.count ?? 0)
        }
    }

    /// How messages and tables name the workload: the identity, except that sbatch jobs drop the
    /// path their location already shows (`SlurmJob/llm-pretrain`).
    public var displayName: String { apiVersion == nil ? "\(kind)/\(name)" : id }

    /// Where the cost is written: the first accelerator request (the GPU limit, the `#SBATCH --gres` line), else the
    /// manifest's start. Findings about money point here, so an annotation lands on the line a reviewer changes.
    public var costLocation: SourceLocation {
        roles.lazy.compactMap { $0.accelerator?.location }.first ?? source
    }

    public var runsPerMonth: Int? {
        if case .recurring(let runs, _) = pattern { return runs }
        return nil
    }
}
