import Foundation
import CostGateWorkloads

/// A cloud instance type in one region, with its whole-instance prices (USD per instance-hour).
///
/// AWS and Azure prices are the instance with its accelerators; GCP prices are SkyPilot's sum of
/// the host-VM row and the accelerator-attach row. `nil` prices mean "not offered" (p5e.48xlarge and
/// trn2.48xlarge are sold as capacity blocks only); the catalog never turns a missing price into 0.
public struct InstanceType: Sendable, Hashable {
    /// As the provider spells it: `p4d.24xlarge`, `a2-highgpu-8g`, `Standard_ND96asr_v4`.
    public var name: String
    public var provider: CloudProvider
    /// The region asked for (or the provider default). When the type has no row there, the prices are
    /// a median over `priceRegions` and `notes` says so.
    public var region: String
    /// The accelerator model; nil for hosts without a fixed accelerator (GCP `n1-highmem-8`).
    public var model: GPUModel?
    /// Accelerators per instance; fractional for partial GPUs (g6f.large: 0.125 of an L4, exposed to
    /// pods as one device).
    public var acceleratorCount: Decimal
    public var vcpus: Int
    public var memoryGiB: Decimal
    /// USD per instance-hour on demand; nil when not offered.
    public var onDemandPerHour: Decimal?
    /// USD per instance-hour on spot; nil when there is no spot price.
    public var spotPerHour: Decimal?
    public var source: CatalogSource
    /// Regions the prices were taken from: `[region]`, or the regions of a fallback median.
    public var priceRegions: [String]
    /// What was assumed or corrected: fallbacks, corrected counts, estimated or capped spot prices.
    public var notes: [String]
    /// GCP only: the host-VM and accelerator-attach parts of the prices.
    package var gcpParts: GCPParts?

    public init(name: String, provider: CloudProvider, region: String, model: GPUModel?, acceleratorCount: Decimal,
                vcpus: Int, memoryGiB: Decimal, onDemandPerHour: Decimal?, spotPerHour: Decimal?,
                source: CatalogSource, priceRegions: [String]? = nil, notes: [String] = []) {
        self.name = name
        self.provider = provider
        self.region = region
        self.model = model
        self.acceleratorCount = acceleratorCount
        self.vcpus = vcpus
        self.memoryGiB = memoryGiB
        self.onDemandPerHour = onDemandPerHour
        self.spotPerHour = spotPerHour
        self.source = source
        self.priceRegions = priceRegions ?? [region]
        self.notes = notes
    }

    /// Devices a pod can request on one instance: the accelerator count, or 1 for a fractional GPU.
    public var devices: Decimal {
        acceleratorCount > 0 && acceleratorCount < 1 ? 1 : acceleratorCount
    }

    /// The GCP split of an instance price: SkyPilot's host row and accelerator row (USD per hour).
    package struct GCPParts: Sendable, Hashable {
        /// SkyPilot's accelerator name, e.g. `H100-MEGA`.
        package var accelerator: String
        package var count: Int
        package var hostOnDemand: Decimal?
        package var hostSpot: Decimal?
        /// The accelerator row after the sanity bound (see `PriceCatalog` GCP rules).
        package var acceleratorOnDemand: Decimal?
        package var acceleratorSpot: Decimal?
    }
}
