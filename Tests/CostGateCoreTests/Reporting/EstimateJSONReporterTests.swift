import Foundation
import XCTest
@testable import CostGateCore
@testable import CostGateRun
@testable import CostGateReporting

/// `render` joins text made on all cores; it must stay the document `document` describes.
final class EstimateJSONReporterTests: XCTestCase {
    private let files = [
        "k8s/train.yaml": """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: train, annotations: {costgate.dev/duration: 36h}}
        spec:
          template:
            spec:
              nodeSelector: {nvidia.com/gpu.product: NVIDIA-H100-80GB-HBM3}
              containers:
                - name: main
                  resources: {limits: {nvidia.com/gpu: 8, cpu: "12", memory: 96Gi}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: serve, namespace: ml}
        spec:
          replicas: 2
          template:
            spec:
              nodeSelector: {cloud.google.com/gke-accelerator: nvidia-l4}
              containers: [{name: s, resources: {limits: {nvidia.com/gpu: 1}}}]
        ---
        kind: [broken
        """,
    ]

    func testRenderIsTheDocumentRendered() {
        let result = EstimationPipeline.run(files)
        XCTAssertEqual(result.estimates.count, 2)
        XCTAssertFalse(result.diagnostics.isEmpty)
        XCTAssertEqual(EstimateJSONReporter.render(result), EstimateJSONReporter.document(result).rendered())
    }

    func testRenderWithoutWorkloads() {
        let result = EstimationPipeline.run(["k8s/empty.yaml": "kind: ConfigMap\napiVersion: v1\nmetadata: {name: x}\n"])
        XCTAssertEqual(result.estimates.count, 0)
        XCTAssertEqual(EstimateJSONReporter.render(result), EstimateJSONReporter.document(result).rendered())
    }
}
