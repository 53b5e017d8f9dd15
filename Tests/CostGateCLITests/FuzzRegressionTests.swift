import Foundation
import XCTest

/// Every input that once crashed costgate (found by `scripts/fuzz.sh` or by hand: counts at int32 and
/// int64 limits, negative and zero counts, huge durations and quantities), through the binary: each must
/// end with one of the documented exit codes and say why, never with a trap.
final class FuzzRegressionTests: XCTestCase {
    private let fixtures = "Tests/CostGateCLITests/Fixtures/fuzz"
    private let documented: Set<Int32> = [0, 1, 2]

    private func inputs(_ target: String) throws -> [String] {
        let directory = "\(fixtures)/\(target)"
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertFalse(names.isEmpty, "no fixtures in \(directory)")
        return names.map { "\(directory)/\($0)" }
    }

    private func assertEndsWell(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> BinaryRunner.Outcome {
        let outcome = try BinaryRunner.run(arguments)
        let command = arguments.joined(separator: " ")
        XCTAssertTrue(documented.contains(outcome.status), "\(command): exit \(outcome.status)\n\(outcome.stderr)", file: file, line: line)
        XCTAssertFalse(outcome.stderr.contains("Fatal error") || outcome.stderr.contains("runtime failure"),
                       "\(command): \(outcome.stderr)", file: file, line: line)
        return outcome
    }

    func testManifestsThatCrashedAreReadOrRejectedWithTheirPlace() throws {
        for path in try inputs("yaml") + inputs("sbatch") {
            let estimate = try assertEndsWell(["estimate", path, "--format", "json", "--month", "2026-11"])
            // An absurd count is unusable input (2), or at least a warning at its place; never a quiet price.
            XCTAssertTrue(estimate.status == 2 || estimate.stderr.contains("\(path):2:9: warning:"), "\(path): \(estimate.stderr)")
            XCTAssertTrue(estimate.stderr.contains("\(path):"), "\(path): the finding names the file: \(estimate.stderr)")
            _ = try assertEndsWell(["check", path, "--policy", "examples/policy.yaml", "--today", "2026-11-20", "--format", "markdown"])
        }
    }

    func testPoliciesThatCrashedAreReadOrRejected() throws {
        for path in try inputs("policy") {
            _ = try assertEndsWell(["check", "examples/k8s", "examples/slurm", "--policy", path, "--today", "2026-11-20"])
        }
    }

    func testCountsBeyondWhatCostgatePricesSayWhichAndWhere() throws {
        let outcome = try assertEndsWell(["estimate", "\(fixtures)/yaml/lws-int32-max-everywhere.yaml"])
        XCTAssertTrue(outcome.stderr.contains("replicas of 'leader' 2147483647 is more than costgate prices (at most 1000000)"),
                      outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("cannot price: replicas of 'leader' 2147483647 out of range"),
                      "the workload keeps its row: \(outcome.stdout)")
        let pytorch = try assertEndsWell(["estimate", "\(fixtures)/yaml/pytorchjob-int64-max-replicas.yaml"])
        XCTAssertTrue(pytorch.stderr.contains("pytorchjob-int64-max-replicas.yaml:7:17: error: invalid value '9223372036854775807' at "
                                              + "'spec.pytorchReplicaSpecs.Master.replicas'"), pytorch.stderr)
        let ray = try assertEndsWell(["estimate", "\(fixtures)/yaml/raycluster-int64-max-hosts.yaml"])
        XCTAssertTrue(ray.stderr.contains("raycluster-int64-max-hosts.yaml:8:15: error:"), ray.stderr)
        XCTAssertTrue(ray.stderr.contains("the largest count Kubernetes accepts (int32)"), ray.stderr)
        let zero = try assertEndsWell(["estimate", "\(fixtures)/sbatch/zero-nodes-cpus-per-task.sbatch"])
        XCTAssertTrue(zero.stderr.contains("--nodes=0 asks for no compute nodes"), zero.stderr)
    }
}
