import XCTest
@testable import CostGateCore
@testable import CostGateBasics
@testable import CostGateWorkloads
@testable import CostGatePolicy
@testable import CostGateRun

final class SubmissionGateTests: XCTestCase {
    private let policyText = """
    version: 1
    unowned: deny
    admission: {mode: enforce, onError: deny}
    pricing:
      partitions:
        gpu: {gpu: a100-80gb, perGPUHour: 2.00}
    teams:
      - name: research
        match: {accounts: [research]}
        quota: {perRun: 500}
    """

    private func gate(_ text: String? = nil) throws -> SubmissionGate {
        let policy = try XCTUnwrap(PolicyReader.read(Array((text ?? policyText).utf8), file: "policy.yaml").policy)
        let today = CalendarDay(year: 2026, month: 11, day: 20)!
        let settings = RunSettings.resolve(policy: policy, today: today, fileSystem: MemoryFileSystem(files: [:]))
        return SubmissionGate(policy: policy, pricing: settings.pricing, reading: settings.reading, today: today)
    }

    private func submission(_ options: [String], script: String = "#!/bin/bash\n#COSTGATE --duration=10h\nsrun x\n") -> SlurmSubmission {
        SlurmSubmission(options: options, script: script, jobName: "train")
    }

    func testTheScriptIsTheResolvedOptionsAndTheCostGateLines() {
        let job = submission(["--nodes=2", "--constraint=a100 & ib", "--time=600"],
                             script: "#!/bin/bash\n#SBATCH --nodes=9\n#COSTGATE --team=vision\r\nsrun x\n")
        XCTAssertEqual(job.path, "job_submit/train.sbatch")
        XCTAssertEqual(job.sbatchText, "#!/bin/sh\n#SBATCH --nodes=2\n#SBATCH \"--constraint=a100 & ib\"\n#SBATCH --time=600\n"
                           + "#COSTGATE --team=vision\ntrue\n", "the script's own #SBATCH lines are already in the options")
    }

    func testWithinQuotaAcceptsAndOverQuotaRejects() throws {
        let within = try gate().decide(submission(["--nodes=2", "--gres=gpu:a100:4", "--account=research", "--partition=gpu"]))
        XCTAssertEqual(within.verdict, .accept)
        XCTAssertEqual(within.status, .success)
        XCTAssertEqual(within.output, "ACCEPT\n", "$160: nothing to say")
        let over = try gate().decide(submission(["--nodes=4", "--gres=gpu:a100:8", "--account=research", "--partition=gpu"]))
        XCTAssertEqual(over.verdict, .reject)
        XCTAssertEqual(over.status, .overBudget)
        XCTAssertEqual(over.lines.first, "costgate: job rejected: SlurmJob/train (team research): $640.00 expected per run")
        XCTAssertTrue(over.output.hasPrefix("REJECT\n"))
    }

    func testWarnModeAcceptsADenyAndOffPricesNothing() throws {
        let options = ["--nodes=4", "--gres=gpu:a100:8", "--account=research", "--partition=gpu"]
        let warn = try gate(policyText.replacingOccurrences(of: "mode: enforce", with: "mode: warn")).decide(submission(options))
        XCTAssertEqual(warn.verdict, .accept)
        XCTAssertEqual(warn.status, .overBudget)
        let off = try gate(policyText.replacingOccurrences(of: "mode: enforce", with: "mode: off")).decide(submission(options))
        XCTAssertEqual(off.output, "ACCEPT\n")
    }

    func testAnUnpriceableJobFollowsOnErrorAndAnAssumedRunTimeIsSaid() throws {
        let unnamed = ["--nodes=1", "--gres=gpu:2", "--account=research"]
        XCTAssertEqual(try gate().decide(submission(unnamed)).verdict, .reject)
        let allow = try gate(policyText.replacingOccurrences(of: "onError: deny", with: "onError: allow")).decide(submission(unnamed))
        XCTAssertEqual(allow.verdict, .accept)
        XCTAssertEqual(allow.status, .inputUnusable)
        let noRunTime = try gate().decide(submission(["--nodes=1", "--gres=gpu:a100:1", "--account=research", "--partition=gpu"],
                                                     script: "#!/bin/bash\nsrun x\n"))
        XCTAssertEqual(noRunTime.verdict, .accept)
        XCTAssertTrue(noRunTime.lines.contains { $0.contains("run time") }, "\(noRunTime.lines)")
    }

    func testOnErrorIsReadFromAPolicyThatDoesNotRead() {
        let broken = Array("version: 1\nadmission: {onError: allow}\nteams: [{name: x, quota: {perRun: lots}}]\n".utf8)
        XCTAssertNil(PolicyReader.read(broken, file: "p.yaml").policy)
        XCTAssertEqual(PolicyReader.admissionOnError(broken, file: "p.yaml"), .allow)
        XCTAssertNil(PolicyReader.admissionOnError(Array("version: 1\n".utf8), file: "p.yaml"))
        XCTAssertNil(PolicyReader.admissionOnError(Array("{{ not yaml".utf8), file: "p.yaml"))
    }
}
