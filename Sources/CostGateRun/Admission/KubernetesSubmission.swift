import CostGateBasics

/// What an admission request asks costgate to gate: the object rendered back to JSON (which is YAML,
/// so the same Kubernetes readers as for any manifest read it), or the reason there is nothing to price.
public enum KubernetesSubmission: Sendable, Hashable {
    /// Gate the object held under `path` (`admission/ml/PyTorchJob/train.json`).
    case gate(path: String, bytes: [UInt8], identity: ObjectIdentity)
    /// Allowed without pricing, for this reason (said in the server's log and metrics, never to the user:
    /// nothing the user submitted went unpriced).
    case pass(reason: PassReason)

    public enum PassReason: String, Sendable, Hashable, CaseIterable {
        /// DELETE and CONNECT add no cost.
        case operation
        /// A subresource (`status`, `scale`, `binding`): not the object's spec as a user submits it.
        case subresource
        /// An object being deleted: its finalizers must be removable whatever the budget says now.
        case deleting
        /// An UPDATE that changes nothing costgate prices (spec, labels and annotations as before).
        case unchanged
        /// Made by a controller whose own object costgate gated (a Deployment's ReplicaSet, a Job's Pods).
        case owned
    }

    /// The object's uid and name: with the cluster, the ledger key an UPDATE of it replaces.
    public struct ObjectIdentity: Sendable, Hashable {
        public var uid: String?
        public var kind: String
        public var namespace: String?
        public var name: String
    }

    /// What to do with `review`. `object` must be present for CREATE and UPDATE.
    public static func of(_ review: AdmissionReview) throws(AdmissionReviewError) -> KubernetesSubmission {
        switch review.operation {
        case .delete, .connect: return .pass(reason: .operation)
        case .create, .update: break
        }
        if review.subResource != nil { return .pass(reason: .subresource) }
        guard let object = review.object else {
            throw .invalidRequest(uid: review.uid, AdmissionReview.location(1, 1),
                                  "missing 'request.object' for \(review.operation.rawValue)")
        }
        let metadata = object.member("metadata")?.node
        if review.operation == .update {
            if metadata?.member("deletionTimestamp").map({ !$0.node.isNull }) == true { return .pass(reason: .deleting) }
            if let old = review.oldObject, pricedPartsEqual(object, old) { return .pass(reason: .unchanged) }
        }
        if let owner = metadata.flatMap(controllingOwner), gatedOwnerKinds(owner) { return .pass(reason: .owned) }

        // kube-apiserver sets the namespace from the URL; a client may leave it out of the body. Teams match on it,
        // and the readers need a name (a generateName alone, when the name is not generated yet).
        let namespace = review.namespace ?? metadata.flatMap { stringValue($0.member("namespace")?.node) }
        let name = review.name ?? metadata.flatMap { stringValue($0.member("name")?.node) }
            ?? metadata.flatMap { stringValue($0.member("generateName")?.node) } ?? "unnamed"
        var value = object.jsonValue
        if case .object(var members) = value {
            var meta: [String: JSONValue] = [:]
            if case .object(let existing)? = members["metadata"] { meta = existing }
            if let namespace { meta["namespace"] = .string(namespace) }
            if case .string? = meta["name"] {} else { meta["name"] = .string(name) }
            members["metadata"] = .object(meta)
            value = .object(members)
        }
        let identity = ObjectIdentity(uid: metadata.flatMap { stringValue($0.member("uid")?.node) }, kind: review.kind,
                                      namespace: namespace, name: name)
        let path = "admission/\(pathPart(namespace ?? "cluster"))/\(pathPart(review.kind))/\(pathPart(name)).json"
        return .gate(path: path, bytes: Array(value.rendered().utf8), identity: identity)
    }

    /// The first ownerReference with `controller: true`: (apiVersion, kind).
    package static func controllingOwner(_ metadata: JSONDocument.Node) -> (apiVersion: String, kind: String)? {
        guard case .array(let owners)? = metadata.member("ownerReferences")?.node.value else { return nil }
        for owner in owners {
            guard case .bool(true)? = owner.member("controller")?.node.value,
                  let apiVersion = stringValue(owner.member("apiVersion")?.node),
                  let kind = stringValue(owner.member("kind")?.node) else { continue }
            return (apiVersion, kind)
        }
        return nil
    }

    /// Owners whose own object costgate reads and gates when it is submitted, so what their controller
    /// creates is not priced (and counted) a second time. Pods of any other owner (an Argo Workflow, a
    /// Tekton TaskRun, a custom operator) are gated themselves: nothing with GPUs passes unread.
    package static func gatedOwnerKinds(_ owner: (apiVersion: String, kind: String)) -> Bool {
        let group = owner.apiVersion.contains("/") ? String(owner.apiVersion.split(separator: "/")[0]) : ""
        switch (group, owner.kind) {
        case ("apps", "Deployment"), ("apps", "ReplicaSet"), ("apps", "StatefulSet"), ("apps", "DaemonSet"),
             ("batch", "Job"), ("batch", "CronJob"),
             ("kubeflow.org", _), ("sagemaker.amazonaws.com", "HyperPodPyTorchJob"),
             ("ray.io", "RayCluster"), ("ray.io", "RayJob"), ("ray.io", "RayService"),
             ("jobset.x-k8s.io", "JobSet"), ("leaderworkerset.x-k8s.io", "LeaderWorkerSet"),
             ("batch.volcano.sh", "Job"), ("serving.kserve.io", _), ("production-stack.vllm.ai", "VLLMRuntime"),
             ("trainer.kubeflow.org", "TrainJob"):
            return true
        default:
            return false
        }
    }

    /// Whether an UPDATE leaves what costgate prices and attributes as it was: the spec, the labels and
    /// the annotations (`costgate.dev/duration`, the team annotation).
    package static func pricedPartsEqual(_ new: JSONDocument.Node, _ old: JSONDocument.Node) -> Bool {
        func part(_ node: JSONDocument.Node, _ path: [String]) -> JSONValue? {
            var current: JSONDocument.Node? = node
            for key in path { current = current?.member(key)?.node }
            return current?.jsonValue
        }
        return [["spec"], ["metadata", "labels"], ["metadata", "annotations"], ["metadata", "namespace"]].allSatisfy {
            part(new, $0) == part(old, $0)
        }
    }

    package static func stringValue(_ node: JSONDocument.Node?) -> String? {
        guard case .string(let text)? = node?.value, !text.isEmpty else { return nil }
        return text
    }

    /// A path component that cannot climb out or split (names are DNS labels, but a body is not to be trusted).
    package static func pathPart(_ text: String) -> String {
        let cleaned = String(text.map { $0 == "/" || $0 == "\\" || $0.isNewline ? "_" : $0 }.prefix(253))
        return cleaned == "." || cleaned == ".." || cleaned.isEmpty ? "_" : cleaned
    }
}
