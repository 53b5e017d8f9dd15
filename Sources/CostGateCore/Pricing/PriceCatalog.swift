import Foundation

/// An offline, dated GPU price catalog: instance types, per-accelerator prices, CPU and memory
/// rates, and AWS Spot Advisor bands. `PriceCatalog.builtin` is the one shipped in the binary;
/// `override(...)` replaces prices (a `--prices` file).
///
/// Pricing rules (`docs/pricing.md` has the long form):
/// * Per-pod cost is `accelerators × $/accelerator-hour + vCPU × $/vCPU-hour + GiB × $/GiB-hour`
///   (`rates(provider:)`: OpenCost's defaults for all three providers).
/// * AWS and Azure sell whole instances, so the per-accelerator price is the GPU-attributable
///   residual `(instance $/h − vCPUs × cpu rate − GiB × memory rate) / accelerators`: a pod that
///   takes a whole instance then costs exactly the instance price. Per model and region it comes from
///   a reference instance: the smallest configuration with at least one whole accelerator of the
///   model that has an on-demand price (fewest accelerators, then fewest vCPUs, then least memory).
///   A residual that is not positive falls back to `instance $/h / accelerators`, with a note.
///   Spot uses the same arithmetic with the spot rates.
/// * GCP accelerator-attach rows are GPU-only (the host VM is priced separately): per-accelerator =
///   row / count, from the smallest-count row of the model in the region. Where the host row is 0.0
///   (a4-highgpu-8g) the accelerator row holds the whole machine and the residual rule applies.
///   Inconsistent rows are corrected by `GCPSanityBound` first.
/// * TPUs are per chip; Neuron (Inferentia, Trainium) per device from the instance rows.
/// * A region without a row falls back to the median over the provider's US regions (all regions
///   when there is no US row), with a note. No price gives nil, never 0.
public struct PriceCatalog: Sendable {
    /// `YYYY-MM-DD`: the date of the freshest dated source (`dateSource` says which).
    public var date: String
    /// Which source `date` comes from and how old the others are.
    public var dateSource: String
    /// Every source of the catalog's prices and rates.
    public var sources: [CatalogSource]
    /// Data-quality decisions applied while loading (corrections, replaced rows, table problems).
    public var notes: [String]

    /// Instance types by lower-cased name, then region (AWS, Azure, and GCP host+accelerator shapes).
    var instances: [String: [String: InstanceType]]
    /// GCP accelerator-attach rows after the sanity bound.
    var gcpRows: [GCPAcceleratorRow]
    /// GCP host rows by shape name, then region (for the a4 "host 0.0" rule).
    var gcpHosts: [String: [String: GCPHostRow]]
    /// GCP shape name → (accelerator row name, count).
    var gcpShapes: [String: (accelerator: String, count: Int)]
    /// TPU per-chip prices by model, then region.
    var tpus: [GPUModel: [String: TPUChipPrice]]
    /// AWS Spot Advisor entries keyed `region|instance`.
    var spotAdvice: [String: SpotAdvice]
    var rateTable: [CloudProvider: ResourceRates]
    var overrides: [OverrideKey: OverridePrice] = [:]
    /// Per-instance prices that replace the catalog's, by lower-cased instance name.
    var instanceOverrides: [String: OverridePrice] = [:]
    /// Index: AWS/Azure instance rows with accelerators by provider, model and region.
    var instancesByModel: [CloudProvider: [GPUModel: [String: [InstanceType]]]] = [:]
    /// Index: GCP accelerator rows by model and region.
    var gcpRowsByModel: [GPUModel: [String: [GCPAcceleratorRow]]] = [:]

    init(date: String, dateSource: String, sources: [CatalogSource], notes: [String],
         instances: [String: [String: InstanceType]], gcpRows: [GCPAcceleratorRow],
         gcpHosts: [String: [String: GCPHostRow]], gcpShapes: [String: (accelerator: String, count: Int)],
         tpus: [GPUModel: [String: TPUChipPrice]], spotAdvice: [String: SpotAdvice],
         rateTable: [CloudProvider: ResourceRates]) {
        self.date = date
        self.dateSource = dateSource
        self.sources = sources
        self.notes = notes
        self.instances = instances
        self.gcpRows = gcpRows
        self.gcpHosts = gcpHosts
        self.gcpShapes = gcpShapes
        self.tpus = tpus
        self.spotAdvice = spotAdvice
        self.rateTable = rateTable
        for rows in instances.values {
            for row in rows.values where row.provider != .gcp {
                guard let model = row.model, row.acceleratorCount > 0 else { continue }
                instancesByModel[row.provider, default: [:]][model, default: [:]][row.region, default: []].append(row)
            }
        }
        for row in gcpRows {
            gcpRowsByModel[row.model, default: [:]][row.region, default: []].append(row)
        }
    }

    /// USD per vCPU-hour and per GiB-hour for `provider` (OpenCost's defaults for all three).
    public func rates(provider: CloudProvider) -> ResourceRates {
        rateTable[provider] ?? .openCostDefault
    }

    /// The AWS Spot Instance Advisor band (Linux) of `instance` in `region` (nil: us-east-1); nil when
    /// the advisor snapshot has no entry (non-AWS types, p5e/p6/trn2, regions without the type).
    public func spotBand(instance: String, region: String?) -> SpotBand? {
        spotAdvice(instance: instance, region: region)?.band
    }

    /// The whole AWS Spot Advisor entry (band and advertised saving) of `instance` in `region`
    /// (nil: us-east-1).
    public func spotAdvice(instance: String, region: String?) -> SpotAdvice? {
        spotAdvice["\(region ?? CloudProvider.aws.defaultRegion)|\(instance.lowercased())"]
    }

    /// Every instance type name the catalog knows, sorted (for suggestions).
    public var instanceNames: [String] {
        instances.values.compactMap { $0.values.first?.name }.sorted()
    }

    // MARK: - Row types

    /// A GCP host VM in one region (USD per hour, GPUs excluded).
    struct GCPHostRow: Sendable, Hashable {
        var name: String
        var region: String
        var vcpus: Int
        var memoryGiB: Decimal
        var onDemand: Decimal?
        var spot: Decimal?
        var zones: Int
    }

    /// A TPU price per chip-hour in one region and where it comes from.
    struct TPUChipPrice: Sendable, Hashable {
        var onDemand: Decimal?
        var spot: Decimal?
        /// `skypilot tpu-v6e-1` or `gpuhunt TPU v5e`.
        var origin: String
        var source: CatalogSource
    }

    struct OverrideKey: Hashable, Sendable {
        var model: GPUModel
        var provider: CloudProvider?
    }

    struct OverridePrice: Sendable, Hashable {
        var onDemand: Decimal
        var spot: Decimal?
        var note: String
    }
}
