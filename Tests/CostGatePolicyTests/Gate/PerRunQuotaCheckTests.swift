import XCTest
@testable import CostGatePolicy
@testable import CostGateWorkloads

final class PerRunQuotaCheckTests: XCTestCase {
    private typealias F = GateCheckFixture

    private func policy(_ quota: String, exceptions: String = "") throws -> Policy {
        try F.policy("teams:\n  - name: ml\n    match: {namespaces: [ml]}\n    quota: \(quota)\n" + exceptions)
    }

    private func subject(_ workload: Workload = F.workload(), expected: Decimal, p90: Decimal? = nil, quota: String = "{perRun: 1000}",
                         exceptions: String = "") throws -> CheckedWorkload {
        F.subject(F.estimate(workload, expected: expected, p90: p90), in: try policy(quota, exceptions: exceptions))
    }

    func testOverTheCapDeniesAtTheGPURequestWithTheOverrunAndShare() throws {
        let violations = PerRunQuotaCheck.violations(try subject(expected: 1250))
        XCTAssertEqual(violations, [Violation("per-run-quota", .deny, "Job/ml/train: expected cost of one run $1,250.00 exceeds team 'ml' "
                                              + "per-run quota $1,000.00 by $250.00 (125%)", at: F.gpuLine)])
    }

    func testTheWarningShareWarnsAndBelowItPasses() throws {
        XCTAssertEqual(PerRunQuotaCheck.violations(try subject(expected: 800)).map(\.message),
                       ["Job/ml/train: expected cost of one run $800.00 is 80% of team 'ml' per-run quota $1,000.00 (warns at 80%)"])
        XCTAssertEqual(PerRunQuotaCheck.violations(try subject(expected: Decimal(string: "799.99")!)), [])
        XCTAssertEqual(PerRunQuotaCheck.violations(try subject(expected: 999, quota: "{perRun: 1000, warnAt: 100%}")), [],
                       "a warning share of 100% never warns below the cap")
    }

    func testTheQuotasFigureIsGatedAndNamed() throws {
        let spot = try subject(F.workload(capacity: .spot), expected: 600, p90: 1100, quota: "{perRun: 1000, figure: p90}")
        XCTAssertEqual(PerRunQuotaCheck.cost(spot), 1100)
        XCTAssertTrue(PerRunQuotaCheck.violations(spot).first?.message.hasPrefix("Job/ml/train: p90 cost of one run $1,100.00 exceeds") == true)
    }

    func testAnExceptionNamingTheWorkloadRaisesTheCapAndSaysSo() throws {
        let raise = """
        exceptions:
          - {workload: Job/ml/train, perRun: 2000, reason: milestone, expires: 2026-12-31}
          - {workload: "Job/ml/*", perRun: 1500, reason: quarter, expires: 2026-12-31}
        """
        let subject = try subject(expected: 1800, exceptions: raise)
        XCTAssertEqual(PerRunQuotaCheck.cap(subject), 2000, "the largest cap of the exceptions that apply")
        XCTAssertEqual(PerRunQuotaCheck.violations(subject).map(\.message),
                       ["Job/ml/train: expected cost of one run $1,800.00 is 90% of team 'ml' per-run quota $2,000.00 (raised by an exception) "
                        + "(warns at 80%)"])
    }

    func testARecurringRunIsItsMonthOverItsRunsAndLongRunningWorkloadsHaveNone() throws {
        let cron = try subject(F.workload(pattern: .recurring(runsPerMonth: 30, month: "2026-11")), expected: 3000)
        XCTAssertEqual(PerRunQuotaCheck.cost(cron), 100)
        XCTAssertEqual(PerRunQuotaCheck.violations(cron), [])
        let never = try subject(F.workload(pattern: .recurring(runsPerMonth: 0, month: "2026-02")), expected: 3000)
        XCTAssertEqual(PerRunQuotaCheck.cost(never), 0, "a schedule that never fires this month runs nothing")
        let serving = try subject(F.workload(pattern: .longRunning), expected: 5000)
        XCTAssertNil(PerRunQuotaCheck.cost(serving))
        XCTAssertEqual(PerRunQuotaCheck.violations(serving), [])
    }

    func testOnlyATeamsCapIsEnforced() throws {
        let stray = F.subject(F.estimate(F.workload(namespace: "scratch"), expected: 500), in: try policy("{perRun: 10}"))
        XCTAssertNil(PerRunQuotaCheck.cap(stray), "the defaults give a workload of nobody's a figure, not a cap")
        XCTAssertEqual(PerRunQuotaCheck.violations(stray), [], "the unowned check speaks for it")
    }
}
