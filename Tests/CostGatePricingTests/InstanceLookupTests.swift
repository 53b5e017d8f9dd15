import XCTest
@testable import CostGatePricing

final class InstanceLookupTests: XCTestCase {
    let catalog = PriceCatalog.builtin

    func testP4dIsEightA100FortyInUSEast1() throws {
        let p4d = try XCTUnwrap(catalog.instance(named: "p4d.24xlarge", region: nil))
        XCTAssertEqual(p4d.provider, .aws)
        XCTAssertEqual(p4d.region, "us-east-1")
        XCTAssertEqual(p4d.model?.id, "a100-40gb")
        XCTAssertEqual(p4d.acceleratorCount, 8)
        XCTAssertEqual(p4d.vcpus, 96)
        XCTAssertEqual(p4d.memoryGiB, 1152)
        XCTAssertEqual(p4d.onDemandPerHour, Decimal(string: "21.957642"))
        // Spot: median of the four us-east-1 zone rows 6.5323, 8.0087, 11.787, 13.9933.
        XCTAssertEqual(p4d.spotPerHour, Decimal(string: "9.89785"))
        XCTAssertEqual(p4d.source.id, "skypilot-aws")
        XCTAssertEqual(catalog.instance(named: "P4D.24XLARGE", region: "us-east-1")?.name, "p4d.24xlarge")
    }

    func testGCPInstanceIsHostPlusAcceleratorRow() throws {
        // README example, us-central1-a: a2-highgpu-1g host 0.73948 + A100 × 1 2.93391 = 3.67339 USD/h.
        let a2 = try XCTUnwrap(catalog.instance(named: "a2-highgpu-1g", region: "us-central1"))
        XCTAssertEqual(a2.provider, .gcp)
        XCTAssertEqual(a2.onDemandPerHour, Decimal(string: "3.67339"))
        XCTAssertEqual(a2.spotPerHour, Decimal(string: "1.92802"))  // 0.38812 + 1.5399
        let share = try XCTUnwrap(catalog.acceleratorPrice(for: a2))
        XCTAssertEqual(share.onDemandPerHour, Decimal(string: "2.93391"))
        // The host row equals the OpenCost rates (12 × 0.031611 + 85 × 0.004237 = 0.739477), so
        // a pod taking the whole VM is priced within a thousandth of a cent of the instance.
        let rates = catalog.rates(provider: .gcp)
        let pod = share.onDemandPerHour + 12 * rates.cpuPerVCPUHour + 85 * rates.memoryPerGiBHour
        XCTAssertLessThan(abs(pod - Decimal(string: "3.67339")!), Decimal(string: "0.00001")!)

        let eight = try XCTUnwrap(catalog.instance(named: "a2-highgpu-8g", region: nil))
        XCTAssertEqual(eight.region, "us-central1")
        XCTAssertEqual(eight.model?.id, "a100-40gb")
        XCTAssertEqual(eight.acceleratorCount, 8)
        XCTAssertEqual(eight.onDemandPerHour, Decimal(string: "29.38708"))  // 5.91582 + 23.47126
    }

    func testAzureInstances() throws {
        let nd = try XCTUnwrap(catalog.instance(named: "Standard_ND96asr_v4", region: nil))
        XCTAssertEqual(nd.provider, .azure)
        XCTAssertEqual(nd.region, "eastus")
        XCTAssertEqual(nd.model?.id, "a100-40gb")
        XCTAssertEqual(nd.acceleratorCount, 8)
        XCTAssertEqual(nd.source.id, "skypilot-azure")

        // The catalog says 12 GPUs; the SKU has 8.
        let h100 = try XCTUnwrap(catalog.instance(named: "Standard_ND96isr_H100_v5", region: "eastus"))
        XCTAssertEqual(h100.acceleratorCount, 8)
        XCTAssertEqual(h100.model?.id, "h100-80gb")
        XCTAssertTrue(h100.notes.contains { $0.contains("corrected to 8 (the source says 12)") }, "\(h100.notes)")
        XCTAssertTrue(h100.notes.contains { $0.contains("not below on-demand") }, "\(h100.notes)")
        XCTAssertEqual(catalog.instance(named: "nd96isr_h100_v5", region: nil)?.name, "Standard_ND96isr_H100_v5")

        XCTAssertEqual(catalog.instance(named: "Standard_NC40ads_H100_v5", region: nil)?.model?.id, "h100-nvl")
        XCTAssertEqual(catalog.instance(named: "Standard_NV4as_v4", region: nil)?.acceleratorCount, Decimal(string: "0.125"))
        XCTAssertNil(catalog.instance(named: "Standard_NC6_Promo", region: nil), "promotional SKUs are dropped")
        XCTAssertNil(catalog.instance(named: "Standard_NC8ads_A10_v4", region: nil), "rows without a count are dropped")
    }

    func testFractionalG6f() throws {
        let g6f = try XCTUnwrap(catalog.instance(named: "g6f.xlarge", region: nil))
        XCTAssertEqual(g6f.model?.id, "l4")
        XCTAssertEqual(g6f.acceleratorCount, Decimal(string: "0.125"))
        XCTAssertEqual(g6f.devices, 1)
        let share = try XCTUnwrap(catalog.acceleratorPrice(for: g6f))
        XCTAssertEqual(share.acceleratorFraction, Decimal(string: "0.125"))
        // One device + 4 vCPU + 16 GiB is the instance price.
        let rates = catalog.rates(provider: .aws)
        XCTAssertEqual(share.onDemandPerHour + 4 * rates.cpuPerVCPUHour + 16 * rates.memoryPerGiBHour, Decimal(string: "0.2375"))
        XCTAssertEqual(catalog.instance(named: "gr6f.4xlarge", region: nil)?.acceleratorCount, Decimal(string: "0.5"))
    }

    func testRegionFallbackIsTheUSMedianWithANote() throws {
        let g5 = try XCTUnwrap(catalog.instance(named: "g5.xlarge", region: "eu-west-1"))
        XCTAssertEqual(g5.region, "eu-west-1")
        XCTAssertEqual(g5.priceRegions, ["us-east-1", "us-east-2", "us-west-2"])
        XCTAssertEqual(g5.onDemandPerHour, Decimal(string: "1.006"))
        XCTAssertTrue(g5.notes[0].contains("g5.xlarge has no eu-west-1 row"), g5.notes[0])

        // Not offered in the default region: median over the US regions that have it.
        let trn2 = try XCTUnwrap(catalog.instance(named: "trn2.48xlarge", region: nil))
        XCTAssertEqual(trn2.priceRegions, ["us-east-2"])
        XCTAssertNil(trn2.onDemandPerHour, "capacity blocks only: no on-demand price, never 0")
        XCTAssertEqual(trn2.spotPerHour, Decimal(string: "8.5964"))
        XCTAssertNil(catalog.acceleratorPrice(for: trn2))
    }

    func testNotOfferedIsNilNeverZero() throws {
        let p5e = try XCTUnwrap(catalog.instance(named: "p5e.48xlarge", region: "us-east-2"))
        XCTAssertNil(p5e.onDemandPerHour)
        XCTAssertNil(catalog.acceleratorPrice(for: p5e))
        XCTAssertNil(catalog.instance(named: "m5.large", region: nil))
        XCTAssertNil(catalog.instance(named: "", region: nil))
    }

    func testKarpenterFillsAndSpotAdvisorEstimates() throws {
        let g4dn = try XCTUnwrap(catalog.instance(named: "g4dn.2xlarge", region: nil))
        XCTAssertEqual(g4dn.source.id, "karpenter-aws")
        XCTAssertEqual(g4dn.onDemandPerHour, Decimal(string: "0.752"))
        let advice = try XCTUnwrap(catalog.spotAdvice(instance: "g4dn.2xlarge", region: "us-east-1"))
        XCTAssertEqual(g4dn.spotPerHour, Decimal(string: "0.752")! * Decimal(100 - advice.savingsPercent) / 100)
        XCTAssertTrue(g4dn.notes.contains { $0.contains("spot estimated") }, "\(g4dn.notes)")
    }

    func testHostWithoutAccelerator() throws {
        let n1 = try XCTUnwrap(catalog.instance(named: "n1-highmem-8", region: nil))
        XCTAssertNil(n1.model)
        XCTAssertEqual(n1.acceleratorCount, 0)
        XCTAssertEqual(n1.onDemandPerHour, Decimal(string: "0.47321"))
        XCTAssertNil(catalog.acceleratorPrice(for: n1))
    }

    func testA4HostRowOfZeroIsNoted() throws {
        let a4 = try XCTUnwrap(catalog.instance(named: "a4-highgpu-8g", region: nil))
        XCTAssertEqual(a4.onDemandPerHour, Decimal(string: "90.216"))
        XCTAssertTrue(a4.notes.contains { $0.contains("host row is 0.0") }, "\(a4.notes)")
    }

    func testEveryInstanceTypeIsConsistent() {
        for name in catalog.instanceNames {
            guard let rows = catalog.rows(forInstance: name) else { return XCTFail(name) }
            for instance in rows.values {
                XCTAssertFalse(instance.onDemandPerHour == 0 && instance.name != "a4-highgpu-8g", "\(name) priced 0")
                if let model = instance.model {
                    XCTAssertTrue(model.isKnown, "\(name): \(model.id)")
                    XCTAssertGreaterThan(instance.acceleratorCount, 0, name)
                }
                XCTAssertGreaterThan(instance.vcpus, 0, name)
            }
        }
    }
}
