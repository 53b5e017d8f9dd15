import Foundation
import XCTest
@testable import CostGateCore
@testable import CostGateBasics
@testable import CostGatePolicy
@testable import CostGateUsage
@testable import CostGateRun

final class AlertTests: XCTestCase {
    private let november = CalendarMonth(year: 2026, month: 11)!
    private let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// research over its quota, serving at 90% of it, tools well within.
    private func report() throws -> AuditReport {
        let text = """
        version: 1
        teams:
          - {name: research, match: {namespaces: [research]}, quota: {monthly: 1000}}
          - {name: serving, match: {namespaces: [serving]}, quota: {monthly: 1000, warnAt: 80%}, enforcement: showback}
          - {name: tools, match: {namespaces: [tools]}, quota: {monthly: 1000}}
        """
        let policy = try XCTUnwrap(PolicyReader.read(Array(text.utf8), file: "policy.yaml").policy)
        func row(_ namespace: String, _ cost: Decimal) -> UsageRecord {
            UsageRecord(source: .opencost, location: SourceLocation(file: "a.json", line: 1, column: 1), id: namespace, month: november,
                        cost: cost, attribution: UsageAttribution(namespace: namespace))
        }
        return Auditor(policy: policy, month: november, today: CalendarDay(year: 2026, month: 11, day: 22)!)
            .audit(estimates: [], ledger: [], usage: [row("research", Decimal(string: "1200.004")!), row("serving", 900), row("tools", 10)])
    }

    func testOneAlertPerTeamOverOrPastItsWarning() throws {
        let alerts = Alert.from(try report(), now: now)
        XCTAssertEqual(alerts.map { $0.labels["team"] }, ["research", "serving"], "a team within its quota is not alerted")
        XCTAssertEqual(alerts.map { $0.labels["severity"] }, ["critical", "warning"])
        XCTAssertEqual(alerts.map { $0.labels["enforcement"] }, ["enforce", "showback"])
        XCTAssertEqual(alerts.first?.labels["month"], "2026-11")
        XCTAssertEqual(alerts.first?.annotations["summary"], "Team research is projected over its 2026-11 quota (120% of $1,000.00)")
        XCTAssertEqual(alerts.first?.annotations["projected"], "1200", "to the cent, for Alertmanager templates")
        XCTAssertEqual(alerts.first?.annotations["quota_usd"], "1000")
        XCTAssertEqual(alerts.first?.endsAt.timeIntervalSince(now), 26 * 3600, "a nightly audit re-sends before it resolves")

        let overOnly = Alert.from(try report(), now: now, validFor: 60, includeWarnings: false)
        XCTAssertEqual(overOnly.map { $0.labels["team"] }, ["research"])
        XCTAssertEqual(overOnly.first?.endsAt, now.addingTimeInterval(60))
    }

    func testTargetsComeFromTheEnvironmentAndABadURLIsNamedByItsVariableOnly() {
        let (targets, problems) = AlertTarget.fromEnvironment([
            "COSTGATE_ALERTMANAGER_URL": "http://alertmanager:9093",
            "COSTGATE_WEBHOOK_URL": "ftp://hooks.example/secret-token",
            "HOME": "/root",
        ])
        XCTAssertEqual(targets.map(\.kind), [.alertmanager])
        XCTAssertEqual(targets.first?.variable, "COSTGATE_ALERTMANAGER_URL")
        XCTAssertEqual(problems, ["COSTGATE_WEBHOOK_URL is not an http(s) URL"])
        XCTAssertFalse(problems.joined().contains("secret-token"), "URLs often carry secrets")
        XCTAssertTrue(AlertTarget.fromEnvironment(["COSTGATE_WEBHOOK_URL": ""]).targets.isEmpty, "an empty variable is unset")
    }

    func testTheAlertmanagerBodyIsTheV2PostableAlerts() throws {
        let alerts = Alert.from(try report(), now: now)
        let body = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(AlertSender.alertmanagerBody(alerts).utf8)) as? [[String: Any]])
        XCTAssertEqual(body.count, 2)
        XCTAssertEqual((body.first?["labels"] as? [String: String])?["alertname"], "CostgateTeamQuota")
        XCTAssertEqual(body.first?["startsAt"] as? String, ISO8601DateFormatter().string(from: now))
    }

    func testTheWebhookMessageListsTeamsInNameOrderWithTheirSeverity() throws {
        let report = try report()
        let alerts = Alert.from(report, now: now).reversed()
        let body = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(AlertSender.webhookBody(Array(alerts), report: report).utf8))
            as? [String: String])
        let lines = try XCTUnwrap(body["text"]).split(separator: "\n")
        XCTAssertEqual(lines.first, "*costgate audit 2026-11*: 2 teams need attention")
        XCTAssertTrue(lines[1].hasPrefix(":red_circle: Team research"), String(lines[1]))
        XCTAssertTrue(lines[2].hasPrefix(":warning: Team serving is close to its 2026-11 quota (90% of $1,000.00)"), String(lines[2]))
    }

    func testNothingIsPostedWithoutAlertsAndAFailureIsReportedNotThrown() throws {
        let report = try report()
        let closed = AlertTarget(kind: .webhook, url: URL(string: "http://127.0.0.1:9/hook")!, variable: "COSTGATE_WEBHOOK_URL")
        XCTAssertEqual(AlertSender(attempts: 1, backoff: 0, timeout: 1).send([], report: report, to: [closed]), [])
        let failures = AlertSender(attempts: 1, backoff: 0, timeout: 1).send(Alert.from(report, now: now), report: report, to: [closed])
        XCTAssertEqual(failures.count, 1)
        XCTAssertTrue(failures.first?.hasPrefix("alert delivery to webhook (COSTGATE_WEBHOOK_URL) failed after 1 attempt: ") == true,
                      failures.first ?? "")
        XCTAssertFalse(failures.first?.contains("/hook") == true, "the URL's path, where webhook tokens live, is never printed")
    }
}
