import XCTest
import Dispatch
@testable import CostGateEstimation
@testable import CostGateWorkloads
@testable import CostGatePricing

final class PriceLookupCacheTests: XCTestCase {
    private let catalog = PriceCatalog.builtin

    /// Lookups of the same keys made from many threads at once (so from several shards) give what the
    /// catalog gives, every time.
    func testLookupsFromManyThreadsAnswerAsTheCatalog() throws {
        let cache = PriceLookupCache()
        let models = ["h100", "a100-80gb", "l4", "t4", "a10g"].compactMap(GPUModel.normalize)
        XCTAssertEqual(models.count, 5)
        let regions: [String?] = ["us-east-1", "eu-west-1", nil]
        let instances = ["p5.48xlarge", "g5.12xlarge", "g6.xlarge", "not-an-instance"]
        let catalog = self.catalog
        let mismatches = [Int](unsafeUninitializedCapacity: 64) { buffer, initialized in
            nonisolated(unsafe) let base = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: 64) { round in
                var wrong = 0
                for model in models {
                    for region in regions {
                        let perNode = round % 2 == 0 ? 8 : nil
                        if cache.acceleratorPrice(catalog, model: model, provider: .aws, region: region, perNode: perNode)
                            != catalog.acceleratorPrice(model: model, provider: .aws, region: region, perNode: perNode) { wrong += 1 }
                    }
                }
                for name in instances {
                    let found = cache.instance(catalog, named: name, region: "us-east-1")
                    if found != catalog.instance(named: name, region: "us-east-1") { wrong += 1 }
                    if let found, cache.acceleratorPrice(catalog, for: found) != catalog.acceleratorPrice(for: found) { wrong += 1 }
                    if cache.spotBand(catalog, instance: name, region: "us-east-1") != catalog.spotBand(instance: name, region: "us-east-1") {
                        wrong += 1
                    }
                }
                (base + round).initialize(to: wrong)
            }
            initialized = 64
        }
        XCTAssertEqual(mismatches, [Int](repeating: 0, count: 64))
        XCTAssertNotNil(cache.instance(catalog, named: "p5.48xlarge", region: "us-east-1"), "the test must look up real entries")
        XCTAssertNil(cache.instance(catalog, named: "not-an-instance", region: "us-east-1"), "a miss is remembered as a miss")
    }

    /// One shard (every thread on one lock) answers as 64 do.
    func testOneShardAnswersAsMany() throws {
        let one = PriceLookupCache(shards: 1)
        let many = PriceLookupCache(shards: 64)
        let model = try XCTUnwrap(GPUModel.normalize("h100"))
        for region in ["us-east-1", "us-west-2", "ap-southeast-3"] {
            XCTAssertEqual(one.acceleratorPrice(catalog, model: model, provider: .aws, region: region, perNode: 8),
                           many.acceleratorPrice(catalog, model: model, provider: .aws, region: region, perNode: 8))
        }
    }
}
