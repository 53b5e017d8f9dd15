import XCTest
@testable import CostGateWorkloads

final class SlurmGRESTests: XCTestCase {
    func testUntypedAndTyped() throws {
        XCTAssertEqual(try SlurmGRES.parseList("gpu:2"), [SlurmGRES(name: "gpu", count: 2)])
        XCTAssertEqual(try SlurmGRES.parseList("gpu:a100:2"), [SlurmGRES(name: "gpu", type: "a100", count: 2)])
        XCTAssertEqual(try SlurmGRES.parseList("gpu"), [SlurmGRES(name: "gpu", count: 1)], "count defaults to 1")
        XCTAssertEqual(try SlurmGRES.parseList("gpu:v100l"), [SlurmGRES(name: "gpu", type: "v100l", count: 1)])
        XCTAssertEqual(try SlurmGRES.parseList("gpu=4"), [SlurmGRES(name: "gpu", count: 4)])
        XCTAssertEqual(try SlurmGRES.parseList("gres/gpu:h100:8"), [SlurmGRES(name: "gpu", type: "h100", count: 8)])
    }

    func testCommaLists() throws {
        XCTAssertEqual(try SlurmGRES.parseList("gpu:a100:2,gpu:1"), [
            SlurmGRES(name: "gpu", type: "a100", count: 2), SlurmGRES(name: "gpu", count: 1),
        ])
        XCTAssertEqual(try SlurmGRES.parseList("gpu:2,shard:4,mps:100"), [
            SlurmGRES(name: "gpu", count: 2), SlurmGRES(name: "shard", count: 4), SlurmGRES(name: "mps", count: 100),
        ])
        XCTAssertEqual(try SlurmGRES.parseList("gpu:tesla:0,gpu:2"), [SlurmGRES(name: "gpu", count: 2)],
                       "entries with count 0 are dropped")
        XCTAssertEqual(try SlurmGRES.parseList("none"), [])
    }

    func testCountSuffixes() throws {
        XCTAssertEqual(try SlurmGRES.parseList("bandwidth:2k").first?.count, 2048)
        XCTAssertEqual(try SlurmGRES.parseList("bandwidth:1M").first?.count, 1 << 20)
        XCTAssertEqual(try SlurmGRES.parseList("bandwidth:1g").first?.count, 1 << 30)
        XCTAssertEqual(try SlurmGRES.parseList("bandwidth:3KB").first?.count, 3000)
        XCTAssertEqual(try SlurmGRES.parseList("bandwidth:1t").first?.count, 1 << 40)
    }

    func testInvalid() {
        for text in ["gpu:", "gpu=a100", "gpu:a100:tesla", "4", ":2", "gpu::2"] {
            XCTAssertThrowsError(try SlurmGRES.parseList(text), "'\(text)' should be rejected")
        }
    }

    func testOnlyGPUCountsAsGPU() throws {
        let component = try sbatchComponent("#SBATCH --gres=gpu:a100:2,shard:4,mps:50\n")
        XCTAssertEqual(component.gresGPUsPerNode, 2)
        XCTAssertEqual(component.gpuType, "a100")
        XCTAssertEqual(component.totalGPUs(nodesUsed: 3), 6)
    }

    func testGPUCounts() throws {
        XCTAssertEqual(try SlurmGPUCount.parse("8"), SlurmGPUCount(count: 8))
        XCTAssertEqual(try SlurmGPUCount.parse("a100:8"), SlurmGPUCount(count: 8, type: "a100"))
        XCTAssertEqual(try SlurmGPUCount.parse("a100"), SlurmGPUCount(count: 1, type: "a100"), "a bare type is one GPU")
        let mixed = try SlurmGPUCount.parse("volta:3,kepler:1")
        XCTAssertEqual(mixed.count, 4)
        XCTAssertNil(mixed.type)
        XCTAssertEqual(try SlurmGPUCount.parse("0").count, 0)
        for text in ["", "a100:", "a100:tesla:x"] {
            XCTAssertThrowsError(try SlurmGPUCount.parse(text), "'\(text)' should be rejected")
        }
    }
}
