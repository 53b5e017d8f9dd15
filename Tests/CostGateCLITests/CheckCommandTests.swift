import Foundation
import XCTest

/// End-to-end: `costgate check`, `policy validate` and `explain` on the built binary, one case per exit code.
final class CheckCommandTests: XCTestCase {
    private let fixtures = "Tests/CostGateCLITests/Fixtures/check"
    private let gate = "Tests/CostGateCoreTests/Fixtures/gate"
    private let day = ["--today", "2026-11-22"]

    func testExamplesGateRunMatchesTheGoldens() throws {
        let text = try BinaryRunner.run(["check", "examples", "--policy", "examples/policy.yaml"] + day)
        XCTAssertEqual(text.status, 1, "one example run is over its team's quota")
        XCTAssertEqual(text.stderr, "")
        try Golden.assertMatches(text.stdout, named: "check-examples.txt")

        let json = try BinaryRunner.run(["check", "examples", "--policy", "examples/policy.yaml", "--format", "json"] + day)
        XCTAssertEqual(json.status, 1)
        try Golden.assertMatches(json.stdout, named: "check-examples.json")
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let summary = try XCTUnwrap(document["summary"] as? [String: Any])
        XCTAssertEqual(summary["exitCode"] as? Int, 1)
        XCTAssertEqual(summary["verdict"] as? String, "deny")
        XCTAssertEqual(summary["denies"] as? Int, 1)
        XCTAssertEqual(document["schemaVersion"] as? Int, 1)
    }

    func testADenyAndABrokenFileExitTwoWithTheDenyStillPrinted() throws {
        let outcome = try BinaryRunner.run(["check", "\(fixtures)/over-quota.yaml", "\(fixtures)/broken.yaml",
                                            "--policy", "\(fixtures)/policy.yaml"] + day)
        XCTAssertEqual(outcome.status, 2, "an unusable input wins over a deny: the check is incomplete")
        XCTAssertTrue(outcome.stdout.contains("\(fixtures)/over-quota.yaml:20:15: deny: Job/ml/too-big: expected cost of one run $160.00 "
                                              + "exceeds team 'ml' per-run quota $100.00"), outcome.stdout)
        XCTAssertTrue(outcome.stderr.contains("\(fixtures)/broken.yaml:7:1: error:"), outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("ERROR: 1 workload"), outcome.stdout)
    }

    func testTheDenyAloneExitsOne() throws {
        let outcome = try BinaryRunner.run(["check", "\(fixtures)/over-quota.yaml", "--policy", "\(fixtures)/policy.yaml"] + day)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("FAIL: 1 workload: 0 pass, 0 warn, 1 deny; 1 deny finding, 0 warnings"), outcome.stdout)
    }

    func testStandardInput() throws {
        let manifest = try String(contentsOf: BinaryRunner.repositoryRoot.appendingPathComponent("\(fixtures)/over-quota.yaml"),
                                  encoding: .utf8)
        let outcome = try BinaryRunner.run(["check", "-", "--policy", "\(fixtures)/policy.yaml"] + day, stdin: manifest)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("<stdin>:20:15: deny:"), outcome.stdout)
    }

    func testAnExpiredExceptionNoLongerAppliesAndIsReported() throws {
        let outcome = try BinaryRunner.run(["check", "\(gate)/exceptions", "--policy", "\(gate)/exceptions/policy.yaml"] + day)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stdout.contains("warn: exception for workload 'Job/ml/old' expired on 2026-10-31 (last quarter's run) and no "
                                              + "longer applies; it would apply to Job/ml/old"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("deny: Job/ml/old: expected cost of one run $160.00 exceeds"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("note: exception for workload 'Job/ml/nothing-like-this' matches no workload"), outcome.stdout)
        // Before it expired, the same exception covered the run.
        let earlier = try BinaryRunner.run(["check", "\(gate)/exceptions/jobs.yaml", "--policy", "\(gate)/exceptions/policy.yaml",
                                            "--today", "2026-10-31", "--month", "2026-11"])
        XCTAssertFalse(earlier.stdout.contains("deny: Job/ml/old"), earlier.stdout)
    }

    func testUnownedWorkloadsUnderEachSetting() throws {
        for (mode, status, word) in [("deny", Int32(1), "deny: Job/other/stray is owned by no team"),
                                     ("warn", 0, "warn: Job/other/stray is owned by no team"), ("allow", 0, "2 workloads: 2 pass")] {
            let outcome = try BinaryRunner.run(["check", "\(gate)/unowned-\(mode)", "--policy", "\(gate)/unowned-\(mode)/policy.yaml"] + day)
            XCTAssertEqual(outcome.status, status, mode)
            XCTAssertTrue(outcome.stdout.contains(word), "\(mode): \(outcome.stdout)")
        }
    }

    func testFailOnWarnTurnsWarningsIntoFailure() throws {
        let args = ["check", "\(gate)/unowned-warn", "--policy", "\(gate)/unowned-warn/policy.yaml"] + day
        XCTAssertEqual(try BinaryRunner.run(args).status, 0)
        XCTAssertEqual(try BinaryRunner.run(args + ["--fail-on-warn"]).status, 1)
    }

    func testShowbackShowsTheDenyAndPasses() throws {
        let outcome = try BinaryRunner.run(["check", "\(gate)/showback", "--policy", "\(gate)/showback/policy.yaml"] + day)
        XCTAssertEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stdout.contains("warn: Job/ml/over: expected cost of one run $20.00 exceeds team 'ml' per-run quota $10.00"),
                      outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("showback: this would deny"), outcome.stdout)
    }

    func testAnInvalidPolicyExitsTwoNamingThePlace() throws {
        let outcome = try BinaryRunner.run(["check", "\(fixtures)/over-quota.yaml", "--policy", "\(fixtures)/invalid-policy.yaml"] + day)
        XCTAssertEqual(outcome.status, 2)
        XCTAssertEqual(outcome.stdout, "", "nothing is gated with an unusable policy")
        XCTAssertTrue(outcome.stderr.contains("\(fixtures)/invalid-policy.yaml:6:5: error: unknown key 'quotas' in 'teams[0]'; "
                                              + "did you mean 'quota'?"), outcome.stderr)
        let missing = try BinaryRunner.run(["check", "\(fixtures)/over-quota.yaml", "--policy", "no-such-policy.yaml"] + day)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no-such-policy.yaml: error: cannot read the policy"), missing.stderr)
    }

    func testWithoutAPolicyItIsAUsageError() throws {
        let directory = try temporaryDirectory()
        let outcome = try BinaryRunner.run(["check", BinaryRunner.repositoryRoot.appendingPathComponent("examples").path] + day,
                                           directory: directory)
        XCTAssertEqual(outcome.status, 64)
        XCTAssertTrue(outcome.stderr.contains("no policy: pass --policy FILE, or add .costgate.yaml"), outcome.stderr)
    }

    func testThePolicyIsDiscoveredAtTheRepositoryRoot() throws {
        let root = try temporaryDirectory()
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let jobs = root.appendingPathComponent("jobs")
        try FileManager.default.createDirectory(at: jobs, withIntermediateDirectories: true)
        let policy = BinaryRunner.repositoryRoot.appendingPathComponent("\(fixtures)/policy.yaml")
        try FileManager.default.copyItem(at: policy, to: root.appendingPathComponent(".costgate.yaml"))
        let manifest = BinaryRunner.repositoryRoot.appendingPathComponent("\(fixtures)/over-quota.yaml")
        try FileManager.default.copyItem(at: manifest, to: jobs.appendingPathComponent("job.yaml"))
        let outcome = try BinaryRunner.run(["check", "job.yaml"] + day, directory: jobs)
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("costgate: using the policy \(root.path)/.costgate.yaml (the nearest .costgate.yaml up to the repository root)"),
                      outcome.stderr)
    }

    func testPolicyValidate() throws {
        let valid = try BinaryRunner.run(["policy", "validate", "examples/policy.yaml"])
        XCTAssertEqual(valid.status, 0, valid.stderr)
        XCTAssertTrue(valid.stdout.hasPrefix("examples/policy.yaml: valid policy (version 1)"), valid.stdout)
        XCTAssertTrue(valid.stdout.contains("research"), valid.stdout)
        let invalid = try BinaryRunner.run(["policy", "validate", "\(fixtures)/invalid-policy.yaml"])
        XCTAssertEqual(invalid.status, 2)
        XCTAssertTrue(invalid.stderr.contains("is not a usable policy: 1 error"), invalid.stderr)
        let instance = try BinaryRunner.run(["policy", "validate", "\(fixtures)/unknown-instance-policy.yaml"])
        XCTAssertEqual(instance.status, 2)
        XCTAssertTrue(instance.stderr.contains("unknown-instance-policy.yaml:4:7: error: instance type 'p4d.24xlarg' is not in the catalog"),
                      instance.stderr)
        XCTAssertTrue(instance.stderr.contains("did you mean 'p4d.24xlarge'?"), instance.stderr)
    }

    func testExplainShowsTheDerivationAndTheQuotaArithmetic() throws {
        let outcome = try BinaryRunner.run(["explain", "examples", "--workload", "SlurmJob/llm-pretrain", "--policy", "examples/policy.yaml",
                                            "--month", "2026-11"] + day)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        for expected in ["SlurmJob/llm-pretrain", "duration: 30 h (source: #COSTGATE)", "role", "Prices (aws us-east-1",
                         "team: research — SLURM account 'research' matches 'research' (team 'research', examples/policy.yaml:",
                         "per run: $5,199.36 of $3,000.00 (examples/policy.yaml:", "= 173%", "status: deny"] {
            XCTAssertTrue(outcome.stdout.contains(expected), "missing '\(expected)' in:\n\(outcome.stdout)")
        }
        let unknown = try BinaryRunner.run(["explain", "examples", "--workload", "SlurmJob/llm-pretrian"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.stderr.contains("did you mean 'SlurmJob/llm-pretrain'?"), unknown.stderr)
    }

    func testAReportThatCannotBeWrittenIsAnInternalErrorNotAPass() throws {
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { throw XCTSkip("no /dev/full on this system") }
        let outcome = try BinaryRunner.run(["check", "\(fixtures)/over-quota.yaml", "--policy", "\(fixtures)/policy.yaml"] + day,
                                           standardOutput: full)
        XCTAssertEqual(outcome.status, 70)
        XCTAssertTrue(outcome.stderr.contains("costgate: internal error: cannot write the report to standard output"), outcome.stderr)
    }

}
