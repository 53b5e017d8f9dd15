import XCTest
@testable import CostGatePolicy
@testable import CostGateBasics

final class UnreadGPUCheckTests: XCTestCase {
    private let unread = Diagnostic(.warning, at: SourceLocation(file: "workflow.yaml", line: 3, column: 1),
                                    "Workflow/ci/train requests nvidia.com/gpu, but costgate does not read Workflow", rule: Diagnostic.unreadGPURule)

    func testThePolicysUnreadLevelDecidesAndTheDiagnosticKeepsItsPlace() throws {
        let warned = UnreadGPUCheck.finding(unread, policy: try GateCheckFixture.policy("teams: []\n"))
        XCTAssertEqual(warned.level, .warn)
        XCTAssertEqual(warned.ruleID, "unread-gpu")
        XCTAssertEqual(warned.location, unread.location)
        XCTAssertEqual(warned.message, unread.message)
        XCTAssertNil(warned.workload)
        XCTAssertEqual(UnreadGPUCheck.finding(unread, policy: try GateCheckFixture.policy("unread: deny\nteams: []\n")).level, .deny)
    }

    func testAShowbackPolicyShowsAFailClosedDenyAsAWarning() throws {
        let finding = UnreadGPUCheck.finding(unread, policy: try GateCheckFixture.policy("unread: deny\nenforcement: showback\nteams: []\n"))
        XCTAssertEqual(finding.level, .warn)
        XCTAssertTrue(finding.showback)
    }
}
