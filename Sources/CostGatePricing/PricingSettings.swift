import Foundation
import CostGateSpot
import CostGateWorkloads

/// Where and at which prices workloads are priced.
public struct PricingSettings: Sendable {
    public var catalog: PriceCatalog
    /// Provider for workloads whose manifest does not say.
    public var provider: CloudProvider
    /// Region for workloads whose manifest does not say (nil: the provider's default region).
    public var region: String?
    /// Model assumed for accelerators whose manifest names none (nil: such workloads are errors).
    public var defaultGPU: GPUModel?
    /// On-prem SLURM rates by partition name.
    public var partitionRates: [String: PartitionRate]
    /// Internal rates for Kubernetes node pools, matched on a node label the pods require; first match wins.
    public var nodePoolRates: [NodePoolRate] = []
    /// Spot-model inputs a policy sets (checkpoint interval, restart overhead, interruption rates per GPU model).
    public var spot = SpotParameters()
    /// Where partition and node-pool rates come from, for the assumptions (`--prices FILE`, `policy FILE`).
    public var ratesOrigin = "the --prices file"
    /// Monte Carlo trials and seed for workloads on spot capacity (spot-model.md §3 defaults).
    public var spotTrials = 100_000
    public var spotSeed: UInt64 = 42

    public init(catalog: PriceCatalog = .builtin, provider: CloudProvider = .aws, region: String? = nil,
                defaultGPU: GPUModel? = nil, partitionRates: [String: PartitionRate] = [:]) {
        self.catalog = catalog
        self.provider = provider
        self.region = region
        self.defaultGPU = defaultGPU
        self.partitionRates = partitionRates
    }
}

/// An internal charge-back rate for a SLURM partition (USD per hour).
public struct PartitionRate: Sendable, Hashable {
    public var perAcceleratorHour: Decimal
    public var perVCPUHour: Decimal
    public var perGiBHour: Decimal
    /// The GPU model the partition's (or node pool's) nodes carry, for jobs whose request names none
    /// (`#SBATCH --gres=gpu:4` on an on-prem cluster): reports and rules then know what runs.
    public var model: GPUModel?

    public init(perAcceleratorHour: Decimal, perVCPUHour: Decimal = 0, perGiBHour: Decimal = 0, model: GPUModel? = nil) {
        self.perAcceleratorHour = perAcceleratorHour
        self.perVCPUHour = perVCPUHour
        self.perGiBHour = perGiBHour
        self.model = model
    }
}

/// An internal rate for the Kubernetes nodes carrying `label=value` (on-prem or reserved node pools).
public struct NodePoolRate: Sendable, Hashable {
    public var label: String
    public var value: String
    public var rate: PartitionRate

    public init(label: String, value: String, rate: PartitionRate) {
        self.label = label
        self.value = value
        self.rate = rate
    }
}

/// Spot-model inputs that are the platform's to say, not the manifest's (spot-model.md §3).
public struct SpotParameters: Sendable, Hashable {
    /// Checkpoint interval, hours, for spot workloads whose manifest declares none (nil: no checkpoints).
    public var checkpointIntervalHours: Decimal?
    /// Restart overhead after an interruption, hours (nil: the model's 0.25 h).
    public var restartHours: Decimal?
    /// Interruption rate or band by GPU model, replacing the catalog's figure.
    public var interruptionByModel: [GPUModel: InterruptionSource] = [:]

    public init(checkpointIntervalHours: Decimal? = nil, restartHours: Decimal? = nil,
                interruptionByModel: [GPUModel: InterruptionSource] = [:]) {
        self.checkpointIntervalHours = checkpointIntervalHours
        self.restartHours = restartHours
        self.interruptionByModel = interruptionByModel
    }
}
