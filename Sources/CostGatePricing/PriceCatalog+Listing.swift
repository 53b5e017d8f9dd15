import Foundation
import CostGateWorkloads

extension PriceCatalog {
    /// Replaces the price of `model` on `provider` (nil: every provider) with an internal rate, USD per
    /// accelerator-hour, e.g. from a `--prices` file; `note` says where it came from and is shown in
    /// derivations. A provider-specific override wins over a provider-wide one; a later call for the
    /// same model and provider replaces an earlier one. Overrides also apply to instance lookups
    /// (`acceleratorPrice(for:)`) and to models the catalog has no price for (on-prem parts).
    public mutating func override(model: GPUModel, provider: CloudProvider?, onDemandPerHour: Decimal,
                                  spotPerHour: Decimal?, note: String) {
        overrides[OverrideKey(model: model, provider: provider)] =
            OverridePrice(onDemand: onDemandPerHour, spot: spotPerHour, note: note)
    }

    /// Per-accelerator prices for `costgate catalog`: one entry per provider, model and region with a
    /// catalog price (no fallbacks), overrides as one entry per provider with region `any`. Filtered
    /// by `provider` and `model` when given; sorted by provider (aws, gcp, azure), model id, region.
    public func listing(provider: CloudProvider?, model: GPUModel?) -> [AcceleratorPrice] {
        var entries: [AcceleratorPrice] = []
        for cloud in CloudProvider.allCases where provider == nil || provider == cloud {
            var models = Set(instancesByModel[cloud]?.keys.map { $0 } ?? [])
            if cloud == .gcp { models.formUnion(gcpRowsByModel.keys); models.formUnion(tpus.keys) }
            models.formUnion(overrides.keys.filter { $0.provider == nil || $0.provider == cloud }.map(\.model))
            for candidate in models.sorted() where model == nil || model == candidate {
                if let override = override(for: candidate, provider: cloud) {
                    entries.append(price(from: override, model: candidate, provider: cloud, region: "any"))
                    continue
                }
                for region in pricedRegions(model: candidate, provider: cloud) {
                    // One row per configuration (1, 4, 8 accelerators a node …): an 8-GPU pod is priced from the
                    // 8-GPU instance, a 1-GPU pod from the 1-GPU one, and their per-accelerator prices differ.
                    for perNode in configurations(model: candidate, provider: cloud, region: region) {
                        if let price = regionalPrice(model: candidate, provider: cloud, region: region, perNode: perNode) {
                            entries.append(price)
                        }
                    }
                }
            }
        }
        return entries
    }

    /// Accelerators per node of the priced configurations of `model` in `region`, ascending (`[nil]` for
    /// TPUs, priced per chip).
    package func configurations(model: GPUModel, provider: CloudProvider, region: String) -> [Int?] {
        let counts: [Int]
        switch provider {
        case .aws, .azure:
            counts = (instancesByModel[provider]?[model]?[region] ?? [])
                .filter { $0.acceleratorCount >= 1 && $0.onDemandPerHour != nil }
                .map { NSDecimalNumber(decimal: $0.acceleratorCount).intValue }
        case .gcp:
            if tpus[model]?[region] != nil { return [nil] }
            counts = (gcpRowsByModel[model]?[region] ?? []).filter { $0.onDemand != nil }.map(\.count)
        }
        let distinct = Set(counts).sorted()
        return distinct.isEmpty ? [nil] : distinct
    }

    package func override(for model: GPUModel, provider: CloudProvider) -> OverridePrice? {
        overrides[OverrideKey(model: model, provider: provider)] ?? overrides[OverrideKey(model: model, provider: nil)]
    }

    package func price(from override: OverridePrice, model: GPUModel, provider: CloudProvider, region: String,
               fraction: Decimal = 1, reference: String? = nil) -> AcceleratorPrice {
        var sentence = "override from \(override.note): \(PriceText.format(override.onDemand)) USD per \(model.id)-hour on demand"
        sentence += override.spot.map { ", spot \(PriceText.format($0))" } ?? ", no spot price"
        if fraction < 1, let reference {
            sentence += "; × \(PriceText.format(fraction)) for one \(reference) device"
        }
        return AcceleratorPrice(model: model, provider: provider, region: region,
                                onDemandPerHour: override.onDemand * fraction, spotPerHour: override.spot.map { $0 * fraction },
                                derivation: sentence, source: .override(override.note), reference: reference,
                                acceleratorFraction: fraction)
    }
}
