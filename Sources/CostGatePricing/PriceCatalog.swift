import Foundation
import CostGateBasics
import CostGateWorkloads

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
    /// Every table, behind one reference: shared by copies, copied on the first change, and for the
    /// built-in catalog filled on a thread of its own while manifests are read (`CatalogStorage`).
    private var storage: CatalogStorage

    /// `YYYY-MM-DD`: the date of the freshest dated source (`dateSource` says which).
    public var date: String {
        get { built.date }
        set { change { $0.date = newValue } }
    }
    /// Which source `date` comes from and how old the others are.
    public var dateSource: String {
        get { built.dateSource }
        set { change { $0.dateSource = newValue } }
    }
    /// Every source of the catalog's prices and rates.
    public var sources: [CatalogSource] {
        get { built.sources }
        set { change { $0.sources = newValue } }
    }
    /// Data-quality decisions applied while loading (corrections, replaced rows, table problems).
    public var notes: [String] {
        get { built.notes }
        set { change { $0.notes = newValue } }
    }

    /// Instance types by lower-cased name, then region (AWS, Azure, and GCP host+accelerator shapes).
    package var instances: [String: [String: InstanceType]] { built.instances }
    /// GCP accelerator-attach rows after the sanity bound.
    package var gcpRows: [GCPAcceleratorRow] { built.gcpRows }
    /// GCP host rows by shape name, then region (for the a4 "host 0.0" rule).
    package var gcpHosts: [String: [String: GCPHostRow]] { built.gcpHosts }
    /// GCP shape name → (accelerator row name, count).
    package var gcpShapes: [String: (accelerator: String, count: Int)] { built.gcpShapes }
    /// TPU per-chip prices by model, then region.
    package var tpus: [GPUModel: [String: TPUChipPrice]] { built.tpus }
    /// AWS Spot Advisor entries by region and lower-cased instance name.
    package var spotAdvice: [SpotAdviceKey: SpotAdvice] { built.spotAdvice }
    package var rateTable: [CloudProvider: ResourceRates] {
        get { built.rateTable }
        set { change { $0.rateTable = newValue } }
    }
    package var overrides: [OverrideKey: OverridePrice] {
        get { built.overrides }
        set { change { $0.overrides = newValue } }
    }
    /// Per-instance prices that replace the catalog's, by lower-cased instance name.
    package var instanceOverrides: [String: OverridePrice] {
        get { built.instanceOverrides }
        set { change { $0.instanceOverrides = newValue } }
    }
    /// Index: AWS/Azure instance rows with accelerators by provider, model and region.
    package var instancesByModel: [CloudProvider: [GPUModel: [String: [InstanceType]]]] { built.instancesByModel }
    /// Index: GCP accelerator rows by model and region.
    package var gcpRowsByModel: [GPUModel: [String: [GCPAcceleratorRow]]] { built.gcpRowsByModel }

    /// The stored tables of a catalog.
    package struct Tables: Sendable {
        package var date: String
        package var dateSource: String
        package var sources: [CatalogSource]
        package var notes: [String]
        package var instances: [String: [String: InstanceType]]
        package var gcpRows: [GCPAcceleratorRow]
        package var gcpHosts: [String: [String: GCPHostRow]]
        package var gcpShapes: [String: (accelerator: String, count: Int)]
        package var tpus: [GPUModel: [String: TPUChipPrice]]
        package var spotAdvice: [SpotAdviceKey: SpotAdvice]
        package var rateTable: [CloudProvider: ResourceRates]
        package var overrides: [OverrideKey: OverridePrice] = [:]
        package var instanceOverrides: [String: OverridePrice] = [:]
        package var instancesByModel: [CloudProvider: [GPUModel: [String: [InstanceType]]]] = [:]
        package var gcpRowsByModel: [GPUModel: [String: [GCPAcceleratorRow]]] = [:]
    }

    package init(date: String, dateSource: String, sources: [CatalogSource], notes: [String],
         instances: [String: [String: InstanceType]], gcpRows: [GCPAcceleratorRow],
         gcpHosts: [String: [String: GCPHostRow]], gcpShapes: [String: (accelerator: String, count: Int)],
         tpus: [GPUModel: [String: TPUChipPrice]], spotAdvice: [SpotAdviceKey: SpotAdvice],
         rateTable: [CloudProvider: ResourceRates]) {
        var tables = Tables(date: date, dateSource: dateSource, sources: sources, notes: notes, instances: instances,
                            gcpRows: gcpRows, gcpHosts: gcpHosts, gcpShapes: gcpShapes, tpus: tpus, spotAdvice: spotAdvice,
                            rateTable: rateTable)
        tables.instancesByModel = Self.index(instances)
        // Rows of one model come in runs (the bound returns them by name): one lookup of the model per run.
        var start = gcpRows.startIndex
        while start < gcpRows.endIndex {
            let model = gcpRows[start].model
            let end = gcpRows[start...].firstIndex { $0.model != model } ?? gcpRows.endIndex
            file(into: &tables.gcpRowsByModel[model, default: [:]]) { regions in
                for row in gcpRows[start..<end] { regions[row.region, default: []].append(row) }
            }
            start = end
        }
        storage = CatalogStorage(tables)
    }

    /// AWS and Azure instance rows with accelerators by provider, model and region. One type's rows
    /// (one per region) share provider and model, so their (provider, model) table is looked up once.
    private static func index(_ instances: [String: [String: InstanceType]])
        -> [CloudProvider: [GPUModel: [String: [InstanceType]]]] {
        var index: [CloudProvider: [GPUModel: [String: [InstanceType]]]] = [:]
        func indexed(_ row: InstanceType) -> GPUModel? {
            guard row.provider != .gcp, let model = row.model, DecimalMath.isPositive(row.acceleratorCount) else { return nil }
            return model
        }
        for rows in instances.values {
            guard let first = rows.values.first(where: { indexed($0) != nil }), let model = first.model else { continue }
            var others: [InstanceType] = []
            // Room for a model's regions at once: growing a dictionary of instance types rehashes and moves them.
            file(into: &index[first.provider, default: [:]][model, default: Dictionary(minimumCapacity: 16)]) { regions in
                for row in rows.values {
                    guard let rowModel = indexed(row) else { continue }
                    if row.provider == first.provider && rowModel == model {
                        regions[row.region, default: []].append(row)
                    } else {
                        others.append(row)
                    }
                }
            }
            for row in others {
                guard let rowModel = indexed(row) else { continue }
                index[row.provider, default: [:]][rowModel, default: [:]][row.region, default: []].append(row)
            }
        }
        return index
    }

    /// A catalog whose tables `load` builds on a thread of its own, starting now; the first read of
    /// any of them waits for it.
    package init(loadingInBackground load: @escaping @Sendable () -> PriceCatalog) {
        storage = CatalogStorage(building: { load().built })
    }

    /// The storage, once its tables are built.
    private var built: Tables {
        // Borrowed, not copied: each property read takes one table, not a copy of all of them.
        _read {
            storage.waitUntilBuilt()
            yield storage.tables
        }
    }

    private mutating func change(_ body: (inout Tables) -> Void) {
        if !isKnownUniquelyReferenced(&storage) { storage = CatalogStorage(built) }
        storage.change(body)
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
        spotAdvice[SpotAdviceKey(region: region ?? CloudProvider.aws.defaultRegion, instance: instance.lowercased())]
    }

    /// Every instance type name the catalog knows, sorted (for suggestions).
    public var instanceNames: [String] {
        instances.values.compactMap { $0.values.first?.name }.sorted()
    }

    // MARK: - Row types

    /// A GCP host VM in one region (USD per hour, GPUs excluded).
    package struct GCPHostRow: Sendable, Hashable {
        package var name: String
        package var region: String
        package var vcpus: Int
        package var memoryGiB: Decimal
        package var onDemand: Decimal?
        package var spot: Decimal?
        package var zones: Int
    }

    /// A TPU price per chip-hour in one region and where it comes from.
    package struct TPUChipPrice: Sendable, Hashable {
        package var onDemand: Decimal?
        package var spot: Decimal?
        /// `skypilot tpu-v6e-1` or `gpuhunt TPU v5e`.
        package var origin: String
        package var source: CatalogSource
    }

    /// A Spot Advisor entry's key: two short strings, where a joined `region|instance` key would be
    /// one heap string per entry (the table has about 800).
    package struct SpotAdviceKey: Hashable, Sendable {
        package var region: String
        /// Lower-cased.
        package var instance: String
    }

    package struct OverrideKey: Hashable, Sendable {
        package var model: GPUModel
        package var provider: CloudProvider?
    }

    package struct OverridePrice: Sendable, Hashable {
        package var onDemand: Decimal
        package var spot: Decimal?
        package var note: String
    }
}

/// Runs `body` on `value` in place (one lookup for a nested dictionary entry, however many changes).
private func file<Value>(into value: inout Value, _ body: (inout Value) -> Void) {
    body(&value)
}
