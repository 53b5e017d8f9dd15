import CostGateBasics

/// Why (part of) a manifest could not be read. Every case carries the place and the key path.
public enum ManifestError: Error, Sendable, Equatable {
    case typeMismatch(path: String, expected: String, found: String, at: SourceLocation)
    case invalidValue(path: String, value: String, reason: String, at: SourceLocation)
    case missingField(path: String, at: SourceLocation)
    /// A key the schema does not have (policy and price files are strict); `allowed` feeds the suggestion.
    case unknownKey(key: String, in: String, allowed: [String], at: SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .typeMismatch(_, _, _, let at), .invalidValue(_, _, _, let at), .missingField(_, let at),
             .unknownKey(_, _, _, let at): return at
        }
    }

    public var message: String {
        switch self {
        case .typeMismatch(let path, let expected, let found, _):
            return "expected \(expected) at '\(path)', found \(found)" + Self.templateHint(found)
        case .invalidValue(let path, let value, let reason, _):
            return "invalid value '\(value)' at '\(path)': \(reason)" + Self.templateHint(value)
        case .missingField(let path, _):
            return "missing required field '\(path)'"
        case .unknownKey(let key, let parent, let allowed, _):
            let place = parent.isEmpty ? "" : " in '\(parent)'"
            return "unknown key '\(key)'\(place)" + Suggestion.didYouMean(key, in: allowed)
                + " (allowed: \(allowed.joined(separator: ", ")))"
        }
    }

    /// Manifests straight from a repository often hold placeholders (`$GPUS`, `${NODES}`, `{{ .Values.gpus }}`).
    package static func templateHint(_ value: String) -> String {
        guard value.contains("$") || value.contains("{{") else { return "" }
        return "; it looks like an unrendered template variable: render the manifest first (envsubst, helm template, kustomize build)"
    }

    public var diagnostic: Diagnostic { Diagnostic(.error, at: location, message, rule: "invalid-manifest") }
}
