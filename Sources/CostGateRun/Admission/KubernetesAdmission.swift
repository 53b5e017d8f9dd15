import Foundation
import CostGateBasics
import CostGateLedger

/// The validating webhook's decision, pure: an AdmissionReview body in, the HTTP answer out. The object is
/// read, priced and gated as `check` would (team by namespace, labels and annotations; per-run and monthly
/// quotas against the ledger), and the policy's `admission` section turns the gate's verdict into
/// `allowed`, a refusal's status, and warnings.
public struct KubernetesAdmission: Sendable {
    /// The policy and prices; its day is replaced by the request's.
    public var gate: SubmissionGate
    public var ledger: (any Ledger)?
    /// Record approved one-off runs in the ledger (never for a dry run).
    public var record: Bool
    /// Recorded as each run's repository, so `ledger list` tells a cluster's runs from CI's.
    public var cluster: String

    public init(gate: SubmissionGate, ledger: (any Ledger)? = nil, record: Bool = false, cluster: String = "kubernetes") {
        self.gate = gate
        self.ledger = ledger
        self.record = record
        self.cluster = cluster
    }

    /// Decides one request body received at `now` (the month and the day quotas and exceptions are checked on, UTC).
    public func review(_ body: [UInt8], now: Date) -> AdmissionOutcome {
        let onError = gate.policy.admission.onError
        let review: AdmissionReview
        let submission: KubernetesSubmission
        do {
            review = try AdmissionReview.decode(body)
            submission = try KubernetesSubmission.of(review)
        } catch {
            guard let uid = error.uid else {
                return AdmissionOutcome(result: .invalid, httpStatus: 400, body: Array((error.diagnostic.rendered + "\n").utf8),
                                        log: error.diagnostic.rendered)
            }
            let allowed = onError == .allow
            let lead = allowed
                ? "costgate: the admission request could not be read; allowed unchecked (admission.onError: allow)"
                : "costgate: refused: the admission request could not be read (admission.onError: deny)"
            let text = "\(lead): \(error.diagnostic.rendered)"
            let response = allowed ? AdmissionReviewResponse(uid: uid, allowed: true, warnings: [text])
                                   : AdmissionReviewResponse(uid: uid, allowed: false, code: 400, message: text)
            return AdmissionOutcome(result: allowed ? .errorAllowed : .errorDenied, httpStatus: 200, body: response.body, log: text)
        }
        switch submission {
        case .pass(let reason):
            return AdmissionOutcome(result: .passed, httpStatus: 200,
                                    body: AdmissionReviewResponse(uid: review.uid, allowed: true).body, log: nil, passReason: reason)
        case .gate(let path, let bytes, let identity):
            let day = CalendarDay(containing: now)
            var gate = self.gate
            gate.today = day
            gate.reading.month = day.calendarMonth
            let use = ledger.map {
                LedgerUse(ledger: $0, record: record && !review.dryRun, commit: identity.uid.map { "uid:\($0)" }, now: now,
                          repository: cluster)
            }
            let decision = gate.decide(path: path, bytes: bytes, ledger: use)
            return Self.outcome(decision, review: review, identity: identity)
        }
    }

    package static func outcome(_ decision: AdmissionDecision, review: AdmissionReview, identity: KubernetesSubmission.ObjectIdentity) -> AdmissionOutcome {
        // Warnings stand alone in kubectl's output, each prefixed; a refusal is one message, its details after the headline.
        let said = decision.headline.map { [$0] + decision.details.map { "costgate: " + $0 } } ?? []
        let refusal = decision.headline.map { ([$0] + decision.details).joined(separator: "; ") } ?? "costgate: refused"
        let who = "\(review.operation.rawValue) \(identity.kind) \(identity.namespace.map { $0 + "/" } ?? "")\(identity.name)"
            + (review.dryRun ? " (dry run)" : "") + (review.username.map { " by \($0)" } ?? "")
        let log = decision.headline == nil ? nil : "\(who): " + refusal
        switch (decision.verdict, decision.status) {
        case (.accept, .success):
            let response = AdmissionReviewResponse(uid: review.uid, allowed: true, warnings: said)
            return AdmissionOutcome(result: said.isEmpty ? .allowed : .warned, httpStatus: 200, body: response.body, log: log)
        case (.accept, .inputUnusable):
            let response = AdmissionReviewResponse(uid: review.uid, allowed: true, warnings: said)
            return AdmissionOutcome(result: .errorAllowed, httpStatus: 200, body: response.body, log: log)
        case (.accept, _):
            // Over budget in warn mode: allowed, and said.
            let response = AdmissionReviewResponse(uid: review.uid, allowed: true, warnings: said)
            return AdmissionOutcome(result: .warned, httpStatus: 200, body: response.body, log: log)
        case (.reject, .inputUnusable):
            let response = AdmissionReviewResponse(uid: review.uid, allowed: false, code: 422, message: refusal)
            return AdmissionOutcome(result: .errorDenied, httpStatus: 200, body: response.body, log: log)
        case (.reject, _):
            let response = AdmissionReviewResponse(uid: review.uid, allowed: false, code: 403, message: refusal)
            return AdmissionOutcome(result: .denied, httpStatus: 200, body: response.body, log: log)
        }
    }
}
