import Foundation
import XCTest
import CostGatePolicy

/// `costgate audit` end to end: the month's verdicts, its formats, and alerts that reach a real
/// Alertmanager and a webhook.
final class AuditCommandTests: XCTestCase {
    private let fixtures = "Tests/CostGateCLITests/Fixtures/audit"
    private var args: [String] { ["audit", "\(fixtures)/k8s", "--policy", "\(fixtures)/policy.yaml", "--today", "2026-11-22"] }


    func testRecurringWorkloadsAreProjectedOverTheRestOfTheMonth() throws {
        let outcome = try BinaryRunner.run(args)
        XCTAssertEqual(outcome.status, 1, "research is projected over its quota")
        XCTAssertTrue(outcome.stdout.contains("30% of the month ahead"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("research  enforce   $0.00      $0.00  $1,752.00   $0.00  $1,752.00  $1,000.00  175%  OVER"),
                      outcome.stdout)
        let json = try BinaryRunner.run(args + ["--format", "json"])
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let teams = try XCTUnwrap(document["teams"] as? [[String: Any]])
        XCTAssertEqual(teams.map { $0["verdict"] as? String }, ["over", "warn", "ok"])
        XCTAssertEqual(document["exitCode"] as? Int, 1)
        let metrics = try BinaryRunner.run(args + ["--format", "prometheus"])
        XCTAssertTrue(metrics.stdout.contains("costgate_team_over_quota{month=\"2026-11\",team=\"research\"} 1\n"), metrics.stdout)
        XCTAssertTrue(metrics.stdout.contains("# TYPE costgate_team_projected_usd gauge\n"))
    }

    func testAlertsReachARealAlertmanager() throws {
        let directory = try temporaryDirectory()
        let alertmanager = try LocalService.alertmanager(directory: directory)
        defer { alertmanager.stop() }
        let url = "http://127.0.0.1:\(alertmanager.port)"
        let outcome = try BinaryRunner.run(args, environment: ["COSTGATE_ALERTMANAGER_URL": url])
        XCTAssertEqual(outcome.status, 1, "delivery does not change the verdict")
        XCTAssertTrue(outcome.stderr.contains("2 alerts sent to COSTGATE_ALERTMANAGER_URL"), outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains(url), "the URL is never printed")

        var alerts: [[String: Any]] = []
        for _ in 0..<30 {
            let data = try LocalService.get(URL(string: "\(url)/api/v2/alerts")!)
            alerts = (try JSONSerialization.jsonObject(with: data) as? [[String: Any]]) ?? []
            if alerts.count >= 2 { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let labels = alerts.compactMap { $0["labels"] as? [String: String] }.sorted { ($0["team"] ?? "") < ($1["team"] ?? "") }
        XCTAssertEqual(labels.map { $0["team"] }, ["research", "serving"])
        XCTAssertEqual(labels.map { $0["severity"] }, ["critical", "warning"])
        XCTAssertEqual(labels.first?["alertname"], "CostgateTeamQuota")
        let annotations = alerts.compactMap { $0["annotations"] as? [String: String] }
        XCTAssertTrue(annotations.contains { $0["summary"]?.contains("Team research is projected over its 2026-11 quota (175% of $1,000.00)") == true },
                      "\(annotations)")
    }

    func testWebhookGetsASlackCompatibleBody() throws {
        let directory = try temporaryDirectory()
        let record = directory.appendingPathComponent("requests.jsonl")
        let webhook = try LocalService.webhook(record: record)
        defer { webhook.stop() }
        let outcome = try BinaryRunner.run(args + ["--alert-only-over"],
                                           environment: ["COSTGATE_WEBHOOK_URL": "http://127.0.0.1:\(webhook.port)/hooks/secret-token"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertFalse(outcome.stderr.contains("secret-token"))
        let lines = try String(contentsOf: record, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 1)
        let request = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: String])
        XCTAssertEqual(request["path"], "/hooks/secret-token")
        XCTAssertEqual(request["contentType"], "application/json")
        let body = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(request["body"]!.utf8)) as? [String: String])
        XCTAssertTrue(body["text"]?.hasPrefix("*costgate audit 2026-11*: 1 team need attention\n:red_circle: Team research") == true,
                      body["text"] ?? "")
    }

    func testFailedDeliveryIsReportedAndChangesNothing() throws {
        let directory = try temporaryDirectory()
        let webhook = try LocalService.webhook(record: directory.appendingPathComponent("requests.jsonl"), status: 500)
        defer { webhook.stop() }
        let outcome = try BinaryRunner.run(args, environment: ["COSTGATE_WEBHOOK_URL": "http://127.0.0.1:\(webhook.port)/x",
                                                               "COSTGATE_ALERTMANAGER_URL": "http://127.0.0.1:9/"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("alert delivery to webhook (COSTGATE_WEBHOOK_URL) failed after 3 attempts: HTTP 500"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("alert delivery to alertmanager (COSTGATE_ALERTMANAGER_URL) failed after 3 attempts"), outcome.stderr)
        XCTAssertEqual(try String(contentsOf: directory.appendingPathComponent("requests.jsonl"), encoding: .utf8)
                        .split(separator: "\n").count, 3, "retried with backoff")
    }

    func testAMonthOfFOCUSUsageOneTeamOverOneWarnedOneWithin() throws {
        let outcome = try BinaryRunner.run(["audit", "--policy", "\(fixtures)/usage-policy.yaml", "--usage",
                                            "focus=Tests/CostGateCoreTests/Fixtures/usage/focus-2026-11.csv", "--today", "2026-11-22"])
        XCTAssertEqual(outcome.status, 1)
        try Golden.assertMatches(outcome.stdout, named: "audit-focus.txt")
        let markdown = try BinaryRunner.run(["audit", "--policy", "\(fixtures)/usage-policy.yaml", "--usage",
                                             "focus=Tests/CostGateCoreTests/Fixtures/usage/focus-2026-11.csv", "--today", "2026-11-22",
                                             "--format", "markdown"])
        try Golden.assertMatches(markdown.stdout, named: "audit-focus.md")
    }

    func testLedgerRunsAreMatchedWithTheirActualCost() throws {
        let ledger = try temporaryDirectory().appendingPathComponent("spend.db").path
        let record = try BinaryRunner.run(["check", "\(fixtures)/pretrain-llm.sbatch", "--policy", "\(fixtures)/usage-policy.yaml",
                                           "--ledger", ledger, "--record", "--today", "2026-11-22"])
        XCTAssertEqual(record.status, 0, record.stdout + record.stderr)
        XCTAssertTrue(record.stderr.contains("recorded 1 run ($1,152.72)"), record.stderr)
        let audit = try BinaryRunner.run(["audit", "--policy", "\(fixtures)/usage-policy.yaml", "--ledger", ledger, "--usage",
                                          "sacct=Tests/CostGateCoreTests/Fixtures/usage/sacct-2026-11.txt", "--today", "2026-11-22",
                                          "--format", "json"])
        let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [String: Any])
        let accuracy = try XCTUnwrap(document["accuracy"] as? [[String: Any]])
        XCTAssertEqual(accuracy.count, 1, audit.stdout + audit.stderr)
        XCTAssertEqual(accuracy.first?["team"] as? String, "research")
        XCTAssertEqual((accuracy.first?["estimated"] as? NSNumber)?.doubleValue, 1152.72, "8 × A100 × 72 h at 2 USD plus one vCPU")
        XCTAssertEqual((accuracy.first?["actual"] as? NSNumber)?.doubleValue, 1271.81)
        let teams = try XCTUnwrap(document["teams"] as? [[String: Any]])
        XCTAssertEqual(teams.first { $0["team"] as? String == "research" }?["committed"] as? NSNumber, 0,
                       "a ledger run the usage already shows is not counted twice")
    }

    func testUnusableInputsExitTwo() throws {
        XCTAssertEqual(try BinaryRunner.run(args + ["--usage", "sacct=no-such-file.txt"]).status, 2)
        XCTAssertEqual(try BinaryRunner.run(args + ["--usage", "billing=x.csv"]).status, 64)
        XCTAssertEqual(try BinaryRunner.run(args + ["--ledger", "no-such-ledger.db"]).status, 2)
    }
}
