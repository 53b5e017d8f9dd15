import XCTest
@testable import CostGateCore
@testable import CostGateWorkloads
@testable import CostGateEstimation
@testable import CostGateRun

/// The joins across files: identities made distinct, HPAs joined to their targets. Both find their
/// candidates by hash first, so these check that the strings still decide.
final class EstimationPipelineJoinTests: XCTestCase {
    private func deployment(_ name: String, namespace: String = "ml", replicas: Int = 2, kind: String = "Deployment",
                            gpu: String = "NVIDIA-A100-SXM4-80GB") -> String {
        """
        apiVersion: apps/v1
        kind: \(kind)
        metadata: {name: \(name), namespace: \(namespace)}
        spec:
          replicas: \(replicas)
          template:
            spec:
              nodeSelector: {nvidia.com/gpu.product: \(gpu)}
              containers:
                - name: main
                  resources: {limits: {nvidia.com/gpu: 1}}

        """
    }

    private func hpa(_ name: String, target: String, kind: String = "Deployment", namespace: String = "ml") -> String {
        """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: \(name), namespace: \(namespace)}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: \(kind), name: \(target)}
          minReplicas: 1
          maxReplicas: 5

        """
    }

    func testTheSameObjectInTwoFilesKeepsBothAndTheLaterOneIsRenamed() throws {
        let result = EstimationPipeline.run(["a/one.yaml": deployment("serve"), "b/two.yaml": deployment("serve"),
                                             "c/three.yaml": deployment("other")])
        XCTAssertEqual(result.estimates.map(\.workload.id),
                       ["Deployment/ml/serve", "Deployment/ml/serve@b/two.yaml:1:1", "Deployment/ml/other"])
        let warnings = result.diagnostics.filter { $0.ruleID == "duplicate-workload" }
        XCTAssertEqual(warnings.count, 1)
        XCTAssertEqual(warnings.first?.location.file, "b/two.yaml")
    }

    func testDistinctIdentitiesAreLeftAlone() {
        let files = Dictionary(uniqueKeysWithValues: (0..<50).map { ("d/\($0).yaml", deployment("serve-\($0)")) })
        let result = EstimationPipeline.run(files)
        XCTAssertEqual(result.estimates.count, 50)
        XCTAssertFalse(result.estimates.contains { $0.workload.id.contains("@") })
        XCTAssertFalse(result.diagnostics.contains { $0.ruleID == "duplicate-workload" })
    }

    func testAnHPAScalesItsTargetInAnotherFileOnlyWhenNamespaceNameAndKindMatch() throws {
        let result = EstimationPipeline.run([
            "app/serve.yaml": deployment("serve") + "---\n" + deployment("serve", namespace: "web"),
            "app/set.yaml": deployment("cache", kind: "StatefulSet"),
            "scale/hpa.yaml": hpa("serve-hpa", target: "serve") + "---\n" + hpa("cache-hpa", target: "cache"),
        ])
        let scaled = try XCTUnwrap(result.estimates.first { $0.workload.id == "Deployment/ml/serve" })
        XCTAssertEqual(scaled.workload.roles.first?.replicas, ReplicaRange(min: 1, nominal: 2, max: 5))
        let otherNamespace = try XCTUnwrap(result.estimates.first { $0.workload.id == "Deployment/web/serve" })
        XCTAssertEqual(otherNamespace.workload.roles.first?.replicas, ReplicaRange(min: 2, nominal: 2, max: 2))
        let wrongKind = try XCTUnwrap(result.estimates.first { $0.workload.id == "StatefulSet/ml/cache" })
        XCTAssertEqual(wrongKind.workload.roles.first?.replicas, ReplicaRange(min: 2, nominal: 2, max: 2),
                       "an HPA of a Deployment 'cache' does not scale a StatefulSet 'cache'")
        XCTAssertEqual(result.diagnostics.filter { $0.ruleID == "hpa-target-missing" }.map(\.location.file), ["scale/hpa.yaml"])
    }

    /// Estimates are written into their places on all cores; those that cannot be priced leave
    /// places that are closed up, in order, whatever file they were in.
    func testWorkloadsThatCannotBePricedLeaveNoGapAndKeepTheOrder() {
        let bad = "NVIDIA-FOO-9000"
        let result = EstimationPipeline.run([
            "a.yaml": deployment("bad-first", gpu: bad) + "---\n" + deployment("ok1") + "---\n" + deployment("bad-middle", gpu: bad)
                + "---\n" + deployment("ok2"),
            "b.yaml": deployment("bad-alone", gpu: bad),
            "c.yaml": deployment("ok3") + "---\n" + deployment("bad-last", gpu: bad),
        ])
        XCTAssertEqual(result.estimates.map(\.workload.name), ["ok1", "ok2", "ok3"])
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.count, 4, "\(result.diagnostics.map(\.rendered))")
    }

    func testClosingGapsMovesEachRunDownOnce() {
        let names = (0..<8).map { "w\($0)" }
        let buffer = UnsafeMutableBufferPointer<Estimate>.allocate(capacity: names.count)
        defer { buffer.deallocate() }
        let empty = [0, 3, 4, 7]
        let template = EstimationPipeline.run(["x.yaml": deployment("template")]).estimates[0]
        for (index, name) in names.enumerated() where !empty.contains(index) {
            var estimate = template
            estimate.workload.name = name
            (buffer.baseAddress! + index).initialize(to: estimate)
        }
        let left = EstimationPipeline.closeGaps(empty, in: buffer, count: names.count)
        XCTAssertEqual(left, 4)
        XCTAssertEqual((0..<left).map { buffer[$0].workload.name }, ["w1", "w2", "w5", "w6"])
        buffer.baseAddress!.deinitialize(count: left)
        XCTAssertEqual(EstimationPipeline.closeGaps([], in: buffer, count: 0), 0)
    }
}
