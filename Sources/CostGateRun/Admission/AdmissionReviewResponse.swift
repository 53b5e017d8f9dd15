import CostGateBasics

/// The AdmissionReview a validating webhook answers with: the request's uid, allowed or not, a status
/// (code and message) when it is refused, and warnings that kubectl prints as `Warning: …`.
public struct AdmissionReviewResponse: Sendable, Hashable {
    public var uid: String
    public var allowed: Bool
    /// An HTTP-style code for a refusal (403 over budget, 422 cannot be priced, 400 a bad request).
    public var code: Int?
    public var message: String?
    public var warnings: [String]

    /// kube-apiserver's advice for warnings: 120 characters where possible; longer ones may be truncated
    /// by clients, so costgate cuts them itself, at a character, with an ellipsis.
    public static let warningLimit = 256
    /// Beyond a handful, warnings stop being read; the rest are counted in the last one.
    public static let maxWarnings = 12

    public init(uid: String, allowed: Bool, code: Int? = nil, message: String? = nil, warnings: [String] = []) {
        self.uid = uid
        self.allowed = allowed
        self.code = code
        self.message = message
        self.warnings = warnings
    }

    /// The whole AdmissionReview, keys sorted: the same decision always gives the same bytes.
    public var json: JSONValue {
        var response: [String: JSONValue] = ["uid": .string(uid), "allowed": .bool(allowed)]
        if code != nil || message != nil {
            var status: [String: JSONValue] = [:]
            if let code { status["code"] = .int(code) }
            if let message { status["message"] = .string(message) }
            response["status"] = .object(status)
        }
        let shown = Self.bounded(warnings)
        if !shown.isEmpty { response["warnings"] = .array(shown.map(JSONValue.string)) }
        return .object(["apiVersion": .string(AdmissionReview.apiVersion), "kind": .string("AdmissionReview"),
                        "response": .object(response)])
    }

    public var body: [UInt8] { Array(json.rendered().utf8) }

    /// Each warning on one line and within the limit, at most `maxWarnings` of them.
    package static func bounded(_ warnings: [String]) -> [String] {
        var lines = warnings.map { warning -> String in
            // kube-apiserver drops a warning holding control characters: fold newlines and tabs to spaces.
            let flat = String(warning.map { $0.isNewline || $0 == "\t" ? " " : $0 })
            guard flat.count > warningLimit else { return flat }
            return String(flat.prefix(warningLimit - 1)) + "…"
        }
        if lines.count > maxWarnings {
            let rest = lines.count - (maxWarnings - 1)
            lines = Array(lines.prefix(maxWarnings - 1)) + ["costgate: \(rest) more warnings (see the webhook's log)"]
        }
        return lines
    }
}
