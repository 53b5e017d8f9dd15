import XCTest
@testable import CostGateWorkloads
@testable import CostGateWorkloads

final class GPUModelNormalizationTests: XCTestCase {
    /// Every spelling the manifests, node labels, Slurm GRES and catalogs use, and the id it means.
    static let spellings: [(raw: String, id: String, source: String)] = [
        // GPU Feature Discovery nvidia.com/gpu.product
        ("NVIDIA-A100-SXM4-40GB", "a100-40gb", "GFD"),
        ("NVIDIA-A100-SXM4-80GB", "a100-80gb", "GFD"),
        ("NVIDIA-A100-PCIE-40GB", "a100-40gb", "GFD"),
        ("NVIDIA-A100-80GB-PCIe", "a100-80gb", "GFD"),
        ("Tesla-T4", "t4", "GFD"),
        ("NVIDIA-H100-80GB-HBM3", "h100-80gb", "GFD"),
        ("NVIDIA-H100-PCIe", "h100-80gb", "GFD"),
        ("NVIDIA-H100-NVL", "h100-nvl", "GFD"),
        ("NVIDIA-H200", "h200-141gb", "GFD"),
        ("NVIDIA-L4", "l4", "GFD"),
        ("NVIDIA-L40S", "l40s", "GFD"),
        ("NVIDIA-A10G", "a10g", "GFD"),
        ("NVIDIA-A10", "a10", "GFD"),
        ("Tesla-V100-SXM2-16GB", "v100-16gb", "GFD"),
        ("Tesla-V100-SXM2-32GB", "v100-32gb", "GFD"),
        ("Tesla-K80", "k80", "GFD"),
        ("Tesla-P100-PCIE-16GB", "p100", "GFD"),
        ("NVIDIA-B200", "b200", "GFD"),
        ("NVIDIA-GH200-480GB", "gh200", "GFD"),
        ("NVIDIA-RTX-PRO-6000-Blackwell-Server-Edition", "rtx-pro-6000", "GFD"),
        ("NVIDIA-A100-SXM4-40GB-SHARED", "a100-40gb", "GFD time-slicing"),
        ("Tesla-T4-SHARED", "t4", "GFD time-slicing"),
        ("NVIDIA-A100-SXM4-40GB-MIG-1g.5gb", "a100-40gb", "GFD MIG single"),
        ("A100-SXM4-40GB-MIG-1g.5gb", "a100-40gb", "GFD docs example"),
        ("NVIDIA-H100-80GB-HBM3-MIG-3g.40gb", "h100-80gb", "GFD MIG single"),
        ("NVIDIA-A100-SXM4-80GB-MIG-1g.10gb-SHARED", "a100-80gb", "GFD MIG + sharing"),
        // GKE cloud.google.com/gke-accelerator
        ("nvidia-tesla-a100", "a100-40gb", "GKE"),
        ("nvidia-a100-80gb", "a100-80gb", "GKE"),
        ("nvidia-h100-80gb", "h100-80gb", "GKE"),
        ("nvidia-h100-mega-80gb", "h100-80gb", "GKE"),
        ("nvidia-h200-141gb", "h200-141gb", "GKE"),
        ("nvidia-b200", "b200", "GKE"),
        ("nvidia-l4", "l4", "GKE"),
        ("nvidia-tesla-t4", "t4", "GKE"),
        ("nvidia-tesla-v100", "v100-16gb", "GKE"),
        ("nvidia-tesla-p100", "p100", "GKE"),
        ("nvidia-tesla-p4", "p4", "GKE"),
        ("nvidia-tesla-k80", "k80", "GKE"),
        ("nvidia-gb200", "gb200", "GKE"),
        // GKE cloud.google.com/gke-tpu-accelerator
        ("tpu-v5-lite-podslice", "tpu-v5e", "GKE TPU"),
        ("tpu-v5-lite-device", "tpu-v5e", "GKE TPU"),
        ("tpu-v6e-slice", "tpu-v6e", "GKE TPU"),
        ("tpu-v4-podslice", "tpu-v4", "GKE TPU"),
        ("tpu-v5p-slice", "tpu-v5p", "GKE TPU"),
        ("tpu7x", "tpu7x", "GKE TPU"),
        ("tpu-v3-slice", "tpu-v3", "GKE TPU"),
        ("tpu-v6e-8", "tpu-v6e", "SkyPilot slice"),
        ("tpu-v5litepod-16", "tpu-v5e", "SkyPilot slice"),
        ("TPU v4 pod", "tpu-v4", "gpuhunt"),
        // Karpenter instance-gpu-name / instance-accelerator-name
        ("a100", "a100-40gb", "Karpenter"),
        ("h100", "h100-80gb", "Karpenter"),
        ("h200", "h200-141gb", "Karpenter"),
        ("a10g", "a10g", "Karpenter"),
        ("l40s", "l40s", "Karpenter"),
        ("t4", "t4", "Karpenter"),
        ("l4", "l4", "Karpenter"),
        ("b200", "b200", "Karpenter"),
        ("v100", "v100-16gb", "Karpenter"),
        ("radeon-pro-v520", "radeon-pro-v520", "Karpenter"),
        ("inferentia", "inferentia", "Karpenter"),
        ("inferentia2", "inferentia2", "Karpenter"),
        ("trainium", "trainium", "Karpenter"),
        ("trainium2", "trainium2", "Karpenter"),
        ("gaudi-hl-205", "gaudi", "Karpenter"),
        // Slurm GRES types
        ("a100_80gb", "a100-80gb", "Slurm"),
        ("a100_40gb", "a100-40gb", "Slurm"),
        ("h100_80gb", "h100-80gb", "Slurm"),
        ("v100-32gb", "v100-32gb", "Slurm"),
        ("tesla_v100", "v100-16gb", "Slurm"),
        ("v100s", "v100-32gb", "Slurm"),
        ("v100l", "v100-32gb", "Slurm (Cedar)"),
        ("rtx_pro_6000", "rtx-pro-6000", "Slurm"),
        // Catalog names
        ("A100", "a100-40gb", "catalog"),
        ("A100-80GB", "a100-80gb", "catalog"),
        ("H100", "h100-80gb", "catalog"),
        ("H100-MEGA", "h100-80gb", "catalog"),
        ("H200", "h200-141gb", "catalog"),
        ("V100", "v100-16gb", "catalog"),
        ("V100-32GB", "v100-32gb", "catalog"),
        ("RTXPRO6000", "rtx-pro-6000", "catalog"),
        ("Radeon Pro V520", "radeon-pro-v520", "catalog"),
        ("Radeon MI25", "mi25", "catalog"),
        ("T4g", "t4g", "catalog"),
        ("Gaudi", "gaudi", "catalog"),
        ("Trainium2", "trainium2", "catalog"),
        // Shorthand
        ("a100-40gb", "a100-40gb", "shorthand"),
        ("A100 80GB", "a100-80gb", "shorthand"),
        ("a100-80g", "a100-80gb", "shorthand"),
        ("  A100-80GB  ", "a100-80gb", "shorthand"),
        ("h100-sxm5-80gb", "h100-80gb", "shorthand"),
        ("mi300x", "mi300x", "shorthand"),
        ("AMD-Instinct-MI300X", "mi300x", "shorthand"),
        ("trn1", "trainium", "shorthand"),
        ("inf2", "inferentia2", "shorthand"),
    ]

    func testEverySpellingNormalizes() {
        for (raw, id, source) in Self.spellings {
            XCTAssertEqual(GPUModel.normalize(raw)?.id, id, "\(source) spelling '\(raw)'")
        }
    }

    func testEveryKnownIDIsItsOwnSpelling() {
        for model in GPUModel.known {
            XCTAssertEqual(GPUModel.normalize(model.id), model, model.id)
            XCTAssertNil(GPUModel.normalizationNote(model.id), model.id)
        }
    }

    func testUnknownSpellingsAreNil() {
        for raw in ["", "   ", "nvidia.com/gpu", "a100-60gb", "v100-24gb", "rtx-3090", "x100", "tpu", "tpu-v5", "gpu"] {
            XCTAssertNil(GPUModel.normalize(raw), "'\(raw)'")
        }
    }

    func testAmbiguousBareNamesSaySo() throws {
        let a100 = try XCTUnwrap(GPUModel.normalizationNote("a100"))
        XCTAssertTrue(a100.contains("'a100' read as a100-40gb (the 40 GB part)"), a100)
        let v100 = try XCTUnwrap(GPUModel.normalizationNote("V100"))
        XCTAssertTrue(v100.contains("v100-16gb"), v100)
        // GKE's nvidia-tesla-a100 is always the 40 GB part: nothing to say.
        XCTAssertNil(GPUModel.normalizationNote("nvidia-tesla-a100"))
        XCTAssertNil(GPUModel.normalizationNote("nvidia-a100-80gb"))
        XCTAssertNil(GPUModel.normalizationNote("NVIDIA-A100-SXM4-40GB"))
        XCTAssertNil(GPUModel.normalizationNote("no-such-gpu"))
    }

    func testSuffixesAreNoted() throws {
        let mig = try XCTUnwrap(GPUModel.normalizationNote("NVIDIA-A100-SXM4-40GB-MIG-1g.5gb"))
        XCTAssertTrue(mig.contains("MIG 1g.5gb slice: read as its parent GPU, a100-40gb"), mig)
        let shared = try XCTUnwrap(GPUModel.normalizationNote("Tesla-T4-SHARED"))
        XCTAssertTrue(shared.contains("time-shared GPU (-SHARED): read as t4"), shared)
    }

    func testModelInfo() {
        XCTAssertEqual(GPUModel(id: "tpu-v6e").kind, .tpu)
        XCTAssertEqual(GPUModel(id: "trainium2").kind, .neuron)
        XCTAssertEqual(GPUModel(id: "gaudi").kind, .gaudi)
        XCTAssertEqual(GPUModel(id: "h100-80gb").kind, .gpu)
        XCTAssertEqual(GPUModel(id: "a100-80gb").displayName, "NVIDIA A100 80GB")
        XCTAssertFalse(GPUModel(id: "no-such").isKnown)
        XCTAssertLessThan(GPUModel(id: "a10"), GPUModel(id: "a100-40gb"))
        XCTAssertEqual(GPUModel.known, GPUModel.known.sorted())
    }
}
