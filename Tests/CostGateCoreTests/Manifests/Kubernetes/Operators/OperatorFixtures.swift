import Foundation
import XCTest
@testable import CostGateCore

/// The manifests under Fixtures/k8s/operators, run through the pipeline in memory.
enum OperatorFixtures {
    static func text(_ name: String) throws -> String {
        let url = try XCTUnwrap(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/k8s/operators"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// Runs the pipeline over the named fixtures, each as its own file.
    static func run(_ names: [String]) throws -> EstimationResult {
        var files: [String: String] = [:]
        for name in names { files["operators/\(name)"] = try text(name) }
        return EstimationPipeline.run(files)
    }

    /// Reads one inline manifest (no pricing).
    static func read(_ yaml: String) -> KubernetesReading {
        let reader = KubernetesReader(options: ReadOptions(month: CalendarMonth(year: 2026, month: 11)!))
        var total = KubernetesReading()
        for document in YAMLParser().parse(Array(yaml.utf8)).documents {
            guard case .success(let parsed) = document, let root = parsed.root else { continue }
            total.append(reader.read(document: root, file: "test.yaml", index: parsed.index))
        }
        return total
    }
}

extension EstimationResult {
    func workload(_ id: String) throws -> Workload {
        try XCTUnwrap(estimates.first { $0.workload.id == id }?.workload, "no estimate for \(id); diagnostics: \(diagnostics.map(\.rendered))")
    }
}
