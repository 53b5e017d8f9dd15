import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGatePricing

/// Prices a workload: Σ over roles of replicas × (accelerators × $/accelerator-hour +
/// vCPU × $/vCPU-hour + GiB × $/GiB-hour) × hours, × array tasks or runs per month. On spot
/// capacity the expected cost and its quantiles come from the spot model (spot-model.md).
public struct Estimator: Sendable {
    public var settings: PricingSettings
    package let cache = PriceLookupCache()

    public init(settings: PricingSettings) {
        self.settings = settings
    }

    public func estimate(_ workload: __owned Workload) throws(EstimateError) -> Estimate {
        switch price(workload) {
        case .priced(let estimate): return estimate
        case .unpriced(let unpriced): throw unpriced.error
        }
    }

    /// The estimate, or the workload handed back with the reason it cannot be priced: reports show
    /// every workload read, priced or not.
    public func price(_ workload: __owned Workload) -> PricingOutcome {
        if let beyond = WorkloadBounds.violation(of: workload) { return .unpriced(UnpricedWorkload(workload: workload, error: beyond)) }
        var assumptions = workload.assumptions
        var instance: InstanceType?
        if let name = workload.instanceType {
            instance = cache.instance(settings.catalog, named: name, region: workload.placement.region ?? settings.region)
            if instance == nil {
                assumptions.append("instance type '\(name)' is not in the catalog")
            } else if let instance, name.lowercased().hasPrefix("ml."), !instance.name.lowercased().hasPrefix("ml.") {
                assumptions.append("SageMaker's \(name) priced at the EC2 rate of \(instance.name); SageMaker's own rates are higher")
            }
        }
        let provider = workload.placement.provider ?? instance?.provider ?? settings.provider
        let region = workload.placement.region ?? (provider == settings.provider ? settings.region : nil) ?? provider.defaultRegion
        if let source = workload.placement.providerSource, provider != settings.provider {
            assumptions.append("priced on \(provider.rawValue) (from \(source))")
        }
        let partition = workload.attribution.partitions.first { settings.partitionRates[$0] != nil }
        let nodePool = partition == nil
            ? settings.nodePoolRates.first { workload.nodeLabels[$0.label] == $0.value }
            : nil

        var prices: [RolePrice] = []
        do throws(EstimateError) {
            for role in workload.roles {
                let price = try price(role, of: workload, instance: instance, provider: provider, region: region,
                                      partition: partition, nodePool: nodePool, assumptions: &assumptions)
                prices.append(price)
            }
        } catch {
            return .unpriced(UnpricedWorkload(workload: workload, error: error))
        }

        let hours = workload.durationHours
        let multiplier = Decimal(workload.arrayTasks ?? workload.runsPerMonth ?? 1)
        func total(_ pick: (ReplicaRange) -> Int, spot: Bool) -> Decimal {
            // By index, not `zip(...).reduce`: that copied every role and price (a dozen references each) per call.
            var sum = Decimal(0)
            for index in 0..<min(workload.roles.count, prices.count) {
                let rate = spot ? (prices[index].spotPerHour ?? prices[index].onDemandPerHour) : prices[index].onDemandPerHour
                let replicas = DecimalMath.product(Decimal(pick(workload.roles[index].replicas)), rate)
                sum = DecimalMath.sum(sum, DecimalMath.product(DecimalMath.product(replicas, hours), multiplier))
            }
            return sum
        }
        // Most workloads have a fixed replica count: min and max are the nominal sum, computed once.
        let fixed = workload.roles.allSatisfy { $0.replicas.min == $0.replicas.max }
        let nominalOnDemand = total(\.nominal, spot: false)
        let onDemand = CostFigures(expected: nominalOnDemand, onDemand: nominalOnDemand,
                                   min: fixed ? nominalOnDemand : total(\.min, spot: false),
                                   max: fixed ? nominalOnDemand : total(\.max, spot: false))
        var cost = onDemand
        var spotFigures: SpotFigures?
        let hasSpotPrice = prices.contains { $0.spotPerHour != nil }
        if workload.capacity == .spot, hasSpotPrice,
           let spot = spotAnalysis(workload, prices: prices, instance: instance, provider: provider, region: region) {
            let uninterrupted = total(\.nominal, spot: true)
            let expected = spot.money(spot.estimate.mean.costSpot)
            // min/max scale like the nominal figure: the same interruption premium on more or fewer replicas.
            let premium = expected.map { DecimalMath.isPositive(uninterrupted) ? DecimalMath.quotient($0, uninterrupted) : 1 } ?? 1
            let spotMin = DecimalMath.product(fixed ? uninterrupted : total(\.min, spot: true), premium)
            cost = CostFigures(expected: expected ?? nominalOnDemand, onDemand: nominalOnDemand,
                               min: spotMin, max: fixed ? spotMin : DecimalMath.product(total(\.max, spot: true), premium))
            cost.p50 = spot.money(spot.estimate.quantiles?.p50Cost)
            cost.p90 = spot.money(spot.estimate.quantiles?.p90Cost)
            cost.p99 = spot.money(spot.estimate.quantiles?.p99Cost)
            spotFigures = spot.figures
            assumptions.append(spot.note)
            if let expected, DecimalMath.isLess(nominalOnDemand, expected) {
                assumptions.append(Self.dearerOnSpot(expected: expected, onDemand: nominalOnDemand, prices: prices, region: region))
            }
            if expected == nil {
                assumptions.append("on spot this job may never finish (spot-model.md §7.6): priced on demand; add checkpoints")
            }
        } else if workload.capacity == .spot {
            if !hasSpotPrice { assumptions.append("no spot price in the catalog for this capacity: priced on demand") }
        } else if hasSpotPrice, workload.acceleratorCount.nominal > 0,
                  let expected = spotHint(workload, prices: prices, instance: instance, provider: provider, region: region) {
            // A hint only: the estimate stays on demand unless the manifest asks for spot capacity.
            let saving = DecimalMath.isPositive(onDemand.expected)
                ? PercentText.rounded(DecimalMath.sum(onDemand.expected, -expected), of: onDemand.expected) : "0"
            assumptions.append("hint: on spot capacity the expected cost would be \(MoneyFormat.usd(expected)) "
                + "(\(saving)% less than on demand); 'costgate spot' gives its quantiles and the best checkpoint interval")
        }
        return .priced(Estimate(workload: workload, cost: cost, prices: prices, provider: provider, region: region,
                                spot: spotFigures, assumptions: assumptions))
    }

    /// Why this spot workload is expected to cost more than on demand: the catalog's spot price itself
    /// (the snapshot's spot is not cheaper in this region), or interruptions eating the discount.
    package static func dearerOnSpot(expected: Decimal, onDemand: Decimal, prices: [RolePrice], region: String) -> String {
        let head = "spot is dearer than on demand here: \(MoneyFormat.usd(expected)) expected against \(MoneyFormat.usd(onDemand))"
        if let entry = prices.lazy.compactMap(\.accelerator).first(where: \.spotNotCheaper) {
            let from = entry.reference.map { " for \($0)" } ?? ""
            return head + ": the catalog's spot price\(from) in \(region) is not below on-demand "
                + "(\(PriceText.format(entry.spotPerHour ?? 0)) against \(PriceText.format(entry.onDemandPerHour)) an accelerator-hour); "
                + "run on demand or in another region"
        }
        return head + ": restarts and lost work cost more than the spot discount saves (see the spot model's recommendation)"
    }

    // MARK: - Roles

    // swiftlint:disable:next function_parameter_count
    private func price(_ role: WorkloadRole, of workload: Workload, instance: InstanceType?, provider: CloudProvider,
                       region: String, partition: String?, nodePool: NodePoolRate?,
                       assumptions: inout [String]) throws(EstimateError) -> RolePrice {
        let rates = settings.catalog.rates(provider: provider)
        let cpu = role.cpu
        let memory = role.memoryGiB
        if let partition, let rate = settings.partitionRates[partition] {
            let devices = role.accelerator?.equivalents ?? 0
            let hourly = devices * rate.perAcceleratorHour + cpu * rate.perVCPUHour + memory * rate.perGiBHour
            assumptions.append("priced at partition '\(partition)' rates from \(settings.ratesOrigin)")
            return RolePrice(role: role.name, onDemandPerHour: hourly, spotPerHour: nil, accelerator: nil,
                             model: role.accelerator.flatMap { $0.model ?? rate.model })
        }
        if let nodePool {
            let devices = role.accelerator?.equivalents ?? 0
            let rate = nodePool.rate
            let hourly = devices * rate.perAcceleratorHour + cpu * rate.perVCPUHour + memory * rate.perGiBHour
            assumptions.append("priced at node pool '\(nodePool.label)=\(nodePool.value)' rates from \(settings.ratesOrigin)")
            return RolePrice(role: role.name, onDemandPerHour: hourly, spotPerHour: nil, accelerator: nil,
                             model: role.accelerator.flatMap { $0.model ?? rate.model })
        }
        let cpuAndMemory = DecimalMath.sum(DecimalMath.product(cpu, rates.cpuPerVCPUHour),
                                           DecimalMath.product(memory, rates.memoryPerGiBHour))
        let spotCPUAndMemory = DecimalMath.sum(DecimalMath.product(cpu, rates.spotCPUPerVCPUHour),
                                               DecimalMath.product(memory, rates.spotMemoryPerGiBHour))
        guard let accelerator = role.accelerator, accelerator.count > 0 else {
            return RolePrice(role: role.name, onDemandPerHour: cpuAndMemory, spotPerHour: spotCPUAndMemory, accelerator: nil, model: nil)
        }
        let location = accelerator.location ?? workload.source
        if let raw = accelerator.unrecognizedModel {
            throw .unknownModel(workload: workload.displayName, role: role.name, model: raw, source: accelerator.modelSource ?? "the manifest",
                                at: location)
        }
        let entry: AcceleratorPrice
        var model = accelerator.model
        if model == nil, let instance, let instanceModel = instance.model {
            model = instanceModel
            assumptions.append("model \(instanceModel.id) from instance type \(instance.name)")
        }
        if model == nil, let fallback = settings.defaultGPU {
            model = fallback
            assumptions.append("no GPU model named: the default GPU \(fallback.id) assumed (--default-gpu or the policy's pricing.defaultGPU)")
        }
        guard let model else {
            if let name = workload.instanceType, instance == nil {
                throw .unknownInstanceType(workload: workload.displayName, instanceType: name, at: location)
            }
            throw .missingModel(workload: workload.displayName, role: role.name, resource: accelerator.resource, count: accelerator.count,
                                at: location)
        }
        if let instance, instance.model == model, let byInstance = cache.acceleratorPrice(settings.catalog, for: instance) {
            entry = byInstance
        } else if !accelerator.candidates.isEmpty {
            let options = accelerator.candidates.compactMap { candidate in
                cache.acceleratorPrice(settings.catalog, model: candidate, provider: provider, region: region, perNode: accelerator.count)
            }
            guard let dearest = options.max(by: { $0.onDemandPerHour < $1.onDemandPerHour }) else {
                throw .noPrice(workload: workload.displayName, model: accelerator.candidates.map(\.id).joined(separator: "|"),
                               provider: provider.rawValue, region: region, at: location)
            }
            entry = dearest
            assumptions.append("may run on \(accelerator.candidates.map(\.id).joined(separator: ", ")): priced as the dearest, \(dearest.model.id)")
        } else if let found = cache.acceleratorPrice(settings.catalog, model: model, provider: provider, region: region,
                                                      perNode: accelerator.fraction == 1 ? accelerator.count : nil) {
            entry = found
        } else if workload.placement.provider == nil,
                  let (otherProvider, found) = CloudProvider.allCases.lazy.compactMap({ other -> (CloudProvider, AcceleratorPrice)? in
                      guard other != provider,
                            let price = cache.acceleratorPrice(settings.catalog, model: model, provider: other, region: nil,
                                                               perNode: accelerator.count)
                      else { return nil }
                      return (other, price)
                  }).first {
            entry = found
            assumptions.append("\(provider.rawValue) does not offer \(model.id): priced at \(otherProvider.rawValue)'s list price")
        } else {
            throw .noPrice(workload: workload.displayName, model: model.id, provider: provider.rawValue, region: region, at: location)
        }
        assumptions.append(entry.derivation)
        let devices = accelerator.equivalents
        let onDemand = DecimalMath.sum(DecimalMath.product(devices, entry.onDemandPerHour), cpuAndMemory)
        let spot: Decimal?
        if let ratio = entry.spotRatio {
            // A share of one instance: its vCPUs and memory get the instance's discount too (AcceleratorPrice.spotRatio).
            spot = DecimalMath.product(onDemand, ratio)
        } else {
            spot = entry.spotPerHour.map { DecimalMath.sum(DecimalMath.product(devices, $0), spotCPUAndMemory) }
        }
        return RolePrice(role: role.name, onDemandPerHour: onDemand, spotPerHour: spot, accelerator: entry, model: entry.model)
    }
}
