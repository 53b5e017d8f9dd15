import Foundation
import XCTest
@testable import CostGateCore
@testable import CostGateBasics
@testable import CostGatePolicy
@testable import CostGateUsage
@testable import CostGateRun
@testable import CostGateReporting

final class PrometheusReporterTests: XCTestCase {
    func testEachTeamIsAGaugeLabelledWithTheMonthAndQuotalessTeamsHaveNoQuotaSeries() throws {
        let text = """
        version: 1
        teams:
          - {name: "ml \\"core\\"", match: {namespaces: [ml]}, quota: {monthly: 200}}
          - {name: tools, match: {namespaces: [tools]}}
        """
        let policy = try XCTUnwrap(PolicyReader.read(Array(text.utf8), file: "policy.yaml").policy)
        let month = CalendarMonth(year: 2026, month: 11)!
        func row(_ namespace: String?, _ cost: Decimal, shared: Bool = false) -> UsageRecord {
            UsageRecord(source: .opencost, location: SourceLocation(file: "a.json", line: 1, column: 1), id: namespace ?? "__idle__",
                        month: month, cost: cost, attribution: UsageAttribution(namespace: namespace), shared: shared)
        }
        let report = Auditor(policy: policy, month: month, today: CalendarDay(year: 2026, month: 11, day: 30)!)
            .audit(estimates: [], ledger: [], usage: [row("ml", Decimal(string: "250.005")!), row("tools", 3), row(nil, 7, shared: true)])
        let lines = PrometheusReporter.render(report).split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains("costgate_team_actual_usd{month=\"2026-11\",team=\"ml \\\"core\\\"\"} 250.01"), lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains("costgate_team_over_quota{month=\"2026-11\",team=\"ml \\\"core\\\"\"} 1"))
        XCTAssertTrue(lines.contains("costgate_team_over_quota{month=\"2026-11\",team=\"tools\"} 0"))
        XCTAssertEqual(lines.filter { $0.hasPrefix("costgate_team_quota_usd{") }.count, 1, "tools has no quota")
        XCTAssertTrue(lines.contains("costgate_shared_usd{month=\"2026-11\"} 7"))
        XCTAssertEqual(lines.filter { $0.hasPrefix("# TYPE ") }.count, 7)
        XCTAssertEqual(PrometheusReporter.escape("a\\b\nc"), "a\\\\b\\nc")
    }
}
