import Foundation
import CostGateSpot
import CostGateWorkloads
import CostGatePricing

/// Memoizes catalog lookups for one estimation run: thousands of workloads share a handful of
/// (model, provider, region) prices, and each lookup builds its derivation text. Also the spot
/// model's estimates: copies of a job (the same run time, gang, prices and rate) are estimated once.
///
/// Pricing runs on every core and each workload makes several lookups, so the tables are kept in
/// shards chosen by the calling thread: behind one shared lock the threads collided on lookups of a
/// hundred nanoseconds and slept in the kernel (scheduler time was 6 % of the pricing phase on 2
/// cores, and more threads collide more). A shard computes what it misses itself, so a value may be
/// computed once per shard instead of once per run; every value is a pure function of its key, so
/// the result is the same.
package final class PriceLookupCache: Sendable {
    private let shards: [Shard]
    private let spotShapes = SpotShapeMemo()

    /// 64 shards: two or four pricing threads rarely land on one (and when they do, they only share a lock).
    package init(shards count: Int = 64) {
        precondition(count > 0 && count & (count - 1) == 0, "the shard count is a power of two")
        shards = (0..<count).map { _ in Shard() }
    }

    /// The calling thread's shard, from its id (the ids of live threads differ; a multiplicative hash
    /// spreads their high, page-aligned bits over the shards).
    private var shard: Shard {
        #if canImport(Glibc)
        let id = UInt64(pthread_self())
        #else
        let id = UInt64(UInt(bitPattern: pthread_self()))
        #endif
        let mixed = (id ^ id >> 29) &* 0x9E37_79B9_7F4A_7C15
        return shards[Int(truncatingIfNeeded: mixed >> 40) & (shards.count - 1)]
    }

    package func acceleratorPrice(_ catalog: PriceCatalog, model: GPUModel, provider: CloudProvider, region: String?,
                          perNode: Int?) -> AcceleratorPrice? {
        shard.memo(\.accelerators, Shard.AcceleratorKey(model: model, provider: provider, region: region, perNode: perNode)) {
            catalog.acceleratorPrice(model: model, provider: provider, region: region, perNode: perNode)
        }
    }

    package func instance(_ catalog: PriceCatalog, named name: String, region: String?) -> InstanceType? {
        shard.memo(\.instances, Shard.InstanceKey(name: name, region: region)) { catalog.instance(named: name, region: region) }
    }

    package func spotBand(_ catalog: PriceCatalog, instance: String, region: String?) -> SpotBand? {
        shard.memo(\.bands, Shard.InstanceKey(name: instance, region: region)) { catalog.spotBand(instance: instance, region: region) }
    }

    package func acceleratorPrice(_ catalog: PriceCatalog, for instance: InstanceType) -> AcceleratorPrice? {
        shard.memo(\.instancePrices, Shard.InstanceKey(name: instance.name, region: instance.region)) {
            catalog.acceleratorPrice(for: instance)
        }
    }

    /// The spot model's estimate of `job` (nil when it cannot be estimated), by the default method.
    package func spotEstimate(_ job: SpotJob) -> SpotEstimate? {
        shard.memo(\.spotEstimates, job) { Shard.Boxed(try? SpotModel.estimate(job, method: .exact, memo: spotShapes)) }.value
    }

    /// One shard's tables, behind its own lock.
    private final class Shard: @unchecked Sendable {
        struct AcceleratorKey: Hashable {
            var model: GPUModel
            var provider: CloudProvider
            var region: String?
            var perNode: Int?
        }

        struct InstanceKey: Hashable {
            var name: String
            var region: String?
        }

        /// An estimate is about a kilobyte: held inline, the table's buckets are too, and each time it grows
        /// it moves them all into fresh pages (a tenth of a spot-heavy run's page faults).
        final class Boxed: Sendable {
            let value: SpotEstimate?
            init(_ value: SpotEstimate?) { self.value = value }
        }

        private let lock = NSLock()
        var accelerators: [AcceleratorKey: AcceleratorPrice?] = [:]
        var instances: [InstanceKey: InstanceType?] = [:]
        var instancePrices: [InstanceKey: AcceleratorPrice?] = [:]
        var bands: [InstanceKey: SpotBand?] = [:]
        var spotEstimates: [SpotJob: Boxed] = [:]

        func memo<Key: Hashable, Value>(_ table: ReferenceWritableKeyPath<Shard, [Key: Value]>, _ key: Key,
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
    }
}
