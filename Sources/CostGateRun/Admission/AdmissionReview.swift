import CostGateBasics

/// An `admission.k8s.io/v1` AdmissionReview as kube-apiserver sends it to a validating webhook: the
/// request's identity, what is being done, and the object (and, for UPDATE, the object before).
///
/// Decoded with `JSONDocument` (strict JSON, duplicate keys rejected, bounded nesting); the objects stay
/// JSON nodes so they can be rendered back and read by the same Kubernetes readers as any manifest.
public struct AdmissionReview {
    public static let apiVersion = "admission.k8s.io/v1"
    /// How diagnostics name the request body: `AdmissionReview:3:14: error: …`.
    public static let file = "AdmissionReview"

    public enum Operation: String, Sendable, CaseIterable {
        case create = "CREATE", update = "UPDATE", delete = "DELETE", connect = "CONNECT"
    }

    /// The request's uid, echoed in the response (kube-apiserver discards a response for another uid).
    public var uid: String
    public var operation: Operation
    /// The object's group, version and kind (`request.kind`).
    public var group: String
    public var version: String
    public var kind: String
    /// `request.resource.resource` and `request.subResource` (`deployments`, `scale`).
    public var resource: String?
    public var subResource: String?
    public var namespace: String?
    public var name: String?
    /// `request.userInfo.username`, for the server's log.
    public var username: String?
    /// A dry run: nothing may be recorded (kube-apiserver only calls webhooks with side effects `None` or `NoneOnDryRun` for one).
    public var dryRun: Bool
    public var object: JSONDocument.Node?
    public var oldObject: JSONDocument.Node?

    /// Decodes a request body. The envelope (apiVersion, kind, request, uid) must be right for a response
    /// to be matched at all; past it, an error carries the uid so the answer can still be an AdmissionReview.
    public static func decode(_ bytes: [UInt8]) throws(AdmissionReviewError) -> AdmissionReview {
        let root: JSONDocument.Node
        do {
            root = try JSONDocument.parse(bytes)
        } catch {
            throw .notJSON(location(error.line, error.column), error.message)
        }
        guard case .object = root.value else { throw .notAnObject(location(root), found: root.found) }
        let apiVersion = root.member("apiVersion")
        guard case .string(Self.apiVersion)? = apiVersion?.node.value else {
            throw .wrongAPIVersion(location(apiVersion?.node ?? root), found: apiVersion?.node.found)
        }
        let kind = root.member("kind")
        guard case .string("AdmissionReview")? = kind?.node.value else {
            throw .wrongKind(location(kind?.node ?? root), found: kind?.node.found)
        }
        guard let request = root.member("request")?.node, case .object = request.value else {
            throw .missingRequest(location(root.member("request")?.node ?? root))
        }
        guard case .string(let uid)? = request.member("uid")?.node.value, !uid.isEmpty else {
            throw .missingUID(location(request.member("uid")?.node ?? request))
        }
        let fields = FieldReader(uid: uid)
        let operationText = try fields.string(request, "operation", required: true)!
        guard let operation = Operation(rawValue: operationText) else {
            throw fields.invalid(request.member("operation")!.node, "request.operation",
                                 expected: Operation.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard let kindNode = request.member("kind")?.node, case .object = kindNode.value else {
            throw .invalidRequest(uid: uid, location(request.member("kind")?.node ?? request), "missing 'request.kind'")
        }
        let objectKind = try fields.string(kindNode, "kind", path: "request.kind.kind", required: true)!
        let dryRun: Bool
        switch request.member("dryRun")?.node.value {
        case nil, .null?: dryRun = false
        case .bool(let flag)?: dryRun = flag
        default: throw fields.invalid(request.member("dryRun")!.node, "request.dryRun", expected: "true or false")
        }
        return AdmissionReview(
            uid: uid, operation: operation,
            group: try fields.string(kindNode, "group", path: "request.kind.group") ?? "",
            version: try fields.string(kindNode, "version", path: "request.kind.version") ?? "",
            kind: objectKind,
            resource: try fields.string(request.member("resource")?.node, "resource", path: "request.resource.resource"),
            subResource: try fields.string(request, "subResource").flatMap { $0.isEmpty ? nil : $0 },
            namespace: try fields.string(request, "namespace").flatMap { $0.isEmpty ? nil : $0 },
            name: try fields.string(request, "name").flatMap { $0.isEmpty ? nil : $0 },
            username: try fields.string(request.member("userInfo")?.node, "username", path: "request.userInfo.username"),
            dryRun: dryRun,
            object: try fields.object(request, "object"),
            oldObject: try fields.object(request, "oldObject"))
    }

    package static func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    package static func location(_ node: JSONDocument.Node) -> SourceLocation {
        location(node.line, node.column)
    }

    /// Typed reads of the request's fields, each failure naming the key path and carrying the uid.
    private struct FieldReader {
        var uid: String

        func invalid(_ node: JSONDocument.Node, _ path: String, expected: String) -> AdmissionReviewError {
            .invalidRequest(uid: uid, AdmissionReview.location(node), "expected \(expected) at '\(path)', found \(node.found)")
        }

        /// A string member of `parent` (nil when the parent or the member is absent or null).
        func string(_ parent: JSONDocument.Node?, _ key: String, path: String? = nil, required: Bool = false) throws(AdmissionReviewError) -> String? {
            let path = path ?? "request.\(key)"
            guard let node = parent?.member(key)?.node, !node.isNull else {
                if required, let parent { throw .invalidRequest(uid: uid, AdmissionReview.location(parent), "missing '\(path)'") }
                return nil
            }
            guard case .string(let text) = node.value else { throw invalid(node, path, expected: "a string") }
            return text
        }

        /// `object` and `oldObject`: a JSON object, or absent / null.
        func object(_ parent: JSONDocument.Node, _ key: String) throws(AdmissionReviewError) -> JSONDocument.Node? {
            guard let node = parent.member(key)?.node, !node.isNull else { return nil }
            guard case .object = node.value else { throw invalid(node, "request.\(key)", expected: "an object") }
            return node
        }
    }
}

extension JSONDocument.Node {
    package var isNull: Bool {
        if case .null = value { return true }
        return false
    }
}
