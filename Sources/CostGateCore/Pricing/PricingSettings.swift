import Foundation

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

    public init(perAcceleratorHour: Decimal, perVCPUHour: Decimal = 0, perGiBHour: Decimal = 0) {
        self.perAcceleratorHour = perAcceleratorHour
        self.perVCPUHour = perVCPUHour
        self.perGiBHour = perGiBHour
    }
}
