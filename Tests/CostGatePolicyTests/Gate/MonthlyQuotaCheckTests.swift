import XCTest
@testable import CostGatePolicy
@testable import CostGateEstimation

final class MonthlyQuotaCheckTests: XCTestCase {
    private typealias F = GateCheckFixture

    private func policy(_ quota: String = "{monthly: 1000}", exceptions: String = "") throws -> Policy {
        try F.policy("teams:\n  - name: ml\n    match: {namespaces: [ml]}\n    quota: \(quota)\n" + exceptions)
    }

    private func month(_ estimates: [Estimate], in policy: Policy) -> MonthlyQuotaCheck.Month {
        var month = MonthlyQuotaCheck.Month()
        for estimate in estimates { month.add(MonthlyQuotaCheck.contribution(F.subject(estimate, in: policy)), of: estimate) }
        return month
    }

    func testOneOffRunsCountOnceAndRecurringOnesAtTheScaleTheQuotaSays() throws {
        let serving = F.estimate(F.workload("api", pattern: .longRunning), expected: 300, max: 900)
        let job = F.estimate(F.workload(), expected: 200, max: 400)
        let nominal = try policy()
        XCTAssertEqual(MonthlyQuotaCheck.contribution(F.subject(serving, in: nominal)), 300)
        XCTAssertEqual(MonthlyQuotaCheck.contribution(F.subject(job, in: nominal)), 200)
        let largest = try policy("{monthly: 1000, monthlyScale: max}")
        XCTAssertEqual(MonthlyQuotaCheck.contribution(F.subject(serving, in: largest)), 900, "an autoscaler at its ceiling all month")
        XCTAssertEqual(MonthlyQuotaCheck.contribution(F.subject(job, in: largest)), 200, "one run is one run whatever the scale")

        let month = month([serving, job], in: nominal)
        XCTAssertEqual([month.oneOff, month.recurring], [200, 300])
        XCTAssertEqual(month.count, 2)
    }

    func testTheLargestWorkloadIsChosenTheSameWayOnATie() throws {
        let policy = try policy()
        let month = month([F.estimate(F.workload("b"), expected: 50), F.estimate(F.workload("a"), expected: 50),
                           F.estimate(F.workload("c"), expected: 10)], in: policy)
        XCTAssertEqual(month.largest?.workload.id, "Job/ml/a")
        XCTAssertNil(MonthlyQuotaCheck.Month().largest)
    }

    func testOverTheCapDeniesAtTheLargestWorkloadCountingTheLedger() throws {
        let policy = try policy()
        let team = try XCTUnwrap(policy.teams.first)
        let month = month([F.estimate(F.workload("small"), expected: 100), F.estimate(F.workload("big"), expected: 700)], in: policy)
        let violation = try XCTUnwrap(MonthlyQuotaCheck.violation(team: team, month: month, spent: 1100, committed: 300, exceptions: []))
        XCTAssertEqual(violation, Violation("monthly-quota", .deny, "team 'ml' spends $1,100.00 this month, over its monthly quota $1,000.00 by "
                                            + "$100.00 (110%; expected cost; recurring at nominal scale, plus the one-off runs in this check, plus "
                                            + "$300.00 already committed in the ledger; largest: Job/ml/big)", at: F.gpuLine))
    }

    func testTheWarningShareWarnsAndATeamExceptionRaisesTheCap() throws {
        let raise = "exceptions:\n  - {team: ml, monthly: 2000, reason: launch, expires: 2026-12-31}\n"
        let policy = try policy(exceptions: raise)
        let team = try XCTUnwrap(policy.teams.first)
        let month = month([F.estimate(F.workload(), expected: 850)], in: policy)
        XCTAssertEqual(MonthlyQuotaCheck.violation(team: team, month: month, spent: 850, committed: 0, exceptions: [])?.level, .warn)
        XCTAssertEqual(MonthlyQuotaCheck.cap(team, exceptions: policy.exceptions), 2000)
        XCTAssertNil(MonthlyQuotaCheck.violation(team: team, month: month, spent: 850, committed: 0, exceptions: policy.exceptions))
        let over = MonthlyQuotaCheck.violation(team: team, month: month, spent: 2100, committed: 0, exceptions: policy.exceptions)
        XCTAssertTrue(over?.message.contains("over its monthly quota $2,000.00 (raised by an exception) by $100.00") == true, over?.message ?? "")
    }

    func testATeamWithoutACapOrWithoutWorkloadsHasNothingToSay() throws {
        let uncapped = try policy("{perRun: 10}")
        let month = month([F.estimate(F.workload(), expected: 1_000_000)], in: uncapped)
        XCTAssertNil(MonthlyQuotaCheck.violation(team: try XCTUnwrap(uncapped.teams.first), month: month, spent: 1_000_000, committed: 0, exceptions: []))
        XCTAssertNil(MonthlyQuotaCheck.violation(team: try XCTUnwrap(try policy().teams.first), month: MonthlyQuotaCheck.Month(), spent: 5000,
                                                 committed: 5000, exceptions: []),
                     "the ledger alone has no workload in this check to point at")
    }
}
