import XCTest
@testable import CostGatePricing
@testable import CostGateWorkloads

final class CatalogMetadataTests: XCTestCase {
    let catalog = PriceCatalog.builtin

    func testDateIsTheFreshestDatedSource() {
        XCTAssertEqual(catalog.date, "2026-07-20")
        XCTAssertTrue(catalog.dateSource.contains("aws/karpenter-provider-aws"), catalog.dateSource)
        XCTAssertTrue(catalog.dateSource.contains("undated"), catalog.dateSource)
        let dates = catalog.sources.compactMap(\.date)
        XCTAssertEqual(dates.max(), catalog.date)
        XCTAssertTrue(dates.allSatisfy { $0.count == 10 && $0.split(separator: "-").count == 3 })
    }

    func testSourcesNameFileRepositoryAndCommit() {
        XCTAssertEqual(Set(catalog.sources.map(\.id)), ["skypilot-aws", "karpenter-aws", "skypilot-gcp-accelerators",
                                                         "skypilot-gcp-hosts", "skypilot-azure", "spotinfo", "gpuhunt-tpu",
                                                         "opencost-defaults"])
        for source in catalog.sources {
            XCTAssertFalse(source.repository.isEmpty, source.id)
            XCTAssertFalse(source.path.isEmpty, source.id)
            XCTAssertEqual(source.commit?.count, 40, source.id)
            XCTAssertTrue(source.commit?.allSatisfy(\.isHexDigit) ?? false, source.id)
            XCTAssertFalse(source.licence.isEmpty, source.id)
            XCTAssertTrue(source.description.contains(source.repository), source.description)
        }
        XCTAssertEqual(catalog.sources.first { $0.id == "skypilot-azure" }?.path, "catalogs/v6/azure/vms.csv")
    }

    func testTablesParseWithoutProblems() {
        XCTAssertFalse(catalog.notes.contains { $0.hasPrefix("built-in price table") }, "\(catalog.notes)")
        XCTAssertGreaterThan(catalog.instanceNames.count, 100)
    }

    func testEveryModelInTheTablesIsKnown() {
        var models = Set(catalog.gcpRows.map(\.model)).union(catalog.tpus.keys)
        for rows in catalog.instances.values { models.formUnion(rows.values.compactMap(\.model)) }
        for model in models { XCTAssertTrue(model.isKnown, model.id) }
        XCTAssertTrue(models.contains(GPUModel(id: "tpu-v6e")))
    }

    func testRatesAreOpenCostDefaults() {
        for provider in CloudProvider.allCases {
            let rates = catalog.rates(provider: provider)
            XCTAssertEqual(rates.cpuPerVCPUHour, Decimal(string: "0.031611"))
            XCTAssertEqual(rates.spotCPUPerVCPUHour, Decimal(string: "0.006655"))
            XCTAssertEqual(rates.memoryPerGiBHour, Decimal(string: "0.004237"))
            XCTAssertEqual(rates.spotMemoryPerGiBHour, Decimal(string: "0.000892"))
            XCTAssertEqual(rates.source.id, "opencost-defaults")
        }
    }

    func testProviders() {
        XCTAssertEqual(CloudProvider.allCases.map(\.defaultRegion), ["us-east-1", "us-central1", "eastus"])
        XCTAssertTrue(CloudProvider.azure.isUSRegion("westus3"))
        XCTAssertTrue(CloudProvider.azure.isUSRegion("southcentralus"))
        XCTAssertFalse(CloudProvider.azure.isUSRegion("australiaeast"))
        XCTAssertTrue(CloudProvider.aws.isUSRegion("us-west-2"))
        XCTAssertFalse(CloudProvider.gcp.isUSRegion("europe-west4"))
    }

    func testMalformedTablesAreReportedNotTrapped() {
        let table = CatalogTable(name: "t", text: "a,b\n1,2\n3\n4,5,6\n\n7,8", header: ["a", "b"])
        XCTAssertEqual(table.rows.map(\.line), [2, 6])
        XCTAssertEqual(table.problems, [.malformedRow(table: "t", line: 3, reason: "1 cells, expected 2"),
                                        .malformedRow(table: "t", line: 4, reason: "3 cells, expected 2")])
        let wrongHeader = CatalogTable(name: "t", text: "x,y\n1,2", header: ["a", "b"])
        XCTAssertTrue(wrongHeader.rows.isEmpty)
        XCTAssertEqual(wrongHeader.problems.count, 1)
    }

    func testDecimalTextIsStrict() {
        XCTAssertEqual(PriceText.decimal("3.67339"), Decimal(string: "3.67339"))
        XCTAssertEqual(PriceText.decimal("12"), 12)
        for bad in ["", ".", "1.2x", "-1", "1e3", "1.2.3", " 1"] { XCTAssertNil(PriceText.decimal(bad), bad) }
        XCTAssertEqual(PriceText.format(Decimal(string: "1.755245250")!), "1.755245")
        XCTAssertEqual(PriceText.median([3, 1, 2]), 2)
        XCTAssertEqual(PriceText.median([4, 1, 2, 3]), Decimal(string: "2.5"))
        XCTAssertNil(PriceText.median([]))
    }

    func testPricingErrorMessages() {
        XCTAssertTrue(PricingError.noPrice(model: "mi300x", provider: "azure", region: "eastus").message.contains("--prices"))
        XCTAssertTrue(PricingError.unknownInstanceType(name: "x1.large").message.contains("'x1.large'"))
    }
}
