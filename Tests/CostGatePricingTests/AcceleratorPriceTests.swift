import XCTest
@testable import CostGatePricing
@testable import CostGateWorkloads

final class AcceleratorPriceTests: XCTestCase {
    let catalog = PriceCatalog.builtin

    func testResidualArithmeticByHand() throws {
        // p4d.24xlarge, us-east-1: 21.957642 USD/h, 96 vCPU, 1152 GiB, 8 × A100 40GB.
        //   96 × 0.031611 = 3.034656;  1152 × 0.004237 = 4.881024
        //   (21.957642 − 3.034656 − 4.881024) / 8 = 14.041962 / 8 = 1.75524525
        // Spot 9.89785: the same share at the instance's discount, 1.75524525 × 9.89785 / 21.957642 = 0.791221…
        // (subtracting spot vCPU and memory rates instead gave 1.02892325, 30 % more than the discount).
        let p4d = try XCTUnwrap(catalog.instance(named: "p4d.24xlarge", region: "us-east-1"))
        let share = try XCTUnwrap(catalog.acceleratorPrice(for: p4d))
        XCTAssertEqual(share.onDemandPerHour, Decimal(string: "1.75524525"))
        let spot = try XCTUnwrap(share.spotPerHour)
        XCTAssertLessThan(abs(spot - Decimal(string: "1.75524525")! * Decimal(string: "9.89785")! / Decimal(string: "21.957642")!),
                          Decimal(string: "0.000000001")!)
        let ratio = try XCTUnwrap(share.spotRatio)
        XCTAssertLessThan(abs(ratio * Decimal(string: "21.957642")! - Decimal(string: "9.89785")!), Decimal(string: "0.000000001")!)
        XCTAssertEqual(share.model.id, "a100-40gb")
        XCTAssertEqual(share.reference, "p4d.24xlarge")
        XCTAssertTrue(share.derivation.hasPrefix("aws p4d.24xlarge (8 × a100-40gb, 96 vCPU, 1152 GiB) in us-east-1: "
                                                 + "(21.957642 − 96 × 0.031611 − 1152 × 0.004237) / 8 = 1.755245"),
                      share.derivation)
        // The model price in us-east-1 comes from the same reference instance.
        XCTAssertEqual(catalog.acceleratorPrice(model: GPUModel(id: "a100-40gb"), provider: .aws, region: nil)?.onDemandPerHour,
                       Decimal(string: "1.75524525"))
    }

    func testAWholeInstancePodCostsTheInstancePrice() {
        for name in catalog.instanceNames {
            for instance in catalog.rows(forInstance: name)?.values.map({ $0 }) ?? [] where instance.provider != .gcp {
                guard let onDemand = instance.onDemandPerHour, instance.model != nil,
                      let share = catalog.acceleratorPrice(for: instance) else { continue }
                // Where the residual is not positive the price is instance / accelerators instead (noted).
                let onDemandFallback = share.notes.contains { $0.hasPrefix("the on-demand residual") }
                let rates = catalog.rates(provider: instance.provider)
                let pod = instance.devices * share.onDemandPerHour + Decimal(instance.vcpus) * rates.cpuPerVCPUHour
                    + instance.memoryGiB * rates.memoryPerGiBHour
                if onDemandFallback {
                    XCTAssertEqual(share.onDemandPerHour, onDemand / instance.devices, name)
                } else {
                    XCTAssertLessThan(abs(pod - onDemand), Decimal(string: "0.000000001")!, "\(name) \(instance.region)")
                }
                // On spot the estimator prices a share of the instance at its spot/on-demand ratio: the whole
                // instance costs its spot price, and no share is dearer on spot than on demand unless the instance is.
                if let spot = instance.spotPerHour, let spotShare = share.spotPerHour, let ratio = share.spotRatio, !onDemandFallback {
                    XCTAssertLessThan(abs(pod * ratio - spot), Decimal(string: "0.000000001")!, "\(name) \(instance.region) spot")
                    if spot < onDemand {
                        XCTAssertLessThan(spotShare, share.onDemandPerHour, "\(name) \(instance.region) spot share")
                    }
                }
            }
        }
    }

    func testReferenceInstanceIsTheSmallestWholeConfiguration() {
        let expectations: [(CloudProvider, String, String)] = [
            (.aws, "h100-80gb", "p5.4xlarge"), (.aws, "a10g", "g5.xlarge"), (.aws, "t4", "g4dn.xlarge"),
            (.aws, "l4", "g6.xlarge"), (.aws, "l40s", "g6e.xlarge"), (.aws, "v100-16gb", "p3.2xlarge"),
            (.aws, "inferentia2", "inf2.xlarge"), (.aws, "trainium", "trn1.2xlarge"), (.aws, "gaudi", "dl1.24xlarge"),
            (.aws, "rtx-pro-6000", "g7e.2xlarge"), (.azure, "a100-80gb", "Standard_NC24ads_A100_v4"),
            (.azure, "h100-80gb", "Standard_ND96isr_H100_v5"), (.azure, "h100-nvl", "Standard_NC40ads_H100_v5"),
            (.azure, "t4", "Standard_NC4as_T4_v3"), (.azure, "a10", "Standard_NV36ads_A10_v5"),
        ]
        for (provider, model, reference) in expectations {
            let price = catalog.acceleratorPrice(model: GPUModel(id: model), provider: provider, region: nil)
            XCTAssertEqual(price?.reference, reference, "\(provider) \(model)")
        }
    }

    func testGCPRowsPerAccelerator() throws {
        let l4 = try XCTUnwrap(catalog.acceleratorPrice(model: GPUModel(id: "l4"), provider: .gcp, region: "us-central1"))
        XCTAssertEqual(l4.onDemandPerHour, Decimal(string: "0.56004"))
        XCTAssertEqual(l4.spotPerHour, Decimal(string: "0.2862"))
        XCTAssertEqual(l4.reference, "L4 × 1")
        let a100 = try XCTUnwrap(catalog.acceleratorPrice(model: GPUModel(id: "a100-40gb"), provider: .gcp, region: nil))
        XCTAssertEqual(a100.onDemandPerHour, Decimal(string: "2.93391"))
    }

    func testGCPSanityBoundReplacesTheInconsistentH100Row() throws {
        let central = try XCTUnwrap(catalog.acceleratorPrice(model: GPUModel(id: "h100-80gb"), provider: .gcp, region: nil))
        // 4.20076 is below 60 % of us-east5's 11.03385: replaced by the median of us-east4 and us-east5.
        XCTAssertEqual(central.onDemandPerHour, (Decimal(string: "9.79655")! + Decimal(string: "11.03385")!) / 2)
        XCTAssertTrue(central.notes.contains { $0.contains("4.20076") && $0.contains("below 60 %") }, "\(central.notes)")
        XCTAssertTrue(central.derivation.contains("below 60 %"))
        let east4 = try XCTUnwrap(catalog.acceleratorPrice(model: GPUModel(id: "h100-80gb"), provider: .gcp, region: "us-east4"))
        XCTAssertEqual(east4.onDemandPerHour, Decimal(string: "9.79655"))
        XCTAssertTrue(east4.notes.allSatisfy { !$0.contains("below 60 %") })
        // H200: the 36.60258 rows (us-east5, us-south1) are replaced, the 74.49392 rows kept.
        let h200 = try XCTUnwrap(catalog.acceleratorPrice(model: GPUModel(id: "h200-141gb"), provider: .gcp, region: "us-south1"))
        XCTAssertEqual(h200.onDemandPerHour, Decimal(string: "74.49392")! / 8)
        // B200 (64.44 against 90.216 per 8, 71 %) passes the bound.
        XCTAssertTrue(catalog.notes.contains { $0.hasPrefix("GCP H100 rows below 60 %") })
        XCTAssertFalse(catalog.notes.contains { $0.hasPrefix("GCP B200") })
        XCTAssertFalse(catalog.notes.contains { $0.hasPrefix("GCP L4") })
    }

    func testGCPA4RowHoldsTheWholeMachine() throws {
        let b200 = try XCTUnwrap(catalog.acceleratorPrice(model: GPUModel(id: "b200"), provider: .gcp, region: "us-central1"))
        let rates = catalog.rates(provider: .gcp)
        let expected = (Decimal(string: "90.216")! - 224 * rates.cpuPerVCPUHour - 3968 * rates.memoryPerGiBHour) / 8
        XCTAssertEqual(b200.onDemandPerHour, expected)
        XCTAssertTrue(b200.derivation.contains("host row is 0.0"), b200.derivation)
        let instance = try XCTUnwrap(catalog.instance(named: "a4-highgpu-8g", region: "us-central1"))
        XCTAssertEqual(catalog.acceleratorPrice(for: instance)?.onDemandPerHour, expected)
    }

    func testTPUsArePerChip() throws {
        let v6e = try XCTUnwrap(catalog.acceleratorPrice(model: GPUModel(id: "tpu-v6e"), provider: .gcp, region: nil))
        XCTAssertEqual(v6e.onDemandPerHour, Decimal(string: "2.7"))
        XCTAssertEqual(v6e.spotPerHour, Decimal(string: "0.59266"))
        XCTAssertEqual(v6e.source.id, "skypilot-gcp-accelerators")
        let v5e = try XCTUnwrap(catalog.acceleratorPrice(model: GPUModel(id: "tpu-v5e"), provider: .gcp, region: "us-central1"))
        XCTAssertEqual(v5e.onDemandPerHour, Decimal(string: "1.2"))
        XCTAssertEqual(v5e.source.id, "gpuhunt-tpu")
        let v5p = try XCTUnwrap(catalog.acceleratorPrice(model: GPUModel(id: "tpu-v5p"), provider: .gcp, region: "us-east5"))
        XCTAssertEqual(v5p.onDemandPerHour, Decimal(string: "4.2"))
        // v4 is only in us-central2: the default region falls back with a note.
        let v4 = try XCTUnwrap(catalog.acceleratorPrice(model: GPUModel(id: "tpu-v4"), provider: .gcp, region: nil))
        XCTAssertEqual(v4.onDemandPerHour, Decimal(string: "3.22"))
        XCTAssertTrue(v4.derivation.contains("median over the US regions"), v4.derivation)
    }

    func testNeuronPerDevice() throws {
        let trn1 = try XCTUnwrap(catalog.acceleratorPrice(model: GPUModel(id: "trainium"), provider: .aws, region: nil))
        XCTAssertEqual(trn1.reference, "trn1.2xlarge")
        let inf2 = try XCTUnwrap(catalog.instance(named: "inf2.48xlarge", region: nil))
        XCTAssertEqual(inf2.acceleratorCount, 12)
        XCTAssertNotNil(catalog.acceleratorPrice(for: inf2))
    }

    func testNoPriceIsNil() {
        XCTAssertNil(catalog.acceleratorPrice(model: GPUModel(id: "trainium2"), provider: .aws, region: nil),
                     "trn2.48xlarge has no on-demand price")
        XCTAssertNil(catalog.acceleratorPrice(model: GPUModel(id: "mi300x"), provider: .azure, region: nil))
        XCTAssertNil(catalog.acceleratorPrice(model: GPUModel(id: "tpu7x"), provider: .gcp, region: nil))
        XCTAssertNil(catalog.acceleratorPrice(model: GPUModel(id: "tpu-v6e"), provider: .aws, region: nil))
        // An unknown region falls back to the US median: a price, never 0.
        XCTAssertGreaterThan(catalog.acceleratorPrice(model: GPUModel(id: "h100-80gb"), provider: .azure, region: "nowhere")?
            .onDemandPerHour ?? 0, 0)
    }

    func testRegionFallbackForModels() throws {
        let b300 = try XCTUnwrap(catalog.acceleratorPrice(model: GPUModel(id: "b300"), provider: .aws, region: "eu-west-1"))
        XCTAssertEqual(b300.region, "eu-west-1")
        XCTAssertTrue(b300.derivation.hasPrefix("no aws b300 price for eu-west-1 in the catalog: median over the US regions"),
                      b300.derivation)
        let l4 = try XCTUnwrap(catalog.acceleratorPrice(model: GPUModel(id: "l4"), provider: .aws, region: "ap-south-1"))
        XCTAssertEqual(l4.onDemandPerHour, catalog.acceleratorPrice(model: GPUModel(id: "l4"), provider: .aws, region: nil)?.onDemandPerHour)
    }

    /// Every listed price is positive and inside a band that a real list price of the part falls in.
    func testEveryPriceIsPositiveAndPlausible() {
        // USD per accelerator-hour on demand (per chip for TPUs, per device for Neuron). Low floors where the
        // residual rule leaves little for the GPU: Azure NV36ads_A10_v5 (36 vCPU, 440 GiB, 3.20 USD/h) gives
        // an A10 0.20, inf1.xlarge an Inferentia 0.07; the listing has every configuration, and the multi-GPU
        // ones of small GPUs leave less (g4dn.12xlarge: a T4 0.12).
        let bands: [String: (low: Decimal, high: Decimal)] = [
            "a100-40gb": (1, 5), "a100-80gb": (1.5, 6), "h100-80gb": (4, 16), "h100-nvl": (3, 10), "h200-141gb": (4, 16),
            "b200": (4, 20), "b300": (8, 25), "l4": (0.3, 1.2), "l40s": (0.8, 3), "t4": (0.1, 0.8), "t4g": (0.05, 0.6),
            "a10g": (0.4, 1.5), "a10": (0.1, 2.5), "v100-16gb": (1.5, 4), "v100-32gb": (1.5, 5), "k80": (0.2, 1.2),
            "m60": (0.1, 1), "mi25": (0.1, 1.5), "p100": (0.8, 2.5), "p4": (0.3, 1.2), "radeon-pro-v520": (0.05, 0.6),
            "rtx-pro-6000": (1.5, 5), "gaudi": (0.5, 3), "inferentia": (0.03, 0.5), "inferentia2": (0.2, 1.5),
            "trainium": (0.5, 2.5), "tpu-v2": (1, 2), "tpu-v3": (1.5, 3), "tpu-v4": (2, 4.5), "tpu-v5e": (0.8, 2),
            "tpu-v5p": (3, 6), "tpu-v6e": (2, 4),
        ]
        let listing = catalog.listing(provider: nil, model: nil)
        XCTAssertGreaterThan(listing.count, 100)
        for price in listing {
            let label = "\(price.provider.rawValue) \(price.region) \(price.model.id) \(price.onDemandPerHour)"
            XCTAssertGreaterThan(price.onDemandPerHour, 0, label)
            guard let band = bands[price.model.id] else {
                XCTFail("no plausibility band for \(price.model.id)")
                continue
            }
            XCTAssertGreaterThanOrEqual(price.onDemandPerHour, band.low, label)
            XCTAssertLessThanOrEqual(price.onDemandPerHour, band.high, label)
            if let spot = price.spotPerHour {
                XCTAssertGreaterThan(spot, 0, label + " spot")
                // Spot is dearer only where the source's spot price is (TPU v4 pods in us-central2: 14 %).
                XCTAssertLessThanOrEqual(spot, price.onDemandPerHour * Decimal(string: "1.15")!, label + " spot \(spot)")
                if spot > price.onDemandPerHour {
                    XCTAssertTrue(price.notes.contains { $0.contains("not below on-demand") }, label + " says why spot is dearer")
                }
            }
            XCTAssertFalse(price.derivation.isEmpty, label)
        }
    }

    func testListingIsSortedAndFiltered() {
        let all = catalog.listing(provider: nil, model: nil)
        let keys = all.map { ($0.provider, $0.model.id, $0.region) }
        XCTAssertTrue(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 }, "sorted by provider, model, region")
        let gcp = catalog.listing(provider: .gcp, model: GPUModel(id: "h100-80gb"))
        XCTAssertFalse(gcp.isEmpty)
        XCTAssertTrue(gcp.allSatisfy { $0.provider == .gcp && $0.model.id == "h100-80gb" })
        XCTAssertTrue(catalog.listing(provider: .aws, model: GPUModel(id: "tpu-v6e")).isEmpty)
    }
}

private func <= (lhs: (CloudProvider, String, String), rhs: (CloudProvider, String, String)) -> Bool {
    lhs.0 != rhs.0 ? lhs.0 < rhs.0 : (lhs.1, lhs.2) <= (rhs.1, rhs.2)
}
