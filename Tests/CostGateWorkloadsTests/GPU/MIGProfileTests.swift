import XCTest
@testable import CostGateWorkloads
@testable import CostGateWorkloads

final class MIGProfileTests: XCTestCase {
    func testA100FortyProfileIsThreeSevenths() throws {
        let profile = try XCTUnwrap(MIGProfile.parse(resourceName: "nvidia.com/mig-3g.20gb"))
        XCTAssertEqual(profile.parent.id, "a100-40gb")
        XCTAssertEqual(profile.compute, 3)
        XCTAssertEqual(profile.memoryGB, 20)
        XCTAssertEqual(profile.fraction, Decimal(3) / Decimal(7))
        XCTAssertFalse(profile.mediaExtensions)
        XCTAssertNil(profile.note)
        XCTAssertEqual(profile.name, "3g.20gb")
    }

    func testEightyGigabyteProfilesChooseTheDearestWithoutHint() throws {
        for resource in ["nvidia.com/mig-1g.10gb", "nvidia.com/mig-3g.40gb", "nvidia.com/mig-7g.80gb"] {
            let profile = try XCTUnwrap(MIGProfile.parse(resourceName: resource), resource)
            XCTAssertEqual(profile.parent.id, "h100-80gb", resource)
            XCTAssertTrue(profile.candidates.map(\.id).contains("a100-80gb"), resource)
            XCTAssertNotNil(profile.note, resource)
        }
        XCTAssertEqual(MIGProfile.parse(resourceName: "nvidia.com/mig-7g.80gb")?.fraction, 1)
    }

    func testHintPicksTheParent() throws {
        let a100 = try XCTUnwrap(MIGProfile.parse(resourceName: "nvidia.com/mig-3g.40gb", parentHint: GPUModel(id: "a100-80gb")))
        XCTAssertEqual(a100.parent.id, "a100-80gb")
        XCTAssertNil(a100.note)
        let forty = try XCTUnwrap(MIGProfile.parse(resourceName: "nvidia.com/mig-1g.10gb", parentHint: GPUModel(id: "a100-40gb")))
        XCTAssertEqual(forty.parent.id, "a100-40gb")
        XCTAssertEqual(forty.fraction, Decimal(1) / Decimal(7))
        // A hint that does not offer the profile is ignored.
        let ignored = try XCTUnwrap(MIGProfile.parse(resourceName: "nvidia.com/mig-3g.40gb", parentHint: GPUModel(id: "t4")))
        XCTAssertEqual(ignored.parent.id, "h100-80gb")
    }

    func testMediaExtensionsAndOtherSuffixes() throws {
        let plus = try XCTUnwrap(MIGProfile.parse(resourceName: "nvidia.com/mig-1g.10gb+me"))
        XCTAssertTrue(plus.mediaExtensions)
        XCTAssertEqual(plus.compute, 1)
        XCTAssertEqual(plus.name, "1g.10gb+me")
        XCTAssertEqual(MIGProfile.parse(resourceName: "nvidia.com/mig-1g.5gb+me")?.parent.id, "a100-40gb")
        XCTAssertEqual(MIGProfile.parse(profile: "1g.24gb-me", parentHint: GPUModel(id: "rtx-pro-6000"))?.fraction,
                       Decimal(1) / Decimal(4))
    }

    func testFourSliceGPUs() throws {
        let a30 = try XCTUnwrap(MIGProfile.parse(resourceName: "nvidia.com/mig-2g.12gb"))
        XCTAssertEqual(a30.parent.id, "a30")
        XCTAssertEqual(a30.fraction, Decimal(1) / Decimal(2))
        XCTAssertEqual(MIGProfile.parse(resourceName: "nvidia.com/mig-1g.6gb")?.fraction, Decimal(1) / Decimal(4))
    }

    func testOtherParents() {
        XCTAssertEqual(MIGProfile.parse(resourceName: "nvidia.com/mig-3g.47gb")?.parent.id, "h100-nvl")
        XCTAssertEqual(MIGProfile.parse(resourceName: "nvidia.com/mig-7g.141gb")?.parent.id, "h200-141gb")
        XCTAssertEqual(MIGProfile.parse(resourceName: "nvidia.com/mig-1g.23gb")?.parent.id, "b200")
        XCTAssertEqual(MIGProfile.parse(resourceName: "nvidia.com/mig-3g.48gb")?.parent.id, "gh200")
    }

    func testGPUProductLabel() throws {
        let profile = try XCTUnwrap(MIGProfile.parse(gpuProduct: "NVIDIA-A100-SXM4-40GB-MIG-1g.5gb"))
        XCTAssertEqual(profile.parent.id, "a100-40gb")
        XCTAssertEqual(profile.fraction, Decimal(1) / Decimal(7))
        XCTAssertEqual(MIGProfile.parse(gpuProduct: "NVIDIA-A100-SXM4-80GB-MIG-3g.40gb-SHARED")?.parent.id, "a100-80gb")
        XCTAssertNil(MIGProfile.parse(gpuProduct: "NVIDIA-A100-SXM4-40GB"))
    }

    func testRejectsNonMIG() {
        for name in ["nvidia.com/gpu", "nvidia.com/mig-", "nvidia.com/mig-3g", "nvidia.com/mig-3g.21gb", "nvidia.com/mig-xg.5gb",
                     "amd.com/gpu", "nvidia.com/mig-9g.40gb"] {
            XCTAssertNil(MIGProfile.parse(resourceName: name), name)
        }
    }
}
