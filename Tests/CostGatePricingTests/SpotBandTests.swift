import XCTest
@testable import CostGatePricing

final class SpotBandTests: XCTestCase {
    let catalog = PriceCatalog.builtin

    func testP5InUSEast1IsOverTwentyPercent() throws {
        XCTAssertEqual(catalog.spotBand(instance: "p5.48xlarge", region: "us-east-1"), .over20)
        XCTAssertEqual(catalog.spotBand(instance: "p5.48xlarge", region: nil), .over20)
        XCTAssertEqual(catalog.spotBand(instance: "p5.48xlarge", region: "us-east-1")?.label, ">20%")
        let advice = try XCTUnwrap(catalog.spotAdvice(instance: "p5.48xlarge", region: "us-east-1"))
        XCTAssertEqual(advice.savingsPercent, 52)
        XCTAssertEqual(advice.source.id, "spotinfo")
    }

    func testOtherBands() {
        XCTAssertEqual(catalog.spotBand(instance: "p4d.24xlarge", region: "us-east-1"), .from10To15)
        XCTAssertEqual(catalog.spotBand(instance: "p4de.24xlarge", region: "us-east-1"), .under5)
        XCTAssertEqual(catalog.spotBand(instance: "g5.xlarge", region: "us-east-1"), .over20)
        XCTAssertEqual(catalog.spotBand(instance: "g6e.xlarge", region: "us-east-1"), .from5To10)
        XCTAssertEqual(catalog.spotBand(instance: "trn1.32xlarge", region: "us-east-1"), .under5)
        XCTAssertNotNil(catalog.spotBand(instance: "g4dn.12xlarge", region: "af-south-1"))
    }

    func testMissingEntriesAreNil() {
        XCTAssertNil(catalog.spotBand(instance: "p6-b200.48xlarge", region: "us-east-1"), "not in the 2025-06-28 snapshot")
        XCTAssertNil(catalog.spotBand(instance: "a2-highgpu-8g", region: "us-central1"))
        XCTAssertNil(catalog.spotBand(instance: "p5.48xlarge", region: "mars-north-1"))
    }

    func testBandProperties() {
        XCTAssertEqual(SpotBand.allCases.map(\.label), ["<5%", "5-10%", "10-15%", "15-20%", ">20%"])
        XCTAssertEqual(SpotBand.allCases.map(\.index), [0, 1, 2, 3, 4])
        XCTAssertEqual(SpotBand.allCases.map(\.maxPercent), [5, 11, 16, 22, 100])
        XCTAssertEqual(SpotBand(index: 4), .over20)
        XCTAssertNil(SpotBand(index: 5))
        XCTAssertLessThan(SpotBand.under5, SpotBand.over20)
    }
}
