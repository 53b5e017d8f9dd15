import Foundation
import XCTest
import CostGateRun

/// `costgate serve --admission` for real: the built binary over HTTPS on loopback, AdmissionReviews as
/// kube-apiserver sends them, sent with curl.
final class AdmissionWebhookTests: XCTestCase {
    private var policy: String {
        get throws { try String(contentsOf: AdmissionWebhook.fixture("policy.yaml"), encoding: .utf8) }
    }

    private func webhook(_ policy: String? = nil, _ arguments: [String] = []) throws -> AdmissionWebhook {
        try AdmissionWebhook(directory: try temporaryDirectory(), policy: try policy ?? self.policy, extraArguments: ["--today", "2026-12-07"] + arguments)
    }

    func testDecisionsOnObjectsAsTheAPIServerSendsThem() throws {
        let server = try webhook()
        let over = try server.review("create-pod-over-quota.json")
        XCTAssertEqual(over.code, 200)
        XCTAssertEqual(over.response?["uid"] as? String, "705ab4f5-6393-11e8-b7cc-42010a800001")
        XCTAssertEqual(over.allowed, false, over.body)
        XCTAssertEqual(over.status?["code"] as? Int, 403)
        XCTAssertTrue(over.message.hasPrefix("costgate: job rejected: Pod/research/pretrain-probe (team research): $")
                      || over.message.hasPrefix("costgate: job rejected: Pod/pretrain-probe (team research): $"), over.message)
        XCTAssertTrue(over.message.contains("per-run quota $1,000.00"), over.message)

        let deployment = try server.review("create-deployment-within-quota.json")
        XCTAssertEqual(deployment.allowed, true, deployment.body)
        let pytorch = try server.review("create-pytorchjob.json")
        XCTAssertEqual(pytorch.allowed, true, pytorch.body)
        let scaledUp = try server.review("update-pytorchjob-scaled-up.json")
        XCTAssertEqual(scaledUp.allowed, false, "an UPDATE to 16 × 8 A100 is over the per-run quota: \(scaledUp.body)")
        let statusOnly = try server.review("update-pytorchjob-status-only.json")
        XCTAssertEqual(statusOnly.allowed, true)
        XCTAssertTrue(statusOnly.warnings.isEmpty, "\(statusOnly.warnings)")
        let cron = try server.review("create-cronjob.json")
        XCTAssertEqual(cron.allowed, true, cron.body)
        XCTAssertEqual(try server.review("create-pod-owned-by-replicaset.json").allowed, true)
        XCTAssertEqual(try server.review("delete-pod.json").allowed, true)
        XCTAssertEqual(try server.review("create-configmap.json").allowed, true)
        let argo = try server.review("create-argo-workflow-gpu.json")
        XCTAssertEqual(argo.allowed, true, "unread: warn")
        XCTAssertTrue(argo.warnings.contains { $0.contains("unread") || $0.contains("Workflow") }, "nothing passes silently: \(argo.warnings)")
        let unpriceable = try server.review("create-pod-unpriceable.json")
        XCTAssertEqual(unpriceable.allowed, false, "onError: deny")
        XCTAssertEqual(unpriceable.status?["code"] as? Int, 422)

        let metrics = try server.request("/metrics", method: "GET")
        XCTAssertEqual(metrics.code, 200)
        XCTAssertTrue(metrics.body.contains("costgate_admission_requests_total{result=\"denied\"} 2"), metrics.body)
        XCTAssertTrue(metrics.body.contains("costgate_admission_passed_total{reason=\"owned\"} 1"), metrics.body)
        XCTAssertTrue(metrics.body.contains("costgate_admission_request_duration_seconds_count 11"), metrics.body)
        XCTAssertEqual(try server.request("/healthz", method: "GET").body, "ok\n")
        XCTAssertEqual(server.stop(), 0, "SIGTERM drains and exits 0: \(server.stderr)")
        XCTAssertTrue(server.stderr.contains("costgate: denied: CREATE Pod research/pretrain-probe by alice@example.com"), server.stderr)
    }

    func testBadRequestsGetAnAnswerNeverACrash() throws {
        let server = try webhook()
        let directory = server.directory
        func body(_ text: String) throws -> URL {
            let url = directory.appendingPathComponent("body-\(UUID().uuidString.prefix(6)).json")
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url
        }
        XCTAssertEqual(try server.request("/validate", bodyFile: try body("not json")).code, 400)
        let beta = try server.request("/validate", bodyFile: try body(#"{"apiVersion":"admission.k8s.io/v1beta1","kind":"AdmissionReview","request":{"uid":"u"}}"#))
        XCTAssertEqual(beta.code, 400)
        XCTAssertTrue(beta.body.contains("expected apiVersion 'admission.k8s.io/v1'"), beta.body)
        XCTAssertEqual(try server.request("/validate", bodyFile: try body(#"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}"#)).code, 400)
        XCTAssertEqual(try server.request("/validate", bodyFile: try body(#"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{}}"#)).code, 400)
        let noObject = try server.request("/validate", bodyFile: try body(
            #"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u-1","operation":"CREATE","kind":{"group":"","version":"v1","kind":"Pod"}}}"#))
        XCTAssertEqual(noObject.code, 200)
        XCTAssertEqual(noObject.allowed, false, "a readable uid gets an AdmissionReview following onError: \(noObject.body)")
        XCTAssertEqual(noObject.response?["uid"] as? String, "u-1")

        // 10 MB: over the limit, refused before it is read.
        let huge = directory.appendingPathComponent("huge.json")
        let padding = String(repeating: "x", count: 10_000_000)
        try #"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"big","object":{"data":""#
            .appending(padding).appending(#""}}}"#).write(to: huge, atomically: true, encoding: .utf8)
        XCTAssertEqual(try server.request("/validate", bodyFile: huge).code, 413)

        XCTAssertEqual(try server.request("/validate", method: "GET").code, 405)
        XCTAssertEqual(try server.request("/nope", bodyFile: try body("{}")).code, 404)
        XCTAssertEqual(try server.request("/validate", bodyFile: try body("{}"), contentType: "text/plain").code, 415)
        // Still answering after all of that.
        XCTAssertEqual(try server.review("create-deployment-within-quota.json").allowed, true)
        XCTAssertTrue(server.isRunning)
        XCTAssertEqual(server.stop(), 0)
    }

    func testMonthlyQuotaCountsTheLedgerAndADryRunRecordsNothing() throws {
        let directory = try temporaryDirectory()
        let ledger = directory.appendingPathComponent("spend.db").path
        let server = try webhook(nil, ["--ledger", ledger, "--record", "--cluster", "test-cluster"])
        // Each Job is 8 × A100 80GB for 20 h: within the $1,000 per run; the $3,000 month holds some of them.
        var admitted = 0
        for index in 1...4 {
            let answer = try server.review("create-job-\(index).json")
            if answer.allowed == true { admitted += 1 } else {
                XCTAssertTrue(answer.message.contains("monthly"), answer.message)
            }
        }
        XCTAssertGreaterThan(admitted, 0)
        XCTAssertLessThan(admitted, 4, "the month fills up")
        // Re-sending an admitted Job (a retried webhook call) replaces its run, not adds one.
        XCTAssertEqual(try server.review("create-job-1.json").allowed, true)
        XCTAssertEqual(try server.review("create-pod-over-quota-dry-run.json").allowed, false)
        XCTAssertEqual(server.stop(), 0)
        let list = try BinaryRunner.run(["ledger", "list", "--ledger", ledger, "--format", "json"])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertEqual(list.stdout.components(separatedBy: "\"workload\"").count - 1, admitted, list.stdout)
        XCTAssertTrue(list.stdout.contains("test-cluster"), list.stdout)
    }

    func testSIGHUPReloadsAndABrokenPolicyKeepsTheOldOne() throws {
        let server = try webhook()
        XCTAssertEqual(try server.review("create-deployment-within-quota.json").allowed, true)
        try (try policy).replacingOccurrences(of: "monthly: 5000", with: "monthly: 100").write(to: server.policy, atomically: true, encoding: .utf8)
        server.signal(SIGHUP)
        XCTAssertTrue(SlurmCluster.waitFor({ server.stderr.contains("reloaded the policy") }), server.stderr)
        XCTAssertEqual(try server.review("create-deployment-within-quota.json").allowed, false, "the new quota is in force")
        try "version: 1\nteams: [\n".write(to: server.policy, atomically: true, encoding: .utf8)
        server.signal(SIGHUP)
        XCTAssertTrue(SlurmCluster.waitFor({ server.stderr.contains("still deciding with the one loaded before") }), server.stderr)
        XCTAssertEqual(try server.review("create-deployment-within-quota.json").allowed, false, "the last good policy is kept")
        let metrics = try server.request("/metrics", method: "GET").body
        XCTAssertTrue(metrics.contains("costgate_admission_policy_reloads_total{result=\"success\"} 1"), metrics)
        XCTAssertTrue(metrics.contains("costgate_admission_policy_reloads_total{result=\"failure\"} 1"), metrics)
        XCTAssertTrue(metrics.contains("costgate_admission_policy_last_reload_ok 0"), metrics)
        XCTAssertEqual(server.stop(), 0)
    }

    /// A client that connects and says nothing (or stops mid-handshake) is closed after the idle timeout.
    func testASilentConnectionIsClosedAfterTheIdleTimeout() throws {
        let server = try webhook(nil, ["--idle-timeout", "1"])
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(server.port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        XCTAssertEqual(connected, 0)
        var timeout = timeval(tv_sec: 15, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let started = Date()
        var byte: UInt8 = 0
        let received = recv(descriptor, &byte, 1, 0)
        XCTAssertEqual(received, 0, "the server closed the connection")
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertEqual(try server.review("create-deployment-within-quota.json").allowed, true, "and goes on answering")
        XCTAssertEqual(server.stop(), 0)
    }

    func testAWatchedPolicyFileIsReloadedWhenItChanges() throws {
        let server = try webhook(nil, ["--watch-interval", "1"])
        XCTAssertEqual(try server.review("create-deployment-within-quota.json").allowed, true)
        try (try policy).replacingOccurrences(of: "monthly: 5000", with: "monthly: 100").write(to: server.policy, atomically: true, encoding: .utf8)
        XCTAssertTrue(SlurmCluster.waitFor({ server.stderr.contains("reloaded the policy and certificate (a watched file changed)") }, seconds: 15),
                      server.stderr)
        XCTAssertEqual(try server.review("create-deployment-within-quota.json").allowed, false)
        XCTAssertEqual(server.stop(), 0)
    }

    func testABrokenPolicyAtStartIsExit2() throws {
        let directory = try temporaryDirectory()
        let policy = directory.appendingPathComponent("broken.yaml")
        try "version: 1\nteams: [\n".write(to: policy, atomically: true, encoding: .utf8)
        let run = try BinaryRunner.run(["serve", "--admission", "--tls-cert", "/nonexistent.crt", "--tls-key", "/nonexistent.key",
                                        "--policy", policy.path, "--port", "0"])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("the webhook did not start"), run.stderr)
        let usage = try BinaryRunner.run(["serve", "--tls-cert", "a", "--tls-key", "b", "--policy", policy.path])
        XCTAssertEqual(usage.status, 64, "no --admission: \(usage.stderr)")
    }

    /// The bounded load test the benchmark script runs, smaller: 1,000 requests, 32 at a time, no errors.
    func testAThousandRequestsThirtyTwoAtATimeWithoutAnError() throws {
        guard let python = LocalService.which("python3") else { throw XCTSkip("python3 is not installed") }
        let server = try webhook()
        let fixtures = ["create-pod-over-quota.json", "create-deployment-within-quota.json", "create-pytorchjob.json", "create-cronjob.json",
                        "update-pytorchjob-scaled-up.json", "create-pod-owned-by-replicaset.json", "delete-pod.json"]
        let out = server.directory.appendingPathComponent("bench.out"), err = server.directory.appendingPathComponent("bench.err")
        let status = try SlurmCluster.spawn(python, [BinaryRunner.repositoryRoot.appendingPathComponent("scripts/bench-admission.py").path,
                                                      "--url", "https://localhost:\(server.port)/validate", "--cacert", server.caCertificate.path,
                                                      "-n", "1000", "-c", "32", "--deadline", "300"]
                                                + fixtures.map { AdmissionWebhook.fixture($0).path },
                                            environment: ProcessInfo.processInfo.environment, stdout: out, stderr: err)
        let report = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
        print("admission load test (loaded host, debug build): \(report)")
        XCTAssertEqual(status, 0, "\(report)\n\((try? String(contentsOf: err, encoding: .utf8)) ?? "")")
        XCTAssertTrue(report.contains("ok 1000, errors 0"), report)
        XCTAssertTrue(server.isRunning)
        XCTAssertEqual(server.stop(), 0)
    }
}
