import Foundation
import CostGateSpot
import CostGateWorkloads
import CostGatePricing

/// Memoizes catalog lookups for one estimation run: thousands of workloads share a handful of
/// (model, provider, region) prices, and each lookup builds its derivation text. Also the spot
/// model's estimates: copies of a job (the same run time, gang, prices and rate) are estimated once.
package final class PriceLookupCache: @unchecked Sendable {
    private struct AcceleratorKey: Hashable {
        var model: GPUModel
        var provider: CloudProvider
        var region: String?
        var perNode: Int?
    }

    private struct InstanceKey: Hashable {
        var name: String
        var region: String?
    }

    private let lock = NSLock()
    private var accelerators: [AcceleratorKey: AcceleratorPrice?] = [:]
    private var instances: [InstanceKey: InstanceType?] = [:]
    private var instancePrices: [InstanceKey: AcceleratorPrice?] = [:]
    private var bands: [InstanceKey: SpotBand?] = [:]
    private var spotEstimates: [SpotJob: SpotEstimate?] = [:]
    private var spotMeans: [SpotJob: Double?] = [:]
    private let spotShapes = SpotShapeMemo()

    private func memo<Key: Hashable, Value>(_ table: ReferenceWritableKeyPath<PriceLookupCache, [Key: Value]>, _ key: Key,
                                            _ compute: () -> Value) -> Value {
        lock.lock()
        if let hit = self[keyPath: table][key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let value = compute()
        lock.lock()
        self[keyPath: table][key] = value
        lock.unlock()
        return value
    }

    package func acceleratorPrice(_ catalog: PriceCatalog, model: GPUModel, provider: CloudProvider, region: String?,
                          perNode: Int?) -> AcceleratorPrice? {
        memo(\.accelerators, AcceleratorKey(model: model, provider: provider, region: region, perNode: perNode)) {
            catalog.acceleratorPrice(model: model, provider: provider, region: region, perNode: perNode)
        }
    }

    package func instance(_ catalog: PriceCatalog, named name: String, region: String?) -> InstanceType? {
        memo(\.instances, InstanceKey(name: name, region: region)) { catalog.instance(named: name, region: region) }
    }

    package func spotBand(_ catalog: PriceCatalog, instance: String, region: String?) -> SpotBand? {
        memo(\.bands, InstanceKey(name: instance, region: region)) { catalog.spotBand(instance: instance, region: region) }
    }

    package func acceleratorPrice(_ catalog: PriceCatalog, for instance: InstanceType) -> AcceleratorPrice? {
        memo(\.instancePrices, InstanceKey(name: instance.name, region: instance.region)) { catalog.acceleratorPrice(for: instance) }
    }

    /// The spot model's expected cost of `job` (nil when it has none): the hint offered on every
    /// on-demand GPU workload, and copies of a workload share it.
    package func spotMeanCost(_ job: SpotJob) -> Double? {
        memo(\.spotMeans, job) { (try? SpotModel.mean(job))?.costSpot ?? nil }
    }

    /// The spot model's estimate of `job` (nil when it cannot be estimated), by the default method.
    package func spotEstimate(_ job: SpotJob) -> SpotEstimate? {
        memo(\.spotEstimates, job) { try? SpotModel.estimate(job, method: .exact, memo: spotShapes) }
    }
}
