import XCTest
@testable import CostGatePolicy
@testable import CostGateBasics

final class ExceptionReviewTests: XCTestCase {
    private let exceptions = """
    teams:
      - {name: ml, match: {namespaces: [ml]}}
    exceptions:
      - {workload: "Job/ml/*", perRun: 10, reason: old launch, expires: 2026-10-31}
      - {team: ml, monthly: 10, reason: quarter, expires: 2026-12-31}
      - {workload: Job/ml/train, perRun: 10, reason: in use, expires: 2026-12-31}

    """

    func testAnExpiredExceptionWarnsAndNamesUpToThreeWorkloadsItWouldCover() throws {
        let policy = try GateCheckFixture.policy(exceptions)
        let findings = ExceptionReview.findings(policy, today: GateCheckFixture.today, used: [2],
                                                expiredMatches: [0: ["Job/ml/a", "Job/ml/b", "Job/ml/c", "Job/ml/d", "Job/ml/e"]])
        XCTAssertEqual(findings.map(\.ruleID), ["exception-expired", "exception-unused"])
        XCTAssertEqual(findings.first?.level, .warn)
        XCTAssertEqual(findings.first?.message, "exception for workload 'Job/ml/*' expired on 2026-10-31 (old launch) and no longer applies; it would apply "
                       + "to Job/ml/a, Job/ml/b, Job/ml/c and 2 more: renew it or remove it")
        XCTAssertEqual(findings.first?.location, policy.exceptions[0].location, "at the exception, where it is renewed")
    }

    func testALiveExceptionThatMatchedNothingIsANoteAndOneInUseIsSilent() throws {
        let policy = try GateCheckFixture.policy(exceptions)
        let findings = ExceptionReview.findings(policy, today: GateCheckFixture.today, used: [2], expiredMatches: [:])
        XCTAssertEqual(findings.map(\.message), [
            "exception for workload 'Job/ml/*' expired on 2026-10-31 (old launch) and no longer applies: renew it or remove it",
            "exception for team 'ml' matches no workload in this check (quarter)",
        ])
        XCTAssertEqual(findings.last?.level, .note)
        XCTAssertEqual(ExceptionReview.findings(policy, today: CalendarDay(year: 2026, month: 10, day: 1)!, used: [0, 1, 2], expiredMatches: [:]), [],
                       "before it expires an exception in use says nothing")
    }
}
