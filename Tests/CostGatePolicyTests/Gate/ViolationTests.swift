import XCTest
@testable import CostGatePolicy
@testable import CostGateBasics

/// What every check's violation becomes: waived by the first exception naming its rule, softened by showback.
final class ViolationTests: XCTestCase {
    private let violation = Violation("per-run-quota", .deny, "too dear", at: GateCheckFixture.gpuLine)

    private func exceptions(_ text: String) throws -> [PolicyException] {
        try GateCheckFixture.policy("teams: [{name: ml, match: {namespaces: [ml]}}]\nexceptions:\n" + text).exceptions
    }

    func testTheFirstExceptionWaivingTheRuleWaivesItAndTheFindingStaysVisible() throws {
        let exceptions = try exceptions("""
          - {workload: Job/ml/train, perRun: 5000, reason: only raises, expires: 2026-12-31}
          - {workload: Job/ml/train, waive: [per-run-quota], reason: approved, expires: 2026-12-15}
          - {workload: "Job/ml/*", waive: [per-run-quota], reason: later, expires: 2026-12-31}

        """)
        let finding = violation.finding(workload: "Job/ml/train", team: "ml", enforcement: .enforce, exceptions: exceptions)
        XCTAssertEqual(finding.level, .deny)
        XCTAssertEqual(finding.waiver?.reason, "approved")
        XCTAssertEqual(finding.waiver?.expires, CalendarDay(year: 2026, month: 12, day: 15))
        XCTAssertFalse(finding.counts)
        XCTAssertEqual(finding.workload, "Job/ml/train")
        XCTAssertEqual(finding.team, "ml")
    }

    func testAnExceptionForAnotherRuleWaivesNothing() throws {
        let exceptions = try exceptions("  - {workload: Job/ml/train, waive: [gpu-quota], reason: other, expires: 2026-12-31}\n")
        XCTAssertTrue(violation.finding(workload: "Job/ml/train", team: "ml", enforcement: .enforce, exceptions: exceptions).counts)
    }

    func testShowbackTurnsADenyIntoAWarningAndLeavesWarningsAlone() {
        let shown = violation.finding(workload: nil, team: "ml", enforcement: .showback, exceptions: [])
        XCTAssertEqual(shown.level, .warn)
        XCTAssertTrue(shown.showback)
        var warning = violation
        warning.level = .warn
        XCTAssertFalse(warning.finding(workload: nil, team: "ml", enforcement: .showback, exceptions: []).showback)
    }
}
