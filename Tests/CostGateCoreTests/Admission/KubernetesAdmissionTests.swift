import Foundation
import XCTest
@testable import CostGateCore
@testable import CostGateBasics
@testable import CostGateWorkloads
@testable import CostGatePricing
@testable import CostGateLedger
@testable import CostGatePolicy
@testable import CostGateRun

/// The webhook's decision without a server: AdmissionReview bodies as kube-apiserver sends them, in and out.
final class KubernetesAdmissionTests: XCTestCase {
    private let policyText = """
    version: 1
    unowned: warn
    admission: {mode: enforce, onError: deny}
    teams:
      - name: research
        match: {namespaces: [research]}
        quota: {perRun: 1000, monthly: 3000}
    """

    private let now = Date(timeIntervalSince1970: 1_796_000_000)   // 2026-11-29, UTC

    private func admission(_ text: String? = nil) throws -> KubernetesAdmission {
        let policy = try XCTUnwrap(PolicyReader.read(Array((text ?? policyText).utf8), file: "policy.yaml").policy)
        var settings = PricingSettings()
        _ = policy.pricing.apply(to: &settings, file: policy.file)
        let today = CalendarDay(containing: now)
        return KubernetesAdmission(gate: SubmissionGate(policy: policy, pricing: settings, reading: ReadOptions(month: today.calendarMonth), today: today))
    }

    private func pod(gpus: Int, hours: Int, namespaceInObject: Bool = true, owner: String? = nil) -> String {
        let namespace = namespaceInObject ? #""namespace": "research","# : ""
        let owners = owner.map { #", "ownerReferences": [{"apiVersion": "apps/v1", "kind": "\#($0)", "name": "x", "uid": "u", "controller": true}]"# } ?? ""
        return """
        {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "probe", \(namespace) "uid": "pod-uid-1",
          "annotations": {"costgate.dev/duration": "\(hours)h"}\(owners)},
         "spec": {"restartPolicy": "Never", "nodeSelector": {"nvidia.com/gpu.product": "NVIDIA-H100-80GB-HBM3"},
                  "containers": [{"name": "main", "image": "x", "resources": {"limits": {"nvidia.com/gpu": "\(gpus)"}}}]}}
        """
    }

    private func review(_ operation: String = "CREATE", object: String?, oldObject: String? = nil, dryRun: Bool = false,
                        subResource: String? = nil) -> [UInt8] {
        let sub = subResource.map { #""subResource": "\#($0)","# } ?? ""
        return Array("""
        {"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview",
         "request": {"uid": "req-1", "kind": {"group": "", "version": "v1", "kind": "Pod"},
                     "resource": {"group": "", "version": "v1", "resource": "pods"}, \(sub)
                     "name": "probe", "namespace": "research", "operation": "\(operation)",
                     "userInfo": {"username": "alice"}, "object": \(object ?? "null"), "oldObject": \(oldObject ?? "null"),
                     "dryRun": \(dryRun)}}
        """.utf8)
    }

    private func response(_ outcome: AdmissionOutcome, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
        XCTAssertEqual(outcome.httpStatus, 200, String(decoding: outcome.body, as: UTF8.self), file: file, line: line)
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(outcome.body)) as? [String: Any], file: file, line: line)
        XCTAssertEqual(root["apiVersion"] as? String, "admission.k8s.io/v1", file: file, line: line)
        XCTAssertEqual(root["kind"] as? String, "AdmissionReview", file: file, line: line)
        let response = try XCTUnwrap(root["response"] as? [String: Any], file: file, line: line)
        XCTAssertEqual(response["uid"] as? String, "req-1", "the request's uid comes back", file: file, line: line)
        return response
    }

    func testWithinQuotaIsAllowedAndOverQuotaIsRefusedWithTheGatesMessage() throws {
        let within = try admission().review(review(object: pod(gpus: 1, hours: 2)), now: now)
        XCTAssertEqual(within.result, .allowed)
        XCTAssertEqual(try response(within)["allowed"] as? Bool, true)
        let over = try admission().review(review(object: pod(gpus: 8, hours: 48)), now: now)
        XCTAssertEqual(over.result, .denied)
        let refused = try response(over)
        XCTAssertEqual(refused["allowed"] as? Bool, false)
        let status = try XCTUnwrap(refused["status"] as? [String: Any])
        XCTAssertEqual(status["code"] as? Int, 403)
        let message = try XCTUnwrap(status["message"] as? String)
        XCTAssertTrue(message.hasPrefix("costgate: job rejected: Pod/research/probe (team research): $"), message)
        XCTAssertTrue(message.contains("[per-run-quota]"), message)
    }

    func testTheNamespaceComesFromTheRequestWhenTheObjectLeavesItOut() throws {
        let over = try admission().review(review(object: pod(gpus: 8, hours: 48, namespaceInObject: false)), now: now)
        XCTAssertEqual(over.result, .denied, "team research matched on the request's namespace")
    }

    func testWarnModeAllowsAndWarns() throws {
        let warn = try admission(policyText.replacingOccurrences(of: "mode: enforce", with: "mode: warn"))
            .review(review(object: pod(gpus: 8, hours: 48)), now: now)
        XCTAssertEqual(warn.result, .warned)
        let allowed = try response(warn)
        XCTAssertEqual(allowed["allowed"] as? Bool, true)
        let warnings = try XCTUnwrap(allowed["warnings"] as? [String])
        XCTAssertTrue(warnings[0].contains("admission.mode: warn"), "\(warnings)")
        XCTAssertTrue(warnings.allSatisfy { $0.count <= AdmissionReviewResponse.warningLimit && !$0.contains("\n") })
    }

    func testNothingToPriceIsPassedAndCounted() throws {
        let gate = try admission()
        let big = pod(gpus: 8, hours: 48)
        XCTAssertEqual(gate.review(review("DELETE", object: nil, oldObject: big), now: now).passReason, .operation)
        XCTAssertEqual(gate.review(review("CONNECT", object: nil), now: now).passReason, .operation)
        XCTAssertEqual(gate.review(review("UPDATE", object: big, subResource: "status"), now: now).passReason, .subresource)
        XCTAssertEqual(gate.review(review("UPDATE", object: big, oldObject: big), now: now).passReason, .unchanged)
        XCTAssertEqual(gate.review(review(object: pod(gpus: 8, hours: 48, owner: "ReplicaSet")), now: now).passReason, .owned)
        XCTAssertEqual(gate.review(review(object: pod(gpus: 8, hours: 48, owner: "Workflow")), now: now).result, .denied,
                       "a Pod of an owner costgate does not read is gated itself")
        let deleting = big.replacingOccurrences(of: #""uid": "pod-uid-1","#, with: #""uid": "pod-uid-1", "deletionTimestamp": "2026-11-29T00:00:00Z","#)
        XCTAssertEqual(gate.review(review("UPDATE", object: deleting, oldObject: pod(gpus: 1, hours: 1)), now: now).passReason, .deleting)
        XCTAssertEqual(gate.review(review("UPDATE", object: big, oldObject: pod(gpus: 1, hours: 1)), now: now).result, .denied,
                       "an UPDATE that adds cost is gated")
    }

    func testAnUnpriceableObjectFollowsOnError() throws {
        let unnamed = pod(gpus: 2, hours: 5).replacingOccurrences(of: #""nodeSelector": {"nvidia.com/gpu.product": "NVIDIA-H100-80GB-HBM3"},"#, with: "")
        let denied = try admission().review(review(object: unnamed), now: now)
        XCTAssertEqual(denied.result, .errorDenied)
        XCTAssertEqual((try response(denied)["status"] as? [String: Any])?["code"] as? Int, 422)
        let allowed = try admission(policyText.replacingOccurrences(of: "onError: deny", with: "onError: allow")).review(review(object: unnamed), now: now)
        XCTAssertEqual(allowed.result, .errorAllowed)
        XCTAssertEqual(try response(allowed)["allowed"] as? Bool, true)
    }

    func testBadBodiesAreAnsweredNeverThrown() throws {
        let gate = try admission()
        func status(_ text: String) -> (Int, String) {
            let outcome = gate.review(Array(text.utf8), now: now)
            return (outcome.httpStatus, String(decoding: outcome.body, as: UTF8.self))
        }
        XCTAssertEqual(status("not json").0, 400)
        XCTAssertTrue(status("not json").1.hasPrefix("AdmissionReview:1:1: error: the body is not JSON"), status("not json").1)
        XCTAssertEqual(status("[]").0, 400)
        XCTAssertTrue(status(#"{"apiVersion": "admission.k8s.io/v1beta1", "kind": "AdmissionReview", "request": {"uid": "x"}}"#).1
            .contains("expected apiVersion 'admission.k8s.io/v1', found 'admission.k8s.io/v1beta1'"))
        XCTAssertEqual(status(#"{"apiVersion": "admission.k8s.io/v1", "kind": "Pod"}"#).0, 400)
        XCTAssertEqual(status(#"{"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview"}"#).0, 400)
        XCTAssertEqual(status(#"{"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": {"operation": "CREATE"}}"#).0, 400)
        XCTAssertEqual(status(String(repeating: "[", count: 100_000)).0, 400, "deep nesting is bounded")
        // Past the uid, the answer is an AdmissionReview that follows onError.
        let noObject = gate.review(review(object: nil), now: now)
        XCTAssertEqual(noObject.result, .errorDenied)
        XCTAssertEqual(try response(noObject)["allowed"] as? Bool, false)
        let stringObject = gate.review(review(object: #""a string""#), now: now)
        XCTAssertEqual(stringObject.result, .errorDenied)
        let message = ((try response(stringObject)["status"] as? [String: Any])?["message"] as? String) ?? ""
        XCTAssertTrue(message.contains("expected an object at 'request.object'"), message)
        let badOperation = gate.review(review("PATCH", object: pod(gpus: 1, hours: 1)), now: now)
        XCTAssertEqual(badOperation.result, .errorDenied)
        // An object the YAML reader cannot take (a kind without apiVersion) is an error, not a crash.
        let odd = gate.review(review(object: #"{"kind": 5, "metadata": []}"#), now: now)
        XCTAssertEqual(odd.httpStatus, 200)
    }

    func testTheResponseIsDeterministicAndBounded() {
        let many = (0..<20).map { "warning \($0) " + String(repeating: "x", count: 300) + "\nsecond line" }
        let response = AdmissionReviewResponse(uid: "u", allowed: true, warnings: many)
        XCTAssertEqual(response.body, response.body)
        let bounded = AdmissionReviewResponse.bounded(many)
        XCTAssertEqual(bounded.count, AdmissionReviewResponse.maxWarnings)
        XCTAssertTrue(bounded.allSatisfy { $0.count <= AdmissionReviewResponse.warningLimit && !$0.contains("\n") })
        XCTAssertEqual(bounded.last, "costgate: 9 more warnings (see the webhook's log)")
    }

    func testADryRunRecordsNothingAndARealOneRecordsOnce() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("costgate-admission-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let ledger = try SQLiteLedger(path: directory.appendingPathComponent("spend.db").path)
        var gate = try admission()
        gate.ledger = ledger
        gate.record = true
        XCTAssertEqual(gate.review(review(object: pod(gpus: 1, hours: 2), dryRun: true), now: now).result, .allowed)
        XCTAssertEqual(try ledger.entries().count, 0, "a dry run changes nothing")
        XCTAssertEqual(gate.review(review(object: pod(gpus: 1, hours: 2)), now: now).result, .allowed)
        XCTAssertEqual(gate.review(review(object: pod(gpus: 1, hours: 2)), now: now).result, .allowed)
        let entries = try ledger.entries()
        XCTAssertEqual(entries.count, 1, "a retried review of the same object replaces its run: \(entries)")
        XCTAssertEqual(entries.first?.repository, "kubernetes")
        XCTAssertEqual(entries.first?.commit, "uid:pod-uid-1")
    }

    /// No body may trap: every truncation of a real review, and seeded byte mutations of it, get an answer.
    func testTruncatedAndMutatedBodiesAlwaysGetAnAnswer() throws {
        let gate = try admission()
        let body = review(object: pod(gpus: 8, hours: 48), oldObject: pod(gpus: 1, hours: 1))
        for end in stride(from: 0, to: body.count, by: 7) {
            let outcome = gate.review(Array(body[..<end]), now: now)
            XCTAssertTrue([200, 400].contains(outcome.httpStatus))
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {   // SplitMix64: the same cases on every run
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let alphabet = Array(#"{}[]":,0123456789-+.eE truefalsnul\u00"#.utf8) + [0x00, 0xFF, 0xC3, 0x0A]
        for _ in 0..<1_500 {
            var mutated = body
            for _ in 0..<(1 + Int(next() % 4)) {
                let index = Int(next() % UInt64(mutated.count))
                mutated[index] = alphabet[Int(next() % UInt64(alphabet.count))]
            }
            let outcome = gate.review(mutated, now: now)
            XCTAssertTrue([200, 400].contains(outcome.httpStatus))
            if outcome.httpStatus == 200 {
                XCTAssertNotNil(try? JSONSerialization.jsonObject(with: Data(outcome.body)), "an answer is always a JSON AdmissionReview")
            }
        }
    }
}
