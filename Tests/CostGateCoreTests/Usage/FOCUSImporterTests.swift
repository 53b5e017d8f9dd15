import Foundation
import XCTest
@testable import CostGateCore
@testable import CostGatePricing
@testable import CostGateUsage

final class FOCUSImporterTests: XCTestCase {
    private func read(_ name: String) throws -> UsageReading {
        FOCUSImporter.read(try UsageFixture.bytes(name), file: name)
    }

    private func read(text: String) -> UsageReading {
        FOCUSImporter.read(Array(text.utf8), file: "focus.csv")
    }

    func testUsageRowsOfTheMonthAreRecords() throws {
        let reading = try read("focus-2026-11.csv")
        XCTAssertEqual(reading.diagnostics.map(\.rendered), [
            "focus-2026-11.csv:1:68: note: 3 rows left out as not usage (1 Purchase, 1 Tax, 1 Credit); only ChargeCategory Usage counts [usage]",
        ])
        let instance = "arn:aws:ec2:us-east-1:123456789012:instance/i-0a1b2c3d4e5f6000"
        XCTAssertEqual(reading.records.map(\.id), [
            instance + "1", instance + "2", instance + "3", instance + "3", "arn:aws:sagemaker:us-east-1:123456789012:endpoint/serving-embed",
            instance + "4", "arn:aws:eks:us-east-1:123456789012:cluster/gpu-shared", "focus-2026-11.csv:10", instance + "1",
        ])
        XCTAssertEqual(reading.records.map(\.location.line), [2, 3, 4, 6, 7, 8, 9, 10, 14])
        XCTAssertEqual(reading.records.map(\.cost), ["7864.32", "1234.5678", "3120", "-12.5", "450", "812.34", "73", "41.2575", "10.9227"].map {
            Decimal.usd($0)
        })
        XCTAssertEqual(reading.records.map(\.month.description), Array(repeating: "2026-11", count: 8) + ["2026-10"])
        XCTAssertTrue(reading.records.allSatisfy { $0.source == .focus && !$0.shared && $0.gpuHours == nil })

        let p5 = reading.records[0]
        XCTAssertEqual(p5.name, "research-train-p5")
        XCTAssertEqual(p5.attribution, UsageAttribution(tags: ["team": "research", "cost-center": "ml-1"]))
        XCTAssertEqual(p5.start, UsageFixture.utc("2026-11-01T00:00:00Z"))
        XCTAssertEqual(p5.end, UsageFixture.utc("2026-12-01T00:00:00Z"))
        XCTAssertEqual(p5.notes, ["committed-use pricing (PricingCategory Committed)"])
        XCTAssertEqual(reading.records[1].notes, ["spot or interruptible capacity (PricingCategory Dynamic)"])
        XCTAssertEqual(reading.records[3].notes, ["a correction of an earlier charge (ChargeClass Correction), counted in its ChargePeriodStart's month"])
        XCTAssertEqual(reading.records[4].attribution.tags, ["team": "serving", "tier": "1"])
        XCTAssertEqual(reading.records[5].attribution.tags, ["team": "platform", "on-call": ""])
        // Untagged rows: no attribution, not shared; the audit decides.
        XCTAssertEqual(reading.records[6].attribution, UsageAttribution())
        XCTAssertEqual(reading.records[7].attribution, UsageAttribution())
        XCTAssertNil(reading.records[7].name)

        func total(_ team: String) -> Decimal {
            reading.records.filter { $0.attribution.tags["team"] == team && $0.month.description == "2026-11" }.reduce(0) { $0 + $1.cost }
        }
        XCTAssertEqual(total("research"), .usd("9098.8878"))
        XCTAssertEqual(total("serving"), .usd("3557.5"))
        XCTAssertEqual(total("platform"), .usd("812.34"))
    }

    func testBilledCostIsUsedWhenThereIsNoEffectiveCostAndSaysSoOnce() throws {
        let reading = try read("focus-billedcost.csv")
        XCTAssertEqual(reading.diagnostics.map(\.rendered), [
            "focus-billedcost.csv:1:1: note: no EffectiveCost column: BilledCost (the invoiced cost, before commitments are amortised) is used [usage]",
            "focus-billedcost.csv:1:12: note: 1 row left out as not usage (1 Tax); only ChargeCategory Usage counts [usage]",
        ])
        XCTAssertEqual(reading.records.map(\.cost), [.usd("100.25")])
        XCTAssertEqual(reading.records.first?.attribution.tags, ["team": "platform"])
    }

    func testBadRowsAreErrorsAtTheirCellAndTheOthersAreKept() throws {
        let reading = try read("focus-broken.csv")
        XCTAssertEqual(reading.records.map(\.id), ["vm-ok", "vm-ok-2"])
        XCTAssertEqual(reading.diagnostics.map(\.rendered), [
            "focus-broken.csv:3:7: error: BillingCurrency 'EUR' is not USD; quotas are in USD, so export in USD [usage]",
            "focus-broken.csv:4:62: error: EffectiveCost '12,50' is not a number [usage]",
            "focus-broken.csv:5:11: error: ChargePeriodStart '2026-11-01' is not an ISO 8601 UTC time (YYYY-MM-DDTHH:mm:ssZ) [usage]",
            "focus-broken.csv:6:66: error: Tags is not valid JSON: expected a value for 'team', found 'r' (at character 9 of the cell) [usage]",
            "focus-broken.csv:7:1: error: ChargeCategory 'usage' is not one of Usage, Purchase, Tax, Credit, Adjustment; did you mean 'Usage'? [usage]",
            "focus-broken.csv:8:1: error: the row has 6 fields; the header has 7 [usage]",
            "focus-broken.csv:9:56: error: invalid CSV: a quote inside an unquoted field; quote the whole field and double the quote [usage]",
        ])
    }

    func testMissingColumnsAreNamedWithASuggestion() {
        let reading = read(text: "ChargeCategory,BillingCurrency,ChargePeriodStar,ChargePeriodEnd,EffectiveCost\nUsage,USD,x,y,1\n")
        XCTAssertEqual(reading.records, [])
        XCTAssertEqual(reading.diagnostics.map(\.message), [
            "no 'ChargePeriodStart' column in the header; did you mean 'ChargePeriodStar'?; a FOCUS export names its columns "
                + "ChargePeriodStart, ChargePeriodEnd, ChargeCategory, BillingCurrency, EffectiveCost, …",
        ])
        XCTAssertEqual(read(text: "").diagnostics.map(\.message),
                       ["the file is empty; expected a FOCUS header row (ChargePeriodStart,ChargeCategory,EffectiveCost,…)"])
        XCTAssertEqual(read(text: "EffectiveCost,EffectiveCost\n").diagnostics.map(\.rendered),
                       ["focus.csv:1:15: error: duplicate column 'EffectiveCost' (first at column 1) [usage]"])
    }

    func testColumnsInAnyOrderAndTagsThatAreNotAnObject() {
        let reading = read(text: """
        Tags,EffectiveCost,BillingCurrency,ChargeCategory,ChargePeriodEnd,ChargePeriodStart,ResourceId
        "[1]",1,USD,Usage,2026-11-02T00:00:00Z,2026-11-01T00:00:00Z,a
        ,2.5,USD,Usage,2026-11-02T00:00:00Z,2026-11-01T00:00:00.000Z,b

        """)
        XCTAssertEqual(reading.records.map(\.id), ["b"])
        XCTAssertEqual(reading.records.first?.cost, .usd("2.5"))
        XCTAssertEqual(reading.diagnostics.map(\.rendered),
                       ["focus.csv:2:1: error: Tags must be a JSON object of key-value pairs, found an array [usage]"])
    }

    func testTheImporterEntryPointDispatches() throws {
        let reading = UsageImporter.read(try UsageFixture.bytes("focus-2026-11.csv"), file: "f.csv", source: .focus, pricing: PricingSettings())
        XCTAssertEqual(reading.records.count, 9)
    }
}
