import Foundation
import CostGateSpot
import CostGateBasics
import CostGateYAML
import CostGateWorkloads
import CostGatePricing

extension PolicyReader {
    package static let pricingKeys = ["provider", "region", "currency", "hoursPerMonth", "defaultGPU", "defaultDuration", "accelerators",
                              "instances", "partitions", "nodePools", "spot"]
    package static let acceleratorKeys = ["model", "provider", "onDemand", "spot"]
    package static let instanceKeys = ["name", "onDemand", "spot"]
    package static let rateKeys = ["perGPUHour", "perCPUHour", "perGiBHour", "gpu"]
    package static let nodePoolKeys = ["label", "value"] + rateKeys
    package static let spotKeys = ["checkpointInterval", "restartOverhead", "interruption"]
    /// Kinds whose one-off runs take a default run time (`default`: every other kind).
    package static let durationKinds = ["default", "Pod", "Job", "CronJob", "SlurmJob", "PyTorchJob", "TFJob", "MPIJob", "PaddleJob",
                                "XGBoostJob", "JAXJob", "TrainJob", "RayJob", "JobSet", "Job.batch.volcano.sh", "HyperPodPyTorchJob"]
    package static let interruptionKeys = ["band", "provider", "ratePerHour"]

    /// The `pricing:` section, or a `--prices` file (which allows only some of its keys).
    package mutating func readPricing(_ node: NodeCursor, allowed: [String] = Self.pricingKeys) -> PolicyPricing {
        var pricing = PolicyPricing()
        checkAllKeys(node, allowed: allowed)
        attempt { () throws(ManifestError) in
            if let provider = try node.child("provider") { pricing.provider = try PolicyValues.choice(provider, CloudProvider.self) }
        }
        attempt { () throws(ManifestError) in pricing.region = try node.optionalString("region") }
        attempt { () throws(ManifestError) in
            guard let currency = try node.child("currency") else { return }
            let code = try currency.string()
            guard code == "USD" else {
                throw .invalidValue(path: currency.path, value: code,
                                    reason: "policy version 1 prices and caps in USD only (the catalog's currency); convert quotas to USD",
                                    at: currency.location)
            }
        }
        attempt { () throws(ManifestError) in
            if let hours = try node.child("hoursPerMonth") { pricing.hoursPerMonth = try PolicyValues.positiveNumber(hours) }
        }
        attempt { () throws(ManifestError) in
            if let gpu = try node.child("defaultGPU") { pricing.defaultGPU = try PolicyValues.gpuModel(gpu) }
        }
        for entry in attempt({ () throws(ManifestError) in try node.child("defaultDuration")?.entries() ?? [] }) ?? [] {
            attempt { () throws(ManifestError) in pricing.defaultDurationHours[entry.key] = try PolicyValues.hours(entry.value) }
            if !Self.durationKinds.contains(entry.key) {
                warning(entry.keyLocation, "'\(entry.key)' is not a kind costgate prices with a run time, so this default is never used"
                        + Suggestion.didYouMean(entry.key, in: Self.durationKinds))
            }
        }
        for item in attempt({ () throws(ManifestError) in try node.child("accelerators")?.items() ?? [] }) ?? [] {
            attempt { () throws(ManifestError) in
                try PolicyValues.checkKeys(item, allowed: Self.acceleratorKeys)
                let model = try PolicyValues.gpuModel(PolicyValues.required(item, "model"))
                let provider = try item.child("provider").map { n throws(ManifestError) in try PolicyValues.choice(n, CloudProvider.self) }
                pricing.acceleratorOverrides.append(PolicyPricing.AcceleratorOverride(
                    model: model, provider: provider, onDemand: try PolicyValues.money(PolicyValues.required(item, "onDemand")),
                    spot: try item.child("spot").map { n throws(ManifestError) in try PolicyValues.money(n) }, location: item.location))
            }
        }
        for item in attempt({ () throws(ManifestError) in try node.child("instances")?.items() ?? [] }) ?? [] {
            attempt { () throws(ManifestError) in
                try PolicyValues.checkKeys(item, allowed: Self.instanceKeys)
                pricing.instanceOverrides.append(PolicyPricing.InstanceOverride(
                    name: try PolicyValues.required(item, "name").string(),
                    onDemand: try PolicyValues.money(PolicyValues.required(item, "onDemand")),
                    spot: try item.child("spot").map { n throws(ManifestError) in try PolicyValues.money(n) }, location: item.location))
            }
        }
        for entry in attempt({ () throws(ManifestError) in try node.child("partitions")?.entries() ?? [] }) ?? [] {
            attempt { () throws(ManifestError) in
                try PolicyValues.checkKeys(entry.value, allowed: Self.rateKeys)
                pricing.partitionRates[entry.key] = try Self.rate(entry.value)
            }
        }
        for item in attempt({ () throws(ManifestError) in try node.child("nodePools")?.items() ?? [] }) ?? [] {
            attempt { () throws(ManifestError) in
                try PolicyValues.checkKeys(item, allowed: Self.nodePoolKeys)
                pricing.nodePoolRates.append(NodePoolRate(label: try PolicyValues.required(item, "label").string(),
                                                          value: try PolicyValues.required(item, "value").string(), rate: try Self.rate(item)))
            }
        }
        if let spot = attempt({ () throws(ManifestError) in try node.child("spot") }) ?? nil {
            pricing.spot = readSpot(spot)
        }
        return pricing
    }

    private static func rate(_ node: NodeCursor) throws(ManifestError) -> PartitionRate {
        PartitionRate(perAcceleratorHour: try PolicyValues.money(PolicyValues.required(node, "perGPUHour")),
                      perVCPUHour: try node.child("perCPUHour").map { n throws(ManifestError) in try PolicyValues.money(n) } ?? 0,
                      perGiBHour: try node.child("perGiBHour").map { n throws(ManifestError) in try PolicyValues.money(n) } ?? 0,
                      model: try node.child("gpu").map { n throws(ManifestError) in try PolicyValues.gpuModel(n) })
    }

    private mutating func readSpot(_ node: NodeCursor) -> SpotParameters {
        var spot = SpotParameters()
        checkAllKeys(node, allowed: Self.spotKeys)
        attempt { () throws(ManifestError) in
            if let interval = try node.child("checkpointInterval") { spot.checkpointIntervalHours = try PolicyValues.hours(interval) }
        }
        attempt { () throws(ManifestError) in
            if let restart = try node.child("restartOverhead") { spot.restartHours = try PolicyValues.hours(restart) }
        }
        for entry in attempt({ () throws(ManifestError) in try node.child("interruption")?.entries() ?? [] }) ?? [] {
            attempt { () throws(ManifestError) in
                guard let model = GPUModel.normalize(entry.key) else {
                    throw .invalidValue(path: entry.value.path, value: entry.key,
                                        reason: "not a GPU model costgate knows" + Suggestion.didYouMean(entry.key, in: GPUModel.known.map(\.id)),
                                        at: entry.keyLocation)
                }
                spot.interruptionByModel[model] = try Self.interruption(entry.value)
            }
        }
        return spot
    }

    /// `"5-10%"` (a monthly band), `{band: 5-10%, provider: azure}` or `{ratePerHour: 0.0002}`.
    private static func interruption(_ node: NodeCursor) throws(ManifestError) -> InterruptionSource {
        if case .scalar = node.node.content { return .band(try Self.band(node), provider: .generic) }
        try PolicyValues.checkKeys(node, allowed: Self.interruptionKeys)
        if let rateNode = try node.child("ratePerHour") {
            if try node.child("band") != nil {
                throw .invalidValue(path: node.path, value: "band and ratePerHour", reason: "give either a band or a rate", at: node.location)
            }
            let text = try rateNode.string()
            guard let rate = Double(text), rate >= 0, rate.isFinite else {
                throw .invalidValue(path: rateNode.path, value: text, reason: "expected interruptions per instance-hour, e.g. 0.0002",
                                    at: rateNode.location)
            }
            return .rate(perInstanceHour: rate)
        }
        let provider = try node.child("provider").map { n throws(ManifestError) in try PolicyValues.choice(n, SpotProvider.self) } ?? .generic
        return .band(try Self.band(PolicyValues.required(node, "band")), provider: provider)
    }

    private static func band(_ node: NodeCursor) throws(ManifestError) -> InterruptionBand {
        let text = try node.string()
        guard let band = InterruptionBand(spelling: text) else {
            throw .invalidValue(path: node.path, value: text, reason: "expected a band: <5%, 5-10%, 10-15%, 15-20% or >20%", at: node.location)
        }
        return band
    }
}
