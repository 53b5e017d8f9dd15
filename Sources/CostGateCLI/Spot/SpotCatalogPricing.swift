import ArgumentParser
import CostGateCore
import Foundation
import CostGateSpot
import CostGateBasics
import CostGateWorkloads
import CostGatePricing

/// Per-node prices and the interruption band of a job from the built-in catalog
/// (`costgate spot --gpu MODEL [--gpus-per-node N] | --instance-type NAME [--cloud …] [--region …]`).
///
/// A node is priced as a whole instance when one is named or the catalog's reference configuration
/// for the model has exactly `--gpus-per-node` accelerators (an 8-GPU node on `p5.48xlarge`); otherwise
/// as `gpus-per-node × per-accelerator price` with nothing for vCPU or memory, and the derivation says so.
struct SpotCatalogPricing {
    var cloud: CloudProvider
    var region: String
    /// USD per node-hour on demand; nil when the catalog has no on-demand price.
    var onDemandPerNode: Decimal?
    /// USD per node-hour on spot; nil when the catalog has no spot price.
    var spotPerNode: Decimal?
    /// How a node's prices were derived, one sentence.
    var derivation: String
    /// The node, e.g. `p5.48xlarge` or `8 × h100-80gb`.
    var node: String
    /// The AWS Spot Advisor band of the node's instance type, and a sentence naming it.
    var advisorBand: (band: InterruptionBand, sentence: String)?
    /// Region fallbacks, corrected or estimated prices.
    var notes: [String]

    /// Looks the node up. Unknown names and contradictory flags are usage errors; a count below one
    /// is an invalid value.
    static func lookup(catalog: PriceCatalog, cloud cloudName: String?, region wantedRegion: String?, gpu: String?,
                       gpusPerNode: Int?, instanceType: String?) throws -> SpotCatalogPricing {
        var cloud: CloudProvider?
        if let cloudName {
            guard let parsed = CloudProvider(rawValue: cloudName.lowercased()) else {
                throw ValidationError("unknown cloud '\(cloudName)' for --cloud: expected aws, gcp or azure"
                                      + Suggestion.didYouMean(cloudName, in: CloudProvider.allCases.map(\.rawValue)))
            }
            cloud = parsed
        }
        var model: GPUModel?
        if let gpu {
            guard let parsed = GPUModel.normalize(gpu) else {
                throw ValidationError("unknown GPU model '\(gpu)' for --gpu; 'costgate catalog' lists the models")
            }
            model = parsed
        }
        if let gpusPerNode, gpusPerNode < 1 {
            throw SpotInputError(message: "'--gpus-per-node' must be an integer ≥ 1, found '\(gpusPerNode)'")
        }

        if let instanceType {
            return try instancePricing(catalog: catalog, name: instanceType, cloud: cloud, region: wantedRegion, model: model,
                                       gpusPerNode: gpusPerNode)
        }
        guard let model else { throw ValidationError("the catalog needs --gpu MODEL or --instance-type NAME") }
        let provider = cloud ?? .aws
        let region = wantedRegion ?? provider.defaultRegion
        let perNode = gpusPerNode ?? 1
        guard let price = catalog.acceleratorPrice(model: model, provider: provider, region: region, perNode: perNode) else {
            throw SpotInputError(message: "the catalog has no \(provider.rawValue) price for \(model.id); "
                                 + "'costgate catalog --model \(model.id)' lists where it is priced, "
                                 + "or give --price-spot and --price-on-demand")
        }
        // An instance with exactly this many accelerators (AWS and Azure: the price's reference instance;
        // GCP: a host+accelerator shape such as a2-ultragpu-8g): price the node as that whole instance.
        func fits(_ instance: InstanceType) -> Bool {
            instance.provider == provider && instance.model == model && instance.devices == Decimal(perNode)
                && instance.acceleratorCount >= 1 && instance.onDemandPerHour != nil
        }
        let reference = price.reference.flatMap { catalog.instance(named: $0, region: region) }.flatMap { fits($0) ? $0 : nil }
        if let instance = reference ?? matchingInstance(catalog: catalog, region: region, where: fits) {
            var pricing = wholeInstance(instance, catalog: catalog)
            pricing.derivation += " (the catalog's instance with \(perNode) \(model.id))"
            return pricing
        }
        let count = Decimal(perNode)
        let unit = model.kind == .tpu ? "chip" : "accelerator"
        var derivation = "accelerators only: \(perNode) × \(text(price.onDemandPerHour)) USD per \(unit)-hour on demand"
        derivation += price.spotPerHour.map { ", spot \(perNode) × \(text($0))" } ?? ", no spot price"
        derivation += "; vCPU and memory are not included (no \(provider.rawValue) instance in the catalog has exactly "
            + "\(perNode) \(model.id)); per \(unit): \(price.derivation)"
        let advisor = provider == .aws ? price.reference.flatMap { advisorBand(catalog: catalog, instance: $0, region: region) } : nil
        // The derivation already carries the price's notes.
        return SpotCatalogPricing(
            cloud: provider, region: region, onDemandPerNode: price.onDemandPerHour * count,
            spotPerNode: price.spotPerHour.map { $0 * count }, derivation: derivation, node: "\(perNode) \(model.id)",
            advisorBand: advisor, notes: [])
    }

    /// The smallest instance (vCPUs, memory, name) that `fits`, preferring one with its own row in `region`.
    private static func matchingInstance(catalog: PriceCatalog, region: String, where fits: (InstanceType) -> Bool) -> InstanceType? {
        var best: InstanceType?
        func key(_ instance: InstanceType) -> (Int, Int, Decimal, String) {
            (instance.priceRegions == [region] ? 0 : 1, instance.vcpus, instance.memoryGiB, instance.name)
        }
        for name in catalog.instanceNames {
            guard let instance = catalog.instance(named: name, region: region), fits(instance) else { continue }
            if best.map({ key(instance) < key($0) }) ?? true { best = instance }
        }
        return best
    }

    private static func instancePricing(catalog: PriceCatalog, name: String, cloud: CloudProvider?, region: String?,
                                        model: GPUModel?, gpusPerNode: Int?) throws -> SpotCatalogPricing {
        // Without --region the type is priced in its provider's default region.
        guard let instance = catalog.instance(named: name, region: region) else {
            throw ValidationError("unknown instance type '\(name)' for --instance-type"
                                  + Suggestion.didYouMean(name, in: catalog.instanceNames))
        }
        if let cloud, cloud != instance.provider {
            throw ValidationError("--instance-type \(instance.name) is sold by \(instance.provider.rawValue), not \(cloud.rawValue) (--cloud)")
        }
        if let model, model != instance.model {
            throw ValidationError("--instance-type \(instance.name) carries \(instance.model?.id ?? "no accelerator"), "
                                  + "not \(model.id)")
        }
        if let gpusPerNode, Decimal(gpusPerNode) != instance.devices {
            throw ValidationError("--instance-type \(instance.name) has \(text(instance.devices)) accelerators, "
                                  + "not \(gpusPerNode) (--gpus-per-node)")
        }
        return wholeInstance(instance, catalog: catalog)
    }

    private static func wholeInstance(_ instance: InstanceType, catalog: PriceCatalog) -> SpotCatalogPricing {
        let shape = instance.model.map { "\(text(instance.acceleratorCount)) × \($0.id), " } ?? ""
        var derivation = "instance \(instance.name) (\(shape)\(instance.vcpus) vCPU, \(text(instance.memoryGiB)) GiB) in "
            + "\(instance.region): "
        derivation += instance.onDemandPerHour.map { "\(text($0)) USD per instance-hour on demand" } ?? "not offered on demand"
        derivation += instance.spotPerHour.map { ", spot \(text($0))" } ?? ", no spot price"
        let advisor = instance.provider == .aws ? advisorBand(catalog: catalog, instance: instance.name, region: instance.region) : nil
        return SpotCatalogPricing(
            cloud: instance.provider, region: instance.region, onDemandPerNode: instance.onDemandPerHour,
            spotPerNode: instance.spotPerHour, derivation: derivation, node: instance.name, advisorBand: advisor,
            notes: instance.notes)
    }

    private static func advisorBand(catalog: PriceCatalog, instance: String, region: String)
        -> (band: InterruptionBand, sentence: String)? {
        guard let advice = catalog.spotAdvice(instance: instance, region: region) else { return nil }
        let band = advice.band.interruptionBand
        let dated = advice.source.date.map { ", snapshot \($0)" } ?? ""
        return (band, "AWS Spot Advisor: \(advice.instance) in \(advice.region), frequency of interruption "
                + "\(advice.band.label) a month (advertised saving \(advice.savingsPercent) %\(dated))")
    }

    /// Decimal text without needless digits: `55.04`, `8`, `0.125`.
    static func text(_ value: Decimal) -> String {
        value.rounded(6).description
    }
}
