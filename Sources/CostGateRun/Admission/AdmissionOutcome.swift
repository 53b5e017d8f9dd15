/// The answer to one admission request, and how the server counts and logs it.
public struct AdmissionOutcome: Sendable {
    /// The `result` label of the requests metric.
    public enum Result: String, Sendable, CaseIterable {
        /// Gated and within budget, nothing to say.
        case allowed
        /// Allowed with warnings (a warn finding, an assumption, over budget in warn mode).
        case warned
        /// Refused: over budget or against a rule.
        case denied
        /// No decision from the policy (cannot be priced, the request unreadable): `onError: allow` let it in.
        case errorAllowed = "error_allowed"
        /// No decision from the policy, and `onError: deny` refused it.
        case errorDenied = "error_denied"
        /// Nothing to price (DELETE, a subresource, an owned object, an unchanged UPDATE).
        case passed
        /// Not an AdmissionReview costgate can answer: HTTP 400.
        case invalid
    }

    public var result: Result
    public var httpStatus: Int
    /// An AdmissionReview (application/json) for 200, a plain-text reason otherwise.
    public var body: [UInt8]
    /// One line for the server's log, nil when there is nothing to say.
    public var log: String?
    public var passReason: KubernetesSubmission.PassReason?

    public init(result: Result, httpStatus: Int, body: [UInt8], log: String?, passReason: KubernetesSubmission.PassReason? = nil) {
        self.result = result
        self.httpStatus = httpStatus
        self.body = body
        self.log = log
        self.passReason = passReason
    }
}
