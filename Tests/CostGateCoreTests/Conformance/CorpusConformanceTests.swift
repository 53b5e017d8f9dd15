import Foundation
import XCTest
@testable import CostGateCore
@testable import CostGateBasics
@testable import CostGateYAML
@testable import CostGateWorkloads
@testable import CostGatePricing
@testable import CostGateRun

/// Every real manifest in ../shared/corpus/real (skipped when absent): read without a crash or a
/// hang, and every workload document either estimated or explained by a diagnostic at its place.
final class CorpusConformanceTests: XCTestCase {
    private static let corpus: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
            directory.deleteLastPathComponent()
        }
        return directory.deletingLastPathComponent().appendingPathComponent("shared/corpus/real")
    }()

    /// Kinds whose readers exist: skipping one of them as unknown is a regression.
    static let operatorKinds: Set<String> = ["PyTorchJob", "TFJob", "MPIJob", "PaddleJob", "XGBoostJob", "JAXJob", "HyperPodPyTorchJob",
                                            "RayCluster", "RayJob", "RayService", "JobSet", "LeaderWorkerSet", "InferenceService",
                                            "LLMInferenceService", "TrainJob", "VLLMRuntime"]

    func testEveryWorkloadIsEstimatedOrDiagnosed() throws {
        guard FileManager.default.fileExists(atPath: Self.corpus.path) else { throw XCTSkip("no corpus at \(Self.corpus.path)") }
        let request = EstimationRequest(paths: [Self.corpus.path], reading: ReadOptions(month: CalendarMonth(year: 2026, month: 11)!),
                                        pricing: PricingSettings())
        let result = EstimationPipeline(fileSystem: LocalFileSystem()).run(request)
        XCTAssertGreaterThanOrEqual(result.fileCount, 129)

        var summary: [String: (estimated: Int, diagnosed: Int)] = [:]
        var reasons: [String: [String: Int]] = [:]
        var skippedOperatorKinds: [String] = []
        var unexplained: [String] = []
        for file in try LocalFileSystem().files(under: Self.corpus.path) where !file.hasSuffix(".tsv") {
            let bytes = try LocalFileSystem().contents(of: file)
            let estimates = result.estimates.filter { $0.workload.source.file == file }
            let diagnostics = result.diagnostics.filter { $0.location.file == file }
            if InputCollector.looksLikeSbatch(bytes) {
                let key = "sbatch"
                if !estimates.isEmpty { summary[key, default: (0, 0)].estimated += 1 }
                else if !diagnostics.isEmpty { summary[key, default: (0, 0)].diagnosed += 1 }
                else { unexplained.append(file) }
                continue
            }
            for document in YAMLParser().parse(bytes).documents {
                guard case .success(let parsed) = document, let root = parsed.root else { continue }
                let cursor = NodeCursor(node: root, path: "", file: file, document: parsed.index)
                guard let object = try? KubernetesObject.read(cursor), !KubernetesKinds.podless.contains(object.kind),
                      object.kind != "HorizontalPodAutoscaler" else { continue }
                let key = object.kind
                let estimated = estimates.contains { $0.workload.source.document == parsed.index }
                let explained = diagnostics.contains { $0.location.document == parsed.index }
                if estimated { summary[key, default: (0, 0)].estimated += 1 }
                else if explained {
                    summary[key, default: (0, 0)].diagnosed += 1
                    let rules = diagnostics.filter { $0.location.document == parsed.index && $0.severity != .note }.compactMap(\.ruleID)
                    for rule in Set(rules) { reasons[key, default: [:]][rule, default: 0] += 1 }
                    if rules.contains("unknown-kind"), Self.operatorKinds.contains(object.kind) {
                        skippedOperatorKinds.append("\(file) document \(parsed.index) (\(object.kind))")
                    }
                } else { unexplained.append("\(file) document \(parsed.index) (\(object.kind) \(object.name))") }
            }
        }
        XCTAssertEqual(unexplained, [], "workloads neither estimated nor diagnosed")
        XCTAssertEqual(skippedOperatorKinds, [], "operator kinds costgate reads must not be skipped as unknown")
        let table = summary.keys.sorted().map { kind in
            let why = (reasons[kind] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            return "\(kind): \(summary[kind]!.estimated) estimated, \(summary[kind]!.diagnosed) diagnosed" + (why.isEmpty ? "" : " (\(why))")
        }
        print("corpus conformance (\(result.fileCount) files):\n  " + table.joined(separator: "\n  "))
        // No diagnostic may point outside the file it names.
        for diagnostic in result.diagnostics where diagnostic.location.line > 0 {
            let text = try String(contentsOfFile: diagnostic.location.file, encoding: .utf8)
            XCTAssertLessThanOrEqual(diagnostic.location.line, text.split(separator: "\n", omittingEmptySubsequences: false).count,
                                     diagnostic.rendered)
        }
    }
}
