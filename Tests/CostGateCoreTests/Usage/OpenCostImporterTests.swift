import Foundation
import XCTest
@testable import CostGateCore
@testable import CostGatePricing
@testable import CostGateUsage

final class OpenCostImporterTests: XCTestCase {
    private func read(_ name: String) throws -> UsageReading {
        OpenCostImporter.read(try UsageFixture.bytes(name), file: name)
    }

    private func read(text: String) -> UsageReading {
        OpenCostImporter.read(Array(text.utf8), file: "allocation.json")
    }

    func testEveryAllocationOfEveryWindowIsARecord() throws {
        let reading = try read("opencost-allocation.json")
        XCTAssertEqual(reading.diagnostics, [])
        XCTAssertEqual(reading.records.map(\.id), [
            "research/job:pretrain-llm", "serving/deployment:chat-api", "platform/daemonset:dcgm-exporter", "research/__unallocated__", "__idle__",
            "research/job:pretrain-llm", "serving/deployment:chat-api", "platform/daemonset:dcgm-exporter", "__unallocated__",
            "__unmounted__/__unmounted__", "gpu-prod/__idle__",
        ])
        XCTAssertEqual(reading.records.map(\.cost), ["8988.45997", "1603.29543", "27.33573", "4.44136", "2598.7112", "2696.663", "1602.54543",
                                                    "27.33573", "1.5", "18.49315", "3943.9112"].map { Decimal.usd($0) })
        XCTAssertEqual(reading.records.map(\.shared), [false, false, false, false, true, false, false, false, false, true, true])
        XCTAssertEqual(reading.records.map(\.attribution.namespace),
                       ["research", "serving", "platform", "research", nil, "research", "serving", "platform", nil, nil, nil])
        XCTAssertTrue(reading.records.allSatisfy { $0.month.description == "2026-11" && $0.source == .opencost })

        let pretrain = reading.records[0]
        XCTAssertEqual(pretrain.name, "pretrain-llm")
        XCTAssertEqual(pretrain.gpuHours, 2880)
        XCTAssertEqual(pretrain.start, UsageFixture.utc("2026-11-01T00:00:00Z"))
        XCTAssertEqual(pretrain.end, UsageFixture.utc("2026-11-16T00:00:00Z"))
        XCTAssertEqual(pretrain.location.description, "opencost-allocation.json:6:7")
        XCTAssertEqual(pretrain.attribution.labels, ["app": "pretrain-llm", "team": "research", "kubernetes.io/metadata.name": "research"])
        XCTAssertEqual(pretrain.notes, [])
        // The namespace's labels, overlaid by the pod's: serving's team comes from its namespace.
        XCTAssertEqual(reading.records[1].attribution.labels, ["app": "chat-api", "team": "serving"])

        let unallocatedInResearch = reading.records[3]
        XCTAssertEqual(unallocatedInResearch.name, "debug-shell-7f9c")
        XCTAssertFalse(unallocatedInResearch.shared)
        XCTAssertEqual(unallocatedInResearch.notes, ["unallocated: OpenCost found no value for an aggregation key"])

        let idle = reading.records[4]
        XCTAssertNil(idle.gpuHours)
        XCTAssertNil(idle.name)
        XCTAssertEqual(idle.notes, ["idle cost (capacity no workload requested): shared"])
        XCTAssertEqual(idle.location.line, 147)
        XCTAssertEqual(reading.records[8].attribution, UsageAttribution())
        XCTAssertEqual(reading.records[9].notes, ["unmounted volumes (no pod mounts them): shared"])

        func total(_ namespace: String) -> Decimal {
            reading.records.filter { $0.attribution.namespace == namespace }.reduce(0) { $0 + $1.cost }
        }
        XCTAssertEqual(total("research"), .usd("11689.56433"))
        XCTAssertEqual(total("serving"), .usd("3205.84086"))
        XCTAssertEqual(total("platform"), .usd("54.67146"))
        XCTAssertEqual(reading.records.filter(\.shared).reduce(0) { $0 + $1.cost }, .usd("6561.11555"))
    }

    func testBadAllocationsAreErrorsAtTheirPlaceAndTheOthersAreKept() throws {
        let reading = try read("opencost-broken.json")
        XCTAssertEqual(reading.records.map(\.id), ["research/job:ok"])
        XCTAssertEqual(reading.records.first?.cost, .usd("10.5"))
        XCTAssertEqual(reading.diagnostics.map(\.rendered), [
            "opencost-broken.json:8:105: error: 'totalCost' of allocation 'research/job:nan' is null (OpenCost could not compute it) [usage]",
            "opencost-broken.json:10:37: error: 'start' of allocation 'serving/job:when' is 'yesterday', not an RFC 3339 time "
                + "(2026-11-01T00:00:00Z) [usage]",
            "opencost-broken.json:11:28: error: allocation 'platform/job:text' must be an object, found '12.00' [usage]",
            "opencost-broken.json:12:90: error: label 'team' of allocation 'platform/job:labels' must be a string, found an array [usage]",
            "opencost-broken.json:16:5: error: window 2 of 'data' must be an object of allocations by name, found '7' [usage]",
        ])
    }

    func testResponsesThatAreNotAllocationsAreErrors() {
        XCTAssertEqual(read(text: "{\"code\": 200, \"data\": [ {\"a\": {\"totalCost\": 1,}} ]}").diagnostics.map(\.rendered),
                       ["allocation.json:1:47: error: invalid JSON: trailing comma before '}' [usage]"])
        XCTAssertEqual(read(text: "{\"code\": 400, \"message\": \"invalid window\"}").diagnostics.map(\.rendered),
                       ["allocation.json:1:10: error: the response has code 400, not 200: invalid window [usage]"])
        XCTAssertEqual(read(text: "{\"code\": 200}").diagnostics.map(\.message),
                       ["no 'data' in the response; expected the list of allocation windows OpenCost returns"])
        XCTAssertEqual(read(text: "[]").diagnostics.map(\.message),
                       ["expected an OpenCost /allocation response ({\"code\": 200, \"data\": […]}), found an array"])
        XCTAssertEqual(read(text: "{\"data\": [{\"x\": {\"totalCost\": 1}}]}").diagnostics.map(\.message),
                       ["allocation 'x' has no 'start' (nor 'window.start') to date it"])
        // A single allocation set under data, and the window's start when the allocation has none.
        let single = read(text: "{\"data\": {\"x\": {\"window\": {\"start\": \"2026-11-30T23:00:00+01:00\"}, \"totalCost\": 1e-05}}}")
        XCTAssertEqual(single.diagnostics, [])
        XCTAssertEqual(single.records.first?.cost, .usd("0.00001"))
        XCTAssertEqual(single.records.first?.month.description, "2026-11")
    }

    func testTheImporterEntryPointDispatches() throws {
        let reading = UsageImporter.read(try UsageFixture.bytes("opencost-allocation.json"), file: "o.json", source: .opencost,
                                         pricing: PricingSettings())
        XCTAssertEqual(reading.records.count, 11)
    }
}
