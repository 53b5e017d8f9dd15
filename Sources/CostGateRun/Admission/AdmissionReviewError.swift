import CostGateBasics

/// An AdmissionReview body that cannot be decided, at its place in the body.
///
/// Without a uid there is nothing kube-apiserver could match an answer to: those are answered with
/// HTTP 400 (and kube-apiserver applies the webhook's `failurePolicy`). With one, the answer is an
/// AdmissionReview that follows the policy's `admission.onError`.
public enum AdmissionReviewError: Error, Sendable, Hashable {
    case notJSON(SourceLocation, String)
    case notAnObject(SourceLocation, found: String)
    case wrongAPIVersion(SourceLocation, found: String?)
    case wrongKind(SourceLocation, found: String?)
    case missingRequest(SourceLocation)
    case missingUID(SourceLocation)
    /// The envelope was right but a field of the request is not.
    case invalidRequest(uid: String, SourceLocation, String)

    public var location: SourceLocation {
        switch self {
        case .notJSON(let location, _), .notAnObject(let location, _), .wrongAPIVersion(let location, _),
             .wrongKind(let location, _), .missingRequest(let location), .missingUID(let location),
             .invalidRequest(_, let location, _):
            return location
        }
    }

    /// The request's uid, when the body got that far.
    public var uid: String? {
        if case .invalidRequest(let uid, _, _) = self { return uid }
        return nil
    }

    public var message: String {
        switch self {
        case .notJSON(_, let reason): return "the body is not JSON: \(reason)"
        case .notAnObject(_, let found): return "expected an AdmissionReview object, found \(found)"
        case .wrongAPIVersion(_, let found):
            return "expected apiVersion '\(AdmissionReview.apiVersion)', found \(found ?? "none")"
                + " (list only v1 in the webhook's admissionReviewVersions)"
        case .wrongKind(_, let found): return "expected kind 'AdmissionReview', found \(found ?? "none")"
        case .missingRequest: return "missing 'request': an AdmissionReview sent to a webhook carries one"
        case .missingUID: return "missing 'request.uid'"
        case .invalidRequest(_, _, let reason): return reason
        }
    }

    public var diagnostic: Diagnostic { Diagnostic(.error, at: location, message) }
}
