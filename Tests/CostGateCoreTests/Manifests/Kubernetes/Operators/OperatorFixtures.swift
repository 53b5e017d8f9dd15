import Foundation
import XCTest
@testable import CostGateCore
@testable import CostGateBasics
@testable import CostGateYAML
@testable import CostGateWorkloads
@testable import CostGatePricing
@testable import CostGateRun

/// The operator fixtures (`Fixtures/k8s/operators`), read alone or run through the whole pipeline.
enum OperatorFixtures {
    static let month = CalendarMonth(year: 2026, month: 11)!

    static func text(_ name: String) throws -> String {
        let url = try XCTUnwrap(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/k8s/operators"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Every document of the fixture through `KubernetesReader`.
    static func read(_ name: String) throws -> KubernetesReading {
        try read(yaml: text(name), file: name)
    }

    static func read(yaml: String, file: String = "test.yaml") -> KubernetesReading {
        let reader = KubernetesReader(options: ReadOptions(month: month))
        var total = KubernetesReading()
        for document in YAMLParser().parse(Array(yaml.utf8)).documents {
            guard case .success(let parsed) = document, let root = parsed.root else { continue }
            total.append(reader.read(document: root, file: file, index: parsed.index))
        }
        return total
    }

    /// A catalog where an A100 80GB costs exactly $2 an hour on demand and $1 on spot.
    static var pricing: PricingSettings {
        var settings = PricingSettings()
        settings.catalog.override(model: GPUModel.normalize("a100-80gb")!, provider: nil, onDemandPerHour: 2, spotPerHour: 1, note: "test")
        return settings
    }

    /// The fixture through the whole pipeline (reading, the autoscaler join, pricing).
    static func estimate(_ name: String) throws -> EstimationResult {
        EstimationPipeline.run([name: try text(name)], pricing: pricing)
    }

    /// On-demand USD per hour of `cpu` vCPUs and `memoryGiB` GiB at the built-in AWS rates.
    static func hostRate(cpu: Decimal, memoryGiB: Decimal) -> Decimal {
        let rates = PriceCatalog.builtin.rates(provider: .aws)
        return cpu * rates.cpuPerVCPUHour + memoryGiB * rates.memoryPerGiBHour
    }
}

extension Workload {
    func role(_ name: String) throws -> WorkloadRole {
        try XCTUnwrap(roles.first { $0.name == name }, "no role '\(name)' in \(roles.map(\.name))")
    }
}

extension OperatorFixtures {
    /// Runs the pipeline over the named fixtures, each as its own file.
    static func run(_ names: [String]) throws -> EstimationResult {
        var files: [String: String] = [:]
        for name in names { files["operators/\(name)"] = try text(name) }
        return EstimationPipeline.run(files)
    }
}

extension EstimationResult {
    func workload(_ id: String) throws -> Workload {
        try XCTUnwrap(estimates.first { $0.workload.id == id }?.workload, "no estimate for \(id); diagnostics: \(diagnostics.map(\.rendered))")
    }
}
