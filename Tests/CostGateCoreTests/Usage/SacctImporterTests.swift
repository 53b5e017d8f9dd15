import Foundation
import XCTest
@testable import CostGateCore
@testable import CostGateWorkloads
@testable import CostGatePricing
@testable import CostGateUsage

final class SacctImporterTests: XCTestCase {
    private func read(_ name: String, pricing: PricingSettings = UsageFixture.pricing) throws -> UsageReading {
        SacctImporter.read(try UsageFixture.bytes(name), file: name, pricing: pricing)
    }

    private func read(text: String, pricing: PricingSettings = UsageFixture.pricing) -> UsageReading {
        SacctImporter.read(Array(text.utf8), file: "sacct.txt", pricing: pricing)
    }

    func testTheFieldsAreTheDocumentedFormat() {
        XCTAssertEqual(SacctImporter.fields, ["JobID", "JobName", "Account", "Partition", "AllocTRES", "ElapsedRaw", "State", "Start", "End"])
        XCTAssertEqual(SacctImporter.command, "TZ=UTC sacct -a -X --parsable2 --noheader --noconvert "
                       + "--format=JobID,JobName,Account,Partition,AllocTRES,ElapsedRaw,State,Start,End")
    }

    func testTheMonthsJobsAreRecordsWithCostsAndGPUHours() throws {
        let reading = try read("sacct-2026-11.txt")
        XCTAssertEqual(reading.diagnostics.map(\.rendered), [
            "sacct-2026-11.txt: note: 2 jobs that never ran (PENDING, or ElapsedRaw 0) left out [usage]",
        ])
        let byID = Dictionary(uniqueKeysWithValues: reading.records.map { ($0.id, $0) })
        XCTAssertEqual(reading.records.map(\.id), ["4001", "4101", "4102", "4110_1", "4110_2", "4110_3", "4120", "4130", "4201",
                                                   "4210+0", "4210+1", "4220", "4230", "4240", "4301", "4302"])
        let expected: [(String, String, String)] = [   // id, USD to the cent, GPU-hours
            ("4001", "17.66", "8"), ("4101", "1271.81", "576"), ("4102", "6660.10", "1536"), ("4110_1", "22.08", "10"),
            ("4110_2", "22.08", "10"), ("4110_3", "11.04", "5"), ("4120", "201.98", "48"), ("4130", "1665.02", "384"),
            ("4201", "405.89", "336"), ("4210+0", "120.80", "100"), ("4210+1", "102.40", "0"), ("4230", "0.55", "0.5"),
            ("4240", "2.42", "2"), ("4301", "2.05", "0"), ("4302", "2.21", "1"),
        ]
        for (id, cost, gpuHours) in expected {
            let record = try XCTUnwrap(byID[id], id)
            XCTAssertEqual(record.cost.rounded(2), .usd(cost), id)
            XCTAssertEqual(record.gpuHours, .usd(gpuHours), id)
            XCTAssertEqual(record.source, .sacct)
        }
        // Exact before rounding: 8 × 2.00 + 64 × 0.01 + 512 GiB × 0.002 = 17.664 USD/h for 72 h.
        XCTAssertEqual(byID["4101"]?.cost, .usd("1271.808"))

        let pretrain = try XCTUnwrap(byID["4101"])
        XCTAssertEqual(pretrain.name, "pretrain-llm")
        XCTAssertEqual(pretrain.attribution, UsageAttribution(account: "research", partition: "gpu-a100"))
        XCTAssertEqual(pretrain.month.description, "2026-11")
        XCTAssertEqual(pretrain.start, UsageFixture.utc("2026-11-02T08:00:00Z"))
        XCTAssertEqual(pretrain.end, UsageFixture.utc("2026-11-05T08:00:00Z"))
        XCTAssertEqual(pretrain.gpuModel?.id, "a100-40gb")
        XCTAssertEqual(pretrain.location.description, "sacct-2026-11.txt:2:1")
        XCTAssertFalse(pretrain.shared)
        XCTAssertEqual(pretrain.notes, ["priced at partition 'gpu-a100' rates from policy.yaml"])

        // The month is the Start's, in UTC, even for a job that ended in November.
        XCTAssertEqual(byID["4001"]?.month.description, "2026-10")
        // Running: the elapsed time so far counts, and says so; no End yet.
        let running = try XCTUnwrap(byID["4130"])
        XCTAssertNil(running.end)
        XCTAssertTrue(running.notes.contains("still RUNNING at export: the 172800 s elapsed so far are counted"), "\(running.notes)")
        // CANCELLED by <uid> is CANCELLED; OUT_OF_MEMORY, NODE_FAIL, PREEMPTED and TIMEOUT ran and were billed.
        XCTAssertEqual(byID["4110_3"]?.notes.count, 1)
        // Memory printed without --noconvert (`mem=32G`) reads the same as `32768M`.
        XCTAssertEqual(byID["4230"]?.cost, .usd("0.552"))
        // Typed GPUs only: their sum is the count, and the type is the model.
        XCTAssertEqual(byID["4240"]?.gpuModel?.id, "l40s")
        XCTAssertNil(byID["4210+1"]?.gpuModel)

        let november = reading.records.filter { $0.month.description == "2026-11" }
        func total(_ account: String) -> Decimal {
            november.filter { $0.attribution.account == account && $0.id != "4220" }.reduce(0) { $0 + $1.cost }
        }
        XCTAssertEqual(total("research"), .usd("9854.112"))
        XCTAssertEqual(total("serving"), .usd("632.056"))
        XCTAssertEqual(total("platform"), .usd("4.256"))
    }

    func testAPartitionWithoutARateFallsBackToTheCatalogPriceOfTheGPUType() throws {
        let pricing = UsageFixture.pricing
        let reading = try read("sacct-2026-11.txt", pricing: pricing)
        let burst = try XCTUnwrap(reading.records.first { $0.id == "4220" })
        let h100 = try XCTUnwrap(pricing.catalog.acceleratorPrice(model: GPUModel(id: "h100-80gb"), provider: .aws, region: nil, perNode: 1))
        let rates = pricing.catalog.rates(provider: .aws)
        let hourly = h100.onDemandPerHour + 8 * rates.cpuPerVCPUHour + 64 * rates.memoryPerGiBHour
        XCTAssertEqual(burst.cost.rounded(2), (hourly * 2).rounded(2))
        XCTAssertGreaterThan(burst.cost, 0)
        XCTAssertEqual(burst.gpuModel?.id, "h100-80gb")
        XCTAssertEqual(burst.notes.first?.hasPrefix("no rate for partition 'cloud-burst': 1 × h100-80gb at the aws us-east-1 on-demand price"), true,
                       "\(burst.notes)")
        XCTAssertEqual(burst.notes.last, "CPU and memory at the aws catalog rates")
    }

    func testParsable2WithTrailingBarsHeaderStepsAndABarInTheJobName() throws {
        let reading = try read("sacct-parsable-with-steps.txt")
        XCTAssertEqual(reading.records.map(\.id), ["5001", "5002"])
        XCTAssertEqual(reading.diagnostics.map(\.rendered), [
            "sacct-parsable-with-steps.txt: note: 3 job step lines skipped (their allocation's line counts; -X prints allocations only) [usage]",
        ])
        XCTAssertEqual(reading.records[0].cost, .usd("4.416"))
        let barred = reading.records[1]
        XCTAssertEqual(barred.name, "a|b")
        XCTAssertEqual(barred.attribution, UsageAttribution(account: "platform", partition: "gpu-a100"))
        XCTAssertEqual(barred.notes.first, "the job name contains '|'; read as 'a|b'")
        XCTAssertEqual(barred.cost, .usd("2.208"))
    }

    func testMalformedRowsAreErrorsAtTheFieldAndTheOthersAreKept() throws {
        let reading = try read("sacct-broken.txt")
        XCTAssertEqual(reading.records.map(\.id), ["4501", "4507"])
        XCTAssertEqual(reading.diagnostics.map(\.rendered), [
            "sacct-broken.txt:2:97: error: ElapsedRaw 'abc' is not a number of seconds [usage]",
            "sacct-broken.txt:3:59: error: AllocTRES 'mem' value 'lots' is not a memory size (a number with K, M, G, T or P) [usage]",
            "sacct-broken.txt:4:1: error: expected 9 '|'-separated fields (JobID,JobName,Account,Partition,AllocTRES,ElapsedRaw,State,Start,End), "
                + "found 7; run 'TZ=UTC sacct -a -X --parsable2 --noheader --noconvert "
                + "--format=JobID,JobName,Account,Partition,AllocTRES,ElapsedRaw,State,Start,End' [usage]",
            "sacct-broken.txt:5:22: error: no rate for partition 'debug', and AllocTRES names no GPU type (gres/gpu:<type>) to price at "
                + "catalog prices; add a rate for partition 'debug' to the policy's pricing.partitions [usage]",
            "sacct-broken.txt:6:76: error: Start '2026-13-01T00:00:00' is not a date (YYYY-MM-DDTHH:MM:SS) [usage]",
            "sacct-broken.txt:7:66: warning: State 'EXPLODED' is not a Slurm job state costgate knows; its ElapsedRaw is counted [usage]",
        ])
    }

    func testAnUntypedGPUIsPricedAtTheDefaultGPUWhenThePolicyNamesOne() {
        var pricing = UsageFixture.pricing
        pricing.defaultGPU = GPUModel(id: "l4")
        let reading = read(text: "7|x|serving|debug|cpu=4,gres/gpu=1,mem=16G,node=1|3600|COMPLETED|2026-11-01T00:00:00|2026-11-01T01:00:00\n",
                           pricing: pricing)
        XCTAssertEqual(reading.diagnostics, [])
        XCTAssertEqual(reading.records.first?.notes.first?.contains("l4 (the default GPU; AllocTRES names no type)"), true)
    }

    func testAWrongHeaderNamesTheExpectedFormat() {
        let reading = read(text: "JobID|Account|JobName\n1|a|b\n")
        XCTAssertEqual(reading.records, [])
        XCTAssertEqual(reading.diagnostics.first?.message,
                       "the header lists JobID,Account,JobName; costgate reads the output of '\(SacctImporter.command)'")
    }

    func testACPUJobWithoutAPartitionRateIsPricedAtTheCatalogsCPUAndMemoryRates() throws {
        let reading = read(text: "8|x|platform|batch|cpu=4,mem=16G,node=1|3600|COMPLETED|2026-11-01T00:00:00|2026-11-01T01:00:00\n")
        XCTAssertEqual(reading.diagnostics, [], "a CPU-only row is not an error that fails the audit")
        let record = try XCTUnwrap(reading.records.first)
        let rates = UsageFixture.pricing.catalog.rates(provider: UsageFixture.pricing.provider)
        XCTAssertEqual(record.cost, 4 * rates.cpuPerVCPUHour + 16 * rates.memoryPerGiBHour)
        XCTAssertEqual(record.gpuHours, 0)
        XCTAssertTrue(record.notes.contains { $0.contains("CPU-only job with no rate for partition 'batch'") }, "\(record.notes)")
    }

    func testAnEmptyExportHasNothing() {
        let reading = read(text: "\n\n")
        XCTAssertEqual(reading.records, [])
        XCTAssertEqual(reading.diagnostics, [])
    }

    func testTheImporterEntryPointDispatches() throws {
        let reading = UsageImporter.read(try UsageFixture.bytes("sacct-2026-11.txt"), file: "s.txt", source: .sacct, pricing: UsageFixture.pricing)
        XCTAssertEqual(reading.records.count, 16)
    }
}
