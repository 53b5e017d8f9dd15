import XCTest
@testable import CostGatePricing
@testable import CostGateWorkloads

final class PriceOverrideTests: XCTestCase {
    func testOverrideReplacesThePriceForOneProvider() throws {
        var catalog = PriceCatalog.builtin
        let a100 = GPUModel(id: "a100-40gb")
        catalog.override(model: a100, provider: .aws, onDemandPerHour: Decimal(string: "2.10")!,
                         spotPerHour: Decimal(string: "1.05")!, note: "--prices rates.yaml:3")
        let aws = try XCTUnwrap(catalog.acceleratorPrice(model: a100, provider: .aws, region: nil))
        XCTAssertEqual(aws.onDemandPerHour, Decimal(string: "2.10"))
        XCTAssertEqual(aws.spotPerHour, Decimal(string: "1.05"))
        XCTAssertEqual(aws.source.id, "override")
        XCTAssertTrue(aws.derivation.contains("--prices rates.yaml:3"), aws.derivation)
        // Other providers keep the catalog price; the built-in catalog is a value and is unchanged.
        XCTAssertEqual(catalog.acceleratorPrice(model: a100, provider: .gcp, region: nil)?.onDemandPerHour, Decimal(string: "2.93391"))
        XCTAssertEqual(PriceCatalog.builtin.acceleratorPrice(model: a100, provider: .aws, region: nil)?.onDemandPerHour,
                       Decimal(string: "1.75524525"))
        // Instance lookups use the override too.
        let p4d = try XCTUnwrap(catalog.instance(named: "p4d.24xlarge", region: nil))
        XCTAssertEqual(catalog.acceleratorPrice(for: p4d)?.onDemandPerHour, Decimal(string: "2.10"))
    }

    func testProviderWideOverrideAndPrecedence() throws {
        var catalog = PriceCatalog.builtin
        let h100 = GPUModel(id: "h100-80gb")
        catalog.override(model: h100, provider: nil, onDemandPerHour: 3, spotPerHour: nil, note: "on-prem")
        catalog.override(model: h100, provider: .gcp, onDemandPerHour: 4, spotPerHour: nil, note: "gcp contract")
        XCTAssertEqual(catalog.acceleratorPrice(model: h100, provider: .aws, region: nil)?.onDemandPerHour, 3)
        XCTAssertEqual(catalog.acceleratorPrice(model: h100, provider: .azure, region: "westus")?.onDemandPerHour, 3)
        XCTAssertEqual(catalog.acceleratorPrice(model: h100, provider: .gcp, region: nil)?.onDemandPerHour, 4)
        XCTAssertNil(catalog.acceleratorPrice(model: h100, provider: .aws, region: nil)?.spotPerHour)
        // A later override for the same key replaces the earlier one.
        catalog.override(model: h100, provider: nil, onDemandPerHour: 5, spotPerHour: nil, note: "second")
        XCTAssertEqual(catalog.acceleratorPrice(model: h100, provider: .aws, region: nil)?.onDemandPerHour, 5)
    }

    func testOverrideForAModelWithoutCatalogPrice() throws {
        var catalog = PriceCatalog.builtin
        let mi300x = GPUModel(id: "mi300x")
        XCTAssertNil(catalog.acceleratorPrice(model: mi300x, provider: .azure, region: nil))
        catalog.override(model: mi300x, provider: nil, onDemandPerHour: Decimal(string: "1.99")!, spotPerHour: nil, note: "lab")
        XCTAssertEqual(catalog.acceleratorPrice(model: mi300x, provider: .azure, region: nil)?.onDemandPerHour, Decimal(string: "1.99"))
        let listed = catalog.listing(provider: nil, model: mi300x)
        XCTAssertEqual(listed.map(\.provider), [.aws, .gcp, .azure])
        XCTAssertTrue(listed.allSatisfy { $0.region == "any" })
    }

    func testOverrideScalesForFractionalDevices() throws {
        var catalog = PriceCatalog.builtin
        catalog.override(model: GPUModel(id: "l4"), provider: .aws, onDemandPerHour: Decimal(string: "0.8")!,
                         spotPerHour: nil, note: "test")
        let g6f = try XCTUnwrap(catalog.instance(named: "g6f.xlarge", region: nil))
        XCTAssertEqual(catalog.acceleratorPrice(for: g6f)?.onDemandPerHour, Decimal(string: "0.1"))
    }
}
