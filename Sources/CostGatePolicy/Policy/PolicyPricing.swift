import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGatePricing

/// The policy's `pricing:` section, already validated: applied on top of the command line's settings.
public struct PolicyPricing: Sendable {
    public var provider: CloudProvider?
    public var region: String?
    /// ISO 4217 code; costgate's catalog and quotas are USD in version 1.
    public var currency = "USD"
    public var hoursPerMonth: Decimal?
    public var defaultGPU: GPUModel?
    /// Run time by kind; the key `default` applies to every kind not listed.
    public var defaultDurationHours: [String: Decimal] = [:]
    public var acceleratorOverrides: [AcceleratorOverride] = []
    public var instanceOverrides: [InstanceOverride] = []
    public var partitionRates: [String: PartitionRate] = [:]
    public var nodePoolRates: [NodePoolRate] = []
    public var spot = SpotParameters()

    public init() {}

    public struct AcceleratorOverride: Sendable, Hashable {
        public var model: GPUModel
        public var provider: CloudProvider?
        public var onDemand: Decimal
        public var spot: Decimal?
        public var location: SourceLocation
    }

    public struct InstanceOverride: Sendable, Hashable {
        public var name: String
        public var onDemand: Decimal
        public var spot: Decimal?
        public var location: SourceLocation
    }

    /// The reading options with the policy's durations and month length.
    public func apply(to options: inout ReadOptions) {
        if let hoursPerMonth { options.hoursPerMonth = hoursPerMonth }
        for (kind, hours) in defaultDurationHours {
            if kind == "default" { options.defaultDurationHours = hours } else { options.defaultDurationByKind[kind] = hours }
        }
    }

    /// The pricing settings with the policy's provider, region, overrides, rates and spot inputs.
    /// Instance overrides naming types the catalog lacks are returned as errors. `origin` names the kind
    /// of file in derivations (`policy`, `--prices`).
    public func apply(to settings: inout PricingSettings, file: String, origin: String = "policy") -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let provider { settings.provider = provider }
        if let region { settings.region = region }
        if let defaultGPU { settings.defaultGPU = defaultGPU }
        for entry in acceleratorOverrides {
            settings.catalog.override(model: entry.model, provider: entry.provider, onDemandPerHour: entry.onDemand,
                                      spotPerHour: entry.spot, note: "\(origin) \(file):\(entry.location.line)")
        }
        for entry in instanceOverrides where !settings.catalog.override(
            instance: entry.name, onDemandPerHour: entry.onDemand, spotPerHour: entry.spot, note: "\(origin) \(file):\(entry.location.line)") {
            diagnostics.append(Diagnostic(.error, at: entry.location,
                "instance type '\(entry.name)' is not in the catalog, so its accelerators are unknown; price its GPU model under "
                + "pricing.accelerators instead" + Suggestion.didYouMean(entry.name, in: settings.catalog.instanceNames),
                rule: "invalid-policy"))
        }
        settings.partitionRates.merge(partitionRates) { _, policy in policy }
        settings.nodePoolRates = nodePoolRates + settings.nodePoolRates
        if !partitionRates.isEmpty || !nodePoolRates.isEmpty {
            settings.ratesOrigin = origin == "policy" ? "the policy \(file)" : "the \(origin) file \(file)"
        }
        if let interval = spot.checkpointIntervalHours { settings.spot.checkpointIntervalHours = interval }
        if let restart = spot.restartHours { settings.spot.restartHours = restart }
        settings.spot.interruptionByModel.merge(spot.interruptionByModel) { _, policy in policy }
        return diagnostics
    }
}
