import Foundation
import CostGateWorkloads

extension PriceCatalog {
    /// USD per accelerator-hour of `model` on `provider` in `region` (nil: the provider's default
    /// region). An override for the model wins. Otherwise AWS and Azure give the GPU-attributable
    /// residual of the region's reference instance, GCP the accelerator row per accelerator (after the
    /// sanity bound) and TPUs the per-chip price. A region without a price falls back to the median
    /// over the provider's US regions, with a note. Nil when the provider has no price for the model
    /// anywhere (the caller names what to add). `perNode` (accelerators one pod or node holds) prefers
    /// the configuration with that many accelerators, whose price is what such a pod really lands on
    /// (an 8-GPU pod on p5.48xlarge, not p5.4xlarge).
    public func acceleratorPrice(model: GPUModel, provider: CloudProvider, region: String?, perNode: Int? = nil) -> AcceleratorPrice? {
        let wanted = region ?? provider.defaultRegion
        if let override = override(for: model, provider: provider) {
            return price(from: override, model: model, provider: provider, region: wanted)
        }
        return regionalPrice(model: model, provider: provider, region: wanted, perNode: perNode)
            ?? fallbackPrice(model: model, provider: provider, region: wanted)
    }

    /// The per-accelerator share of `instance` (per device for fractional GPUs such as g6f, whose
    /// one device is `acceleratorFraction` of a GPU): AWS/Azure the residual of this instance's price,
    /// GCP its accelerator row per accelerator. An override for the model wins (scaled by the fraction).
    /// Nil for instances without accelerators or without an on-demand price.
    public func acceleratorPrice(for instance: InstanceType) -> AcceleratorPrice? {
        guard let model = instance.model, instance.acceleratorCount > 0 else { return nil }
        let fraction = instance.acceleratorCount < 1 ? instance.acceleratorCount : 1
        if let override = override(for: model, provider: instance.provider) {
            return price(from: override, model: model, provider: instance.provider, region: instance.region,
                         fraction: fraction, reference: instance.name)
        }
        if instance.provider == .gcp {
            guard let parts = instance.gcpParts else { return nil }
            let host = gcpHosts[instance.name.lowercased()]?[instance.region]
                ?? GCPHostRow(name: instance.name, region: instance.region, vcpus: instance.vcpus,
                              memoryGiB: instance.memoryGiB, onDemand: parts.hostOnDemand, spot: parts.hostSpot, zones: 0)
            return gcpPrice(accelerator: parts.accelerator, model: model, count: parts.count, region: instance.region,
                            onDemand: parts.acceleratorOnDemand, spot: parts.acceleratorSpot, host: host,
                            notes: instance.notes, source: instance.source)
        }
        return residualPrice(of: instance, model: model)
    }

    // MARK: - Per region

    /// The catalog's own price in `region`, without fallback.
    package func regionalPrice(model: GPUModel, provider: CloudProvider, region: String, perNode: Int? = nil) -> AcceleratorPrice? {
        switch provider {
        case .aws, .azure:
            guard let reference = referenceInstance(model: model, provider: provider, region: region, perNode: perNode)
            else { return nil }
            return residualPrice(of: reference, model: model)
        case .gcp:
            if let chip = tpus[model]?[region] { return tpuPrice(chip, model: model, region: region) }
            let rows = (gcpRowsByModel[model]?[region] ?? []).filter { $0.onDemand != nil }
            guard let row = rows.first(where: { $0.count == perNode }) ?? rows.min(by: { ($0.count, $0.name) < ($1.count, $1.name) })
            else { return nil }
            let shape = gcpShapes.first { $0.value.accelerator == row.name && $0.value.count == row.count }?.key
            let host = shape.flatMap { gcpHosts[$0]?[region] }
            var notes = [row.boundNote, row.spotNote].compactMap { $0 }
            if row.zones > 1 { notes.append("median of \(row.zones) zone rows") }
            return gcpPrice(accelerator: row.name, model: model, count: row.count, region: region, onDemand: row.onDemand,
                            spot: row.spot, host: host, notes: notes, source: source("skypilot-gcp-accelerators"))
        }
    }

    /// Regions where `provider` has its own price for `model`, sorted.
    package func pricedRegions(model: GPUModel, provider: CloudProvider) -> [String] {
        switch provider {
        case .aws, .azure:
            let regions = instancesByModel[provider]?[model] ?? [:]
            return regions.keys.filter { referenceInstance(model: model, provider: provider, region: $0) != nil }.sorted()
        case .gcp:
            if let chips = tpus[model] { return chips.filter { $0.value.onDemand != nil }.keys.sorted() }
            return (gcpRowsByModel[model] ?? [:]).filter { $0.value.contains { $0.onDemand != nil } }.keys.sorted()
        }
    }

    /// The smallest configuration carrying at least one whole accelerator of `model` with an on-demand
    /// price: fewest accelerators, then fewest vCPUs, then least memory, then name. With `perNode`,
    /// the same order among the configurations with exactly that many accelerators, when there are any.
    package func referenceInstance(model: GPUModel, provider: CloudProvider, region: String, perNode: Int? = nil) -> InstanceType? {
        let priced = (instancesByModel[provider]?[model]?[region] ?? []).filter { $0.acceleratorCount >= 1 && $0.onDemandPerHour != nil }
        let exact = perNode.map { count in priced.filter { $0.acceleratorCount == Decimal(count) } } ?? []
        return (exact.isEmpty ? priced : exact)
            .min { ($0.acceleratorCount, $0.vcpus, $0.memoryGiB, $0.name) < ($1.acceleratorCount, $1.vcpus, $1.memoryGiB, $1.name) }
    }

    // MARK: - Arithmetic

    /// `(price − vCPUs × cpu rate − GiB × memory rate) / devices`, or `price / devices` when that is not
    /// positive; the text shows the arithmetic.
    private func residual(_ price: Decimal, vcpus: Int, memoryGiB: Decimal, devices: Decimal, cpuRate: Decimal,
                          memoryRate: Decimal, what: String, notes: inout [String]) -> (value: Decimal, text: String) {
        let attributable = price - Decimal(vcpus) * cpuRate - memoryGiB * memoryRate
        let formula = "(\(PriceText.format(price)) − \(vcpus) × \(PriceText.format(cpuRate)) − "
            + "\(PriceText.format(memoryGiB)) × \(PriceText.format(memoryRate))) / \(PriceText.format(devices))"
        if attributable > 0 {
            let value = attributable / devices
            return (value, "\(formula) = \(PriceText.format(value))")
        }
        let value = price / devices
        notes.append("the \(what) residual \(formula) is not positive: priced at instance price / accelerators = "
                     + PriceText.format(value))
        return (value, "\(PriceText.format(price)) / \(PriceText.format(devices)) = \(PriceText.format(value))")
    }

    /// The GPU-attributable share of an AWS or Azure instance, per device.
    package func residualPrice(of instance: InstanceType, model: GPUModel) -> AcceleratorPrice? {
        guard let onDemand = instance.onDemandPerHour, instance.acceleratorCount > 0 else { return nil }
        let rates = rates(provider: instance.provider)
        let devices = instance.devices
        let fraction = instance.acceleratorCount < 1 ? instance.acceleratorCount : 1
        var notes = instance.notes
        let demand = residual(onDemand, vcpus: instance.vcpus, memoryGiB: instance.memoryGiB, devices: devices,
                              cpuRate: rates.cpuPerVCPUHour, memoryRate: rates.memoryPerGiBHour, what: "on-demand",
                              notes: &notes)
        // Spot: the same split at the instance's own discount. Subtracting the generic spot vCPU and memory
        // rates from the spot price instead would give the accelerators whatever discount those rates miss
        // (a p5.4xlarge 4 % cheaper on spot came out 19 % dearer per GPU).
        let ratio = instance.spotPerHour.map { $0 / onDemand }
        let spot = ratio.map { ratio -> (value: Decimal, text: String) in
            let value = demand.value * ratio
            return (value, "\(PriceText.format(demand.value)) × \(PriceText.format(instance.spotPerHour!)) / "
                    + "\(PriceText.format(onDemand)) = \(PriceText.format(value))")
        }
        let unit = fraction < 1 ? "device-hour (one device is \(PriceText.format(fraction)) of an \(model.id))" : "\(model.id)-hour"
        var sentence = "\(instance.provider.rawValue) \(instance.name) (\(PriceText.format(instance.acceleratorCount)) × "
            + "\(model.id), \(instance.vcpus) vCPU, \(PriceText.format(instance.memoryGiB)) GiB) in \(instance.region): "
            + "\(demand.text) USD per \(unit) on demand"
        sentence += spot.map { ", spot \($0.text)" } ?? ", no spot price"
        sentence += " (on demand: instance price − vCPU and memory at \(rates.source.repository) rates, / accelerators; "
            + "spot: that share at the instance's spot/on-demand ratio)"
        return AcceleratorPrice(model: model, provider: instance.provider, region: instance.region,
                                onDemandPerHour: demand.value, spotPerHour: spot?.value,
                                derivation: Self.sentence(sentence, notes), source: instance.source,
                                reference: instance.name, acceleratorFraction: fraction, notes: notes, spotRatio: ratio)
    }

    /// A GCP accelerator row per accelerator; when the matching host row is 0.0 (a4-highgpu-8g) the row
    /// holds the whole machine and the residual rule applies instead.
    private func gcpPrice(accelerator: String, model: GPUModel, count: Int, region: String, onDemand: Decimal?,
                          spot: Decimal?, host: GCPHostRow?, notes rowNotes: [String],
                          source: CatalogSource) -> AcceleratorPrice? {
        guard let onDemand, count > 0 else { return nil }
        var notes = rowNotes
        let perCount = Decimal(count)
        let demand: (value: Decimal, text: String)
        var spotPart: (value: Decimal, text: String)?
        var sentence: String
        if let host, host.onDemand == 0 {
            let rates = rates(provider: .gcp)
            demand = residual(onDemand, vcpus: host.vcpus, memoryGiB: host.memoryGiB, devices: perCount,
                              cpuRate: rates.cpuPerVCPUHour, memoryRate: rates.memoryPerGiBHour, what: "on-demand",
                              notes: &notes)
            spotPart = spot.map {
                residual($0, vcpus: host.vcpus, memoryGiB: host.memoryGiB, devices: perCount, cpuRate: rates.spotCPUPerVCPUHour,
                         memoryRate: rates.spotMemoryPerGiBHour, what: "spot", notes: &notes)
            }
            sentence = "gcp \(accelerator) × \(count) row in \(region) includes the \(host.name) host (its host row is 0.0): "
                + "\(demand.text) USD per \(model.id)-hour on demand"
        } else {
            let value = onDemand / perCount
            demand = (value, "\(PriceText.format(onDemand)) / \(count) = \(PriceText.format(value))")
            spotPart = spot.map { ($0 / perCount, "\(PriceText.format($0)) / \(count) = \(PriceText.format($0 / perCount))") }
            sentence = "gcp \(accelerator) × \(count) accelerator row in \(region) (GPU only; the host VM is priced by vCPU "
                + "and memory): \(demand.text) USD per \(model.id)-hour on demand"
        }
        sentence += spotPart.map { ", spot \($0.text)" } ?? ", no spot price"
        return AcceleratorPrice(model: model, provider: .gcp, region: region, onDemandPerHour: demand.value,
                                spotPerHour: spotPart?.value, derivation: Self.sentence(sentence, notes), source: source,
                                reference: "\(accelerator) × \(count)", notes: notes)
    }

    private func tpuPrice(_ chip: TPUChipPrice, model: GPUModel, region: String) -> AcceleratorPrice? {
        guard let onDemand = chip.onDemand else { return nil }
        var notes: [String] = []
        if let spot = chip.spot, spot >= onDemand {
            notes.append("spot price not below on-demand in the source")
        }
        let sentence = "gcp \(model.id) in \(region): \(PriceText.format(onDemand)) USD per chip-hour on demand"
            + (chip.spot.map { ", spot \(PriceText.format($0))" } ?? ", no spot price") + " (\(chip.origin), per chip)"
        return AcceleratorPrice(model: model, provider: .gcp, region: region, onDemandPerHour: onDemand, spotPerHour: chip.spot,
                                derivation: Self.sentence(sentence, notes), source: chip.source, reference: chip.origin,
                                notes: notes)
    }

    /// The median over the provider's US regions (all regions without a US one) for a region the catalog
    /// has no price in.
    private func fallbackPrice(model: GPUModel, provider: CloudProvider, region: String) -> AcceleratorPrice? {
        let regions = pricedRegions(model: model, provider: provider)
        let us = regions.filter { provider.isUSRegion($0) }
        let pool = (us.isEmpty ? regions : us).compactMap { regionalPrice(model: model, provider: provider, region: $0) }
        guard let first = pool.first, let onDemand = PriceText.median(pool.map(\.onDemandPerHour)) else { return nil }
        let spot = PriceText.median(pool.compactMap(\.spotPerHour))
        let scope = us.isEmpty ? "regions" : "US regions"
        let listed = pool.map { "\($0.region) \(PriceText.format($0.onDemandPerHour))" }.joined(separator: ", ")
        let note = "no \(provider.rawValue) \(model.id) price for \(region) in the catalog: median over the \(scope) that "
            + "have one (\(listed))"
        let unit = model.kind == .tpu ? "chip" : "accelerator"
        var sentence = "\(note) = \(PriceText.format(onDemand)) USD per \(unit)-hour on demand"
        sentence += spot.map { ", spot \(PriceText.format($0))" } ?? ", no spot price"
        let references = Set(pool.compactMap(\.reference)).sorted().joined(separator: ", ")
        if !references.isEmpty { sentence += " (from \(references))" }
        // Instance-derived medians keep the instance rule: spot = on-demand × the ratio of the medians.
        let ratio = first.spotRatio != nil ? spot.map { $0 / onDemand } : nil
        return AcceleratorPrice(model: model, provider: provider, region: region, onDemandPerHour: onDemand, spotPerHour: spot,
                                derivation: sentence, source: first.source, reference: first.reference,
                                acceleratorFraction: first.acceleratorFraction, notes: [note], spotRatio: ratio)
    }

    package func source(_ id: String) -> CatalogSource {
        sources.first { $0.id == id } ?? CatalogSource(id: id, repository: "", path: id, dateNote: "unknown", licence: "unknown")
    }

    /// `sentence; note; note`.
    package static func sentence(_ main: String, _ notes: [String]) -> String {
        ([main] + notes).joined(separator: "; ")
    }
}
