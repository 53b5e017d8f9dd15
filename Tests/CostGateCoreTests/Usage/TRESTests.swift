import Foundation
import XCTest
@testable import CostGateCore
@testable import CostGateUsage

final class TRESTests: XCTestCase {
    func testTheDocumentedExample() throws {
        let tres = try TRES.parse("billing=64,cpu=64,gres/gpu=8,gres/gpu:a100=8,mem=512G,node=1")
        XCTAssertEqual(tres.cpus, 64)
        XCTAssertEqual(tres.gpus, 8)
        XCTAssertEqual(tres.typedGPUs, [TRES.TypedGPUs(type: "a100", count: 8)])
        XCTAssertEqual(tres.memoryGiB, 512)
        XCTAssertEqual(tres.nodes, 1)
    }

    func testMemoryUnits() {
        XCTAssertEqual(TRES.memoryGiB("524288M"), 512)
        XCTAssertEqual(TRES.memoryGiB("2T"), 2048)
        XCTAssertEqual(TRES.memoryGiB("1048576K"), 1)
        XCTAssertEqual(TRES.memoryGiB("2.5G"), Decimal(string: "2.5"))
        XCTAssertEqual(TRES.memoryGiB("1024"), 1)   // bare: MiB, Slurm's base unit
        XCTAssertEqual(TRES.memoryGiB("1P"), 1_048_576)
        XCTAssertNil(TRES.memoryGiB("lots"))
        XCTAssertNil(TRES.memoryGiB("12X"))
    }

    func testTypedGPUsAddUpWhenTheUntypedCountIsMissing() throws {
        let tres = try TRES.parse("cpu=16,gres/gpu:a100=2,gres/gpu:h100=4,mem=64G,node=1")
        XCTAssertEqual(tres.gpus, 6)
        XCTAssertNil(tres.untypedGPUs)
    }

    func testKeysNotPricedAreSkipped() throws {
        let tres = try TRES.parse("billing=12,cpu=4,energy=1234,fs/disk=1000,gres/shard=2,license/matlab=1,mem=8G,node=1")
        XCTAssertEqual(tres.gpus, 0)
        XCTAssertEqual(tres.cpus, 4)
    }

    func testMalformedItemsNameTheirOffset() {
        XCTAssertThrowsError(try TRES.parse("cpu=4,gres/gpu=two")) { error in
            XCTAssertEqual(error as? TRES.Problem, TRES.Problem(offset: 6, message: "AllocTRES 'gres/gpu' value 'two' is not a whole number"))
        }
        XCTAssertThrowsError(try TRES.parse("cpu=4,,mem=1G")) { error in
            XCTAssertEqual((error as? TRES.Problem)?.offset, 6)
        }
        XCTAssertThrowsError(try TRES.parse("cpu")) { error in
            XCTAssertEqual((error as? TRES.Problem)?.message, "AllocTRES item 'cpu' is not key=value")
        }
        XCTAssertEqual(try TRES.parse("").gpus, 0)
    }
}
