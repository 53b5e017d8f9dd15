import Foundation
import XCTest

/// The SLURM door, for real: slurmctld with job_submit/lua and `integrations/slurm/job_submit.lua`, sbatch
/// submitting on loopback. Skipped with a message where Debian's Slurm packages are not installed.
final class JobSubmitTests: XCTestCase {
    static let policy = """
    version: 1
    unowned: deny
    admission: {mode: enforce, onError: deny}
    pricing:
      partitions:
        gpu: {gpu: a100-80gb, perGPUHour: 2.00}
    teams:
      - name: research
        match: {accounts: [research]}
        quota: {perRun: 500, monthly: 100000}

    """

    /// 2 nodes × 4 GPUs × 10 h × $2 = $160 per run, under the $500 cap.
    static let job = "#!/bin/bash\n#SBATCH -N 2 --gres=gpu:a100:4 --time=10:00:00 -A research -p gpu\n#COSTGATE --duration=10h\nsrun train.py\n"

    private var cluster: SlurmCluster!

    override func setUpWithError() throws {
        cluster = try SlurmCluster(policy: Self.policy)
    }

    override func tearDown() {
        cluster?.stop()
        cluster = nil
    }

    func testAJobUnderQuotaIsAcceptedWithAJobID() throws {
        let submission = try cluster.sbatch(Self.job, ["--mem=64G"])
        XCTAssertEqual(submission.status, 0, submission.stderr)
        XCTAssertNotNil(submission.jobID, submission.stdout)
        XCTAssertFalse(submission.stderr.contains("costgate"), submission.stderr)
    }

    func testAJobOverItsPerRunQuotaIsRejectedWithCostgatesMessage() throws {
        // The command line overrides the script: 4 nodes × 8 GPUs × 10 h × $2 = $640.
        let submission = try cluster.sbatch(Self.job, ["-N", "4", "--gres=gpu:a100:8"])
        XCTAssertNotEqual(submission.status, 0)
        XCTAssertNil(submission.jobID)
        XCTAssertTrue(submission.stderr.contains("costgate: job rejected: SlurmJob/"), submission.stderr)
        XCTAssertTrue(submission.stderr.contains("expected cost of one run $640.00 exceeds team 'research' per-run quota $500.00"),
                      submission.stderr)
        XCTAssertTrue(submission.stderr.contains("[per-run-quota]"), submission.stderr)
    }

    func testAnArrayThatMultipliesPastTheQuotaIsRejected() throws {
        // One task is 1 GPU × 1 h × $2; 300 tasks are $600.
        let single = "#!/bin/bash\n#SBATCH -N 1 --gres=gpu:a100:1 --time=1:00:00 -A research -p gpu\nsrun x\n"
        XCTAssertEqual(try cluster.sbatch(single, ["--array=0-99"]).status, 0, "100 tasks are $200")
        let array = try cluster.sbatch(single, ["--array=0-299%10"])
        XCTAssertNotEqual(array.status, 0)
        XCTAssertTrue(array.stderr.contains("$600.00 exceeds team 'research' per-run quota $500.00"), array.stderr)
    }

    func testWarnModeAcceptsAndTellsTheSubmitter() throws {
        try cluster.writePolicy(Self.policy.replacingOccurrences(of: "mode: enforce", with: "mode: warn"))
        let submission = try cluster.sbatch(Self.job, ["-N", "4", "--gres=gpu:a100:8"])
        XCTAssertEqual(submission.status, 0, submission.stderr)
        XCTAssertNotNil(submission.jobID)
        XCTAssertTrue(submission.stderr.contains("accepted because the policy only warns"), submission.stderr)
    }

    func testABrokenPolicyFollowsOnError() throws {
        // An error elsewhere in the file: the site's onError still reads, and it says allow.
        try cluster.writePolicy(Self.policy.replacingOccurrences(of: "onError: deny", with: "onError: allow")
            .replacingOccurrences(of: "perRun: 500", with: "perRun: lots"))
        let allowed = try cluster.sbatch(Self.job)
        XCTAssertEqual(allowed.status, 0, allowed.stderr)
        XCTAssertTrue(allowed.stderr.contains("the budget policy cannot be used; the job is accepted unchecked"), allowed.stderr)
        XCTAssertTrue(allowed.stderr.contains("teams[0].quota.perRun"), "the policy's error is named: \(allowed.stderr)")
        // No admission section that reads: a broken policy denies.
        try cluster.writePolicy("version: 1\nteams: [{name: x, quota: {perRun: lots}}]\n")
        let denied = try cluster.sbatch(Self.job)
        XCTAssertNotEqual(denied.status, 0)
        XCTAssertTrue(denied.stderr.contains("job rejected: the budget policy cannot be used"), denied.stderr)
    }

    func testAJobThatCannotBePricedFollowsOnError() throws {
        let unnamed = "#!/bin/bash\n#SBATCH -N 1 --gres=gpu:2 --time=1:00:00 -A research\nsrun x\n"
        let denied = try cluster.sbatch(unnamed)
        XCTAssertNotEqual(denied.status, 0)
        XCTAssertTrue(denied.stderr.contains("it could not be priced (admission.onError: deny)"), denied.stderr)
        XCTAssertTrue(denied.stderr.contains("no GPU type is named"), denied.stderr)
    }

    /// 200 submissions in a row all get costgate's verdict; the figures are printed (scripts/bench-job-submit.sh
    /// is the benchmark). The bound asserted is a hang guard, not a speed target.
    func testTwoHundredSubmissionsInARow() throws {
        var seconds: [Double] = []
        for index in 0..<200 {
            let over = index % 10 == 9
            let submission = try cluster.sbatch(Self.job, over ? ["-N", "4", "--gres=gpu:a100:8"] : [])
            XCTAssertEqual(submission.status == 0, !over, "submission \(index): \(submission.stderr)")
            seconds.append(submission.seconds)
        }
        seconds.sort()
        let p50 = seconds[99] * 1000, p99 = seconds[197] * 1000
        print(String(format: "sbatch through costgate's job_submit: 200 submissions, p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                     p50, p99, seconds[199] * 1000))
        XCTAssertLessThan(seconds[199], 10, "no submission waits on anything")
    }
}
