import Foundation
import XCTest

/// `costgate slurm job-submit` on its own, without slurmctld: the verdicts a site's hook reads.
final class JobSubmitCommandTests: XCTestCase {
    static let policy = JobSubmitTests.policy
    static let script = "#!/bin/bash\n#SBATCH -N 1\nsrun train.py\n"

    private func submit(policy: String, extra: [String] = [], options: [String]) throws -> BinaryRunner.Outcome {
        let policyFile = try temporaryDirectory().appendingPathComponent("policy.yaml")
        try policy.write(to: policyFile, atomically: true, encoding: .utf8)
        return try BinaryRunner.run(["slurm", "job-submit", "--policy", policyFile.path, "--script", "-", "--today", "2026-12-07"]
                                    + extra + ["--"] + options, stdin: Self.script)
    }

    func testAJobWithinQuotaIsAccepted() throws {
        let outcome = try submit(policy: Self.policy, options: ["--nodes=1", "--gres=gpu:a100:1", "--time=60", "--account=research",
                                                                "--partition=gpu"])
        XCTAssertEqual(outcome.status, 0, outcome.stdout + outcome.stderr)
        XCTAssertEqual(outcome.stdout.split(separator: "\n").first, "ACCEPT", outcome.stdout)
    }

    /// A --prices file that cannot be read would price the job with the wrong rates: under onError deny the job is
    /// refused with the file named, never accepted as if nothing were wrong.
    func testAPriceFileThatCannotBeReadFollowsOnError() throws {
        let options = ["--nodes=1", "--gres=gpu:a100:1", "--time=60", "--account=research", "--partition=gpu"]
        let denied = try submit(policy: Self.policy, extra: ["--prices", "/nonexistent/prices.yaml"], options: options)
        XCTAssertEqual(denied.status, 2, denied.stdout + denied.stderr)
        XCTAssertEqual(denied.stdout.split(separator: "\n").first, "REJECT", denied.stdout)
        XCTAssertTrue(denied.stdout.contains("/nonexistent/prices.yaml"), denied.stdout)

        let allowing = Self.policy.replacingOccurrences(of: "onError: deny", with: "onError: allow")
        let allowed = try submit(policy: allowing, extra: ["--prices", "/nonexistent/prices.yaml"], options: options)
        XCTAssertEqual(allowed.status, 2, allowed.stdout + allowed.stderr)
        XCTAssertEqual(allowed.stdout.split(separator: "\n").first, "ACCEPT", allowed.stdout)
        XCTAssertTrue(allowed.stdout.contains("accepted unchecked"), allowed.stdout)
    }
}
