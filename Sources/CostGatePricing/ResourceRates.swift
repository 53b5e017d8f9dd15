import Foundation

/// USD per vCPU-hour and per GiB-hour of memory, on demand and on spot. Per-pod cost is
/// `accelerators × $/accelerator-hour + vCPU × cpuPerVCPUHour + GiB × memoryPerGiBHour`; the same
/// rates are subtracted from whole-instance prices to get the GPU-attributable residual.
public struct ResourceRates: Sendable, Hashable {
    /// USD per vCPU-hour, on demand.
    public var cpuPerVCPUHour: Decimal
    /// USD per GiB-hour of memory, on demand.
    public var memoryPerGiBHour: Decimal
    /// USD per vCPU-hour on spot capacity.
    public var spotCPUPerVCPUHour: Decimal
    /// USD per GiB-hour of memory on spot capacity.
    public var spotMemoryPerGiBHour: Decimal
    public var source: CatalogSource

    public init(cpuPerVCPUHour: Decimal, memoryPerGiBHour: Decimal, spotCPUPerVCPUHour: Decimal,
                spotMemoryPerGiBHour: Decimal, source: CatalogSource) {
        self.cpuPerVCPUHour = cpuPerVCPUHour
        self.memoryPerGiBHour = memoryPerGiBHour
        self.spotCPUPerVCPUHour = spotCPUPerVCPUHour
        self.spotMemoryPerGiBHour = spotMemoryPerGiBHour
        self.source = source
    }

    /// OpenCost's default custom pricing (`configs/default.json`, "based on GCP us-central1"):
    /// CPU 0.031611 and spot 0.006655 USD per vCPU-hour, RAM 0.004237 and spot 0.000892 USD per
    /// GiB-hour. OpenCost uses the same figures to split AWS and Azure node prices
    /// (`configs/aws.json`, `configs/azure.json`), and the GCP n1-highmem-8 and a2 host rows in
    /// us-central1 equal them to the cent (a2-highgpu-1g: 12 × 0.031611 + 85 × 0.004237 = 0.739477
    /// against 0.73948), so no better per-provider split can be derived from the data: all three
    /// providers use these. The spot figures are older preemptible rates (about 79 % off) and are a
    /// rougher fit than the on-demand ones.
    public static let openCostDefault = ResourceRates(
        cpuPerVCPUHour: Decimal(sign: .plus, exponent: -6, significand: 31611),
        memoryPerGiBHour: Decimal(sign: .plus, exponent: -6, significand: 4237),
        spotCPUPerVCPUHour: Decimal(sign: .plus, exponent: -6, significand: 6655),
        spotMemoryPerGiBHour: Decimal(sign: .plus, exponent: -6, significand: 892),
        source: .openCostDefaults)
}
