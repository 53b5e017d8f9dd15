import Foundation
import XCTest
@testable import CostGateCore
@testable import CostGateWorkloads
@testable import CostGatePricing
@testable import CostGateRun

final class EstimatorTests: XCTestCase {
    /// A catalog where an A100 80GB costs exactly $2 on demand and $1 on spot everywhere.
    private var pricing: PricingSettings {
        var settings = PricingSettings()
        settings.catalog.override(model: GPUModel.normalize("a100-80gb")!, provider: nil, onDemandPerHour: 2, spotPerHour: 1, note: "test")
        settings.spotTrials = 2_000
        return settings
    }

    private func job(gpus: Int = 2, parallelism: Int = 1, duration: String = "10h", selector: String = "",
                     checkpoint: String = "1h") -> String {
        """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: train
          annotations: {costgate.dev/duration: \(duration), costgate.dev/gpu: a100-80gb, costgate.dev/checkpoint-interval: \(checkpoint)}
        spec:
          parallelism: \(parallelism)
          template:
            spec:
              nodeSelector: {\(selector)}
              containers:
                - name: c
                  resources: {requests: {cpu: "4", memory: 16Gi}, limits: {nvidia.com/gpu: \(gpus)}}
        """
    }

    func testOnDemandCostIsReplicasTimesHourlyRateTimesHours() throws {
        let result = EstimationPipeline.run(["j.yaml": job(gpus: 2, parallelism: 3, duration: "10h")], pricing: pricing)
        let estimate = try XCTUnwrap(result.estimates.first)
        let rates = PriceCatalog.builtin.rates(provider: .aws)
        let perPod = 2 * Decimal(2) + 4 * rates.cpuPerVCPUHour + 16 * rates.memoryPerGiBHour
        XCTAssertEqual(estimate.cost.expected, 3 * perPod * 10)
        XCTAssertEqual(estimate.cost.onDemand, estimate.cost.expected)
        XCTAssertEqual(estimate.cost.p90, estimate.cost.expected, "on demand the cost is certain")
        XCTAssertNil(estimate.spot)
        XCTAssertTrue(estimate.assumptions.contains { $0.hasPrefix("hint: on spot capacity") }, "on-demand GPU work gets the spot hint")
    }

    func testCostGrowsWithDurationAndGPUs() throws {
        var previous = Decimal(0)
        for (gpus, hours) in [(1, 1), (1, 2), (2, 2), (4, 2), (4, 30)] {
            let cost = try XCTUnwrap(EstimationPipeline.run(["j.yaml": job(gpus: gpus, duration: "\(hours)h")], pricing: pricing)
                .estimates.first).cost.expected
            XCTAssertGreaterThan(cost, previous, "\(gpus) GPUs for \(hours) h")
            previous = cost
        }
    }

    func testSpotCapacityGoesThroughTheSpotModel() throws {
        let manifest = job(gpus: 8, parallelism: 1, duration: "48h", selector: "cloud.google.com/gke-preemptible: \"true\"")
        let estimate = try XCTUnwrap(EstimationPipeline.run(["j.yaml": manifest], pricing: pricing).estimates.first)
        XCTAssertEqual(estimate.workload.capacity, .spot)
        let spot = try XCTUnwrap(estimate.spot)
        XCTAssertEqual(spot.maxRuntimeHours, 24, "GKE preemptible VMs stop after 24 h")
        XCTAssertGreaterThan(spot.ratePerInstanceHour, 0)
        let rates = PriceCatalog.builtin.rates(provider: .gcp)
        let uninterrupted = (8 * Decimal(1) + 4 * rates.spotCPUPerVCPUHour + 16 * rates.spotMemoryPerGiBHour) * 48
        XCTAssertGreaterThan(estimate.cost.expected, uninterrupted, "the 24 h limit forces restarts that cost money")
        let p50 = try XCTUnwrap(estimate.cost.p50), p90 = try XCTUnwrap(estimate.cost.p90), p99 = try XCTUnwrap(estimate.cost.p99)
        XCTAssertLessThanOrEqual(p50, p90)
        XCTAssertLessThanOrEqual(p90, p99)
        XCTAssertLessThan(estimate.cost.expected, estimate.cost.onDemand)

        // Without checkpoints a 48 h run can never fit in a 24 h instance life (spot-model.md §7.6).
        let hopeless = job(gpus: 8, duration: "48h", selector: "cloud.google.com/gke-preemptible: \"true\"", checkpoint: "100h")
        let never = try XCTUnwrap(EstimationPipeline.run(["j.yaml": hopeless], pricing: pricing).estimates.first)
        XCTAssertNil(never.cost.p90)
        XCTAssertEqual(never.cost.expected, never.cost.onDemand)
        XCTAssertTrue(never.assumptions.contains { $0.contains("may never finish") })
    }

    func testIndexedJobIsAGangAndABiggerGangIsNeverCheaperPerPod() throws {
        func perPod(_ pods: Int) throws -> Decimal {
            let manifest = job(gpus: 8, parallelism: pods, duration: "200h", selector: "karpenter.sh/capacity-type: spot")
                .replacingOccurrences(of: "  parallelism: \(pods)", with: "  parallelism: \(pods)\n  completions: \(pods)\n  completionMode: Indexed")
            let estimate = try XCTUnwrap(EstimationPipeline.run(["j.yaml": manifest], pricing: pricing).estimates.first)
            XCTAssertEqual(estimate.spot?.gangSize, pods)
            return estimate.cost.expected / Decimal(pods)
        }
        XCTAssertLessThanOrEqual(try perPod(2), try perPod(16))
    }

    func testUnpricedModelIsAnErrorNotZero() throws {
        let manifest = job().replacingOccurrences(of: "costgate.dev/gpu: a100-80gb", with: "costgate.dev/gpu: quantum-x9")
        let result = EstimationPipeline.run(["j.yaml": manifest], pricing: pricing)
        XCTAssertTrue(result.estimates.isEmpty)
        XCTAssertEqual(result.diagnostics.first?.ruleID, "cannot-price")
        XCTAssertTrue(result.hasErrors)
    }

    func testAutoscalerTurnsReplicasIntoARange() throws {
        let result = EstimationPipeline.run(["d.yaml": """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: serve, annotations: {costgate.dev/gpu: a100-80gb}}
        spec:
          replicas: 3
          template: {spec: {containers: [{name: c, resources: {limits: {nvidia.com/gpu: 1}}}]}}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web, namespace: serve}
        spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}, minReplicas: 2, maxReplicas: 10}
        """], pricing: pricing)
        let estimate = try XCTUnwrap(result.estimates.first)
        XCTAssertEqual(estimate.workload.roles[0].replicas, ReplicaRange(min: 2, nominal: 3, max: 10))
        XCTAssertEqual(estimate.cost.min, 2 * 2 * 730)
        XCTAssertEqual(estimate.cost.expected, 3 * 2 * 730)
        XCTAssertEqual(estimate.cost.max, 10 * 2 * 730)
    }

    func testSlurmPartitionRatesWinOverTheCatalog() throws {
        var settings = pricing
        settings.partitionRates["gpu"] = PartitionRate(perAcceleratorHour: Decimal(string: "0.5")!)
        let script = """
        #!/bin/bash
        #SBATCH --nodes=2 --gres=gpu:a100:4 --time=10:00:00 --partition=gpu
        srun train
        """
        let estimate = try XCTUnwrap(EstimationPipeline.run(["t.sbatch": script], pricing: settings).estimates.first)
        XCTAssertEqual(estimate.cost.expected, 2 * 4 * Decimal(string: "0.5")! * 10)
        XCTAssertEqual(estimate.workload.timeLimitSeconds, 36_000)
        XCTAssertEqual(estimate.workload.durationSource, .slurmTime)
    }
}
