import Foundation
import XCTest
@testable import CostGateCore
@testable import CostGateBasics
@testable import CostGateWorkloads
@testable import CostGatePricing
@testable import CostGateEstimation
@testable import CostGatePolicy

final class PriceOverrideFileTests: XCTestCase {
    private func apply(_ yaml: String) -> (PricingSettings, [Diagnostic]) {
        var settings = PricingSettings()
        let diagnostics = PriceOverrideFile.apply(Array(yaml.utf8), file: "prices.yaml", to: &settings)
        return (settings, diagnostics)
    }

    func testOverridesAndPartitionRatesApply() throws {
        let (settings, diagnostics) = apply("""
        accelerators:
          - {model: NVIDIA-A100-SXM4-80GB, provider: gcp, onDemand: 2.10, spot: 1.05}
        partitions:
          gpu: {perGPUHour: 1.20, perCPUHour: 0.01}
        """)
        XCTAssertEqual(diagnostics, [])
        let price = try XCTUnwrap(settings.catalog.acceleratorPrice(model: GPUModel.normalize("a100-80gb")!, provider: .gcp, region: nil))
        XCTAssertEqual(price.onDemandPerHour, Decimal(string: "2.10"))
        XCTAssertEqual(price.spotPerHour, Decimal(string: "1.05"))
        XCTAssertEqual(settings.partitionRates["gpu"], PartitionRate(perAcceleratorHour: Decimal(string: "1.20")!,
                                                                    perVCPUHour: Decimal(string: "0.01")!))
    }

    func testUnknownKeysSuggestTheRightOne() {
        let (_, diagnostics) = apply("acelerators:\n  - {model: a100, onDemand: 1}\n")
        XCTAssertEqual(diagnostics.map(\.rendered), [
            "prices.yaml:1:1: error: unknown key 'acelerators'; did you mean 'accelerators'? (allowed: accelerators, partitions) [invalid-prices]",
        ])
        let (_, nested) = apply("partitions:\n  gpu: {perGpuHour: 1}\n")
        XCTAssertEqual(nested.first?.message,
                       "unknown key 'perGpuHour' in 'partitions.gpu'; did you mean 'perGPUHour'? (allowed: perGPUHour, perCPUHour, perGiBHour, gpu)")
    }

    func testAPartitionNamesTheGPUModelOfItsNodes() throws {
        let (settings, diagnostics) = apply("partitions:\n  gpu-a100: {gpu: NVIDIA-A100-SXM4-80GB, perGPUHour: 1.20}\n")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(settings.partitionRates["gpu-a100"]?.model, GPUModel.normalize("a100-80gb"))
        let (_, bad) = apply("partitions:\n  gpu-a100: {gpu: a1000000, perGPUHour: 1.20}\n")
        XCTAssertEqual(bad.first?.location.line, 2, "an unknown model is an error at its place")
        let script = "#!/bin/bash\n#SBATCH --partition=gpu-a100\n#SBATCH --gres=gpu:4\n#COSTGATE --duration=2h\nsrun x\n"
        let file = InputFile(path: "job.sbatch", bytes: Array(script.utf8), format: .sbatch)
        let workload = try XCTUnwrap(SlurmReader(options: ReadOptions(month: CalendarMonth(year: 2026, month: 11)!)).read(file).workloads.first)
        let estimate = try Estimator(settings: settings).estimate(workload)
        XCTAssertEqual(estimate.cost.expected, Decimal(string: "9.6"), "4 GPUs × $1.20 × 2 h at the partition's rate")
        XCTAssertEqual(estimate.prices.first?.model, GPUModel.normalize("a100-80gb"), "the partition says what its nodes carry")
    }

    func testBadValuesNameThePlace() {
        let (_, diagnostics) = apply("accelerators:\n  - model: a100\n    onDemand: cheap\n")
        XCTAssertEqual(diagnostics.first?.location.line, 3)
        XCTAssertEqual(diagnostics.first?.location.column, 15)
        let (_, unknownModel) = apply("accelerators:\n  - {model: quantum-x9, onDemand: 1}\n")
        XCTAssertTrue(unknownModel.first?.message.contains("'quantum-x9'") == true)
    }
}
