import Foundation
import CostGateBasics
import CostGateYAML

/// Kubeflow training-operator v1 jobs (`kubeflow.org/v1`: PyTorchJob, TFJob, MPIJob, PaddleJob,
/// XGBoostJob, JAXJob; the standalone MPI operator's `kubeflow.org/v2beta1` MPIJob) and SageMaker
/// HyperPod's PyTorchJob, read as their controllers create pods: one role per replica type, replicas
/// defaulted as the operator defaults them, `runPolicy.activeDeadlineSeconds` as the run's ceiling.
package enum KubeflowJobReader {
    /// The replica map of each kind.
    package static let replicaKeys: [String: String] = [
        "PyTorchJob": "pytorchReplicaSpecs", "TFJob": "tfReplicaSpecs", "MPIJob": "mpiReplicaSpecs",
        "PaddleJob": "paddleReplicaSpecs", "XGBoostJob": "xgbReplicaSpecs", "JAXJob": "jaxReplicaSpecs",
    ]

    /// Replica type names as the operator spells them; the map's keys match case-insensitively
    /// (`setTypeNameToCamelCase`).
    package static let typeNames = ["master": "Master", "worker": "Worker", "chief": "Chief", "ps": "PS", "evaluator": "Evaluator",
                            "launcher": "Launcher", "scheduler": "Scheduler"]

    package static func canonical(_ type: String) -> String { typeNames[type.lowercased()] ?? type }
}

extension KubernetesReader {
    package func readKubeflowJob(_ object: KubernetesObject, diagnostics: inout [Diagnostic]) throws(ManifestError) -> Workload {
        guard let spec = try object.root.child("spec") else { throw .missingField(path: "spec", at: object.location) }
        let key = KubeflowJobReader.replicaKeys[object.kind]!
        guard let replicaSpecs = try spec.child(key) else { throw .missingField(path: "spec.\(key)", at: spec.location) }
        let objectAnnotations = try AnnotationLayers(object: object)
        var roles: [PodRole] = []
        var assumptions: [String] = []
        var seen: [String: SourceLocation] = [:]
        for entry in try replicaSpecs.entries() {
            let type = KubeflowJobReader.canonical(entry.key)
            if let first = seen[type] {
                throw .invalidValue(path: entry.value.path, value: entry.key,
                                    reason: "replica type '\(type)' is given twice (types match case-insensitively; first at line \(first.line))",
                                    at: entry.keyLocation)
            }
            seen[type] = entry.keyLocation
            guard let template = try entry.value.child("template") else {
                throw .missingField(path: "\(entry.value.path).template", at: entry.value.location)
            }
            let (pod, annotations) = try readPodTemplate(template, annotations: objectAnnotations, diagnostics: &diagnostics)
            // The operator defaults replicas to 1, except an MPIJob's workers (0).
            let defaultReplicas = object.kind == "MPIJob" && type == "Worker" ? 0 : 1
            let replicasNode = try entry.value.child("replicas")
            let replicas = try replicasNode.map { node throws(ManifestError) in try nonNegative(node) } ?? defaultReplicas
            if replicasNode == nil {
                assumptions.append("\(type) replicas not set: the operator's default of \(defaultReplicas)")
            }
            var range = ReplicaRange(exactly: replicas)
            if object.kind == "PyTorchJob", type == "Worker", let elastic = try spec.child("elasticPolicy") {
                range = try elasticRange(elastic, replicas: replicas, assumptions: &assumptions)
            }
            roles.append(PodRole(name: type, replicas: range, pod: pod, annotations: annotations))
        }
        guard !roles.isEmpty else { throw .missingField(path: "spec.\(key).<replica type>", at: replicaSpecs.location) }
        return try trainingWorkload(object, spec: spec, roles: roles, assumptions: assumptions)
    }

    /// HyperPod's PyTorchJob (`sagemaker.amazonaws.com/v1`): the Kubeflow shape with `replicaSpecs` as a
    /// list of named groups.
    package func readHyperPodPyTorchJob(_ object: KubernetesObject, diagnostics: inout [Diagnostic]) throws(ManifestError) -> Workload {
        guard let spec = try object.root.child("spec") else { throw .missingField(path: "spec", at: object.location) }
        guard let replicaSpecs = try spec.child("replicaSpecs") else { throw .missingField(path: "spec.replicaSpecs", at: spec.location) }
        let objectAnnotations = try AnnotationLayers(object: object)
        var roles: [PodRole] = []
        var assumptions: [String] = []
        for (index, item) in try replicaSpecs.items().enumerated() {
            let name = try item.optionalString("name") ?? "replicas-\(index)"
            guard let template = try item.child("template") else { throw .missingField(path: "\(item.path).template", at: item.location) }
            let (pod, annotations) = try readPodTemplate(template, annotations: objectAnnotations, diagnostics: &diagnostics)
            let replicasNode = try item.child("replicas")
            let replicas = try replicasNode.map { node throws(ManifestError) in try nonNegative(node) } ?? 1
            if replicasNode == nil { assumptions.append("\(name) replicas not set: 1 assumed") }
            roles.append(PodRole(name: name, replicas: ReplicaRange(exactly: replicas), pod: pod, annotations: annotations))
        }
        guard !roles.isEmpty else { throw .missingField(path: "spec.replicaSpecs[0]", at: replicaSpecs.location) }
        if let node = try spec.descend("runPolicy", "jobMaxRetryCount"), case let retries = try node.int(), retries > 0 {
            assumptions.append("runPolicy.jobMaxRetryCount \(retries): failed runs are retried, which the estimate does not count")
        }
        return try trainingWorkload(object, spec: spec, roles: roles, assumptions: assumptions)
    }

    /// A synchronous training run: every pod is in the gang, one run, `runPolicy.activeDeadlineSeconds` a ceiling.
    private func trainingWorkload(_ object: KubernetesObject, spec: NodeCursor, roles: [PodRole],
                                  assumptions: [String]) throws(ManifestError) -> Workload {
        var assumptions = assumptions
        let runPolicy = try spec.child("runPolicy")
        var deadline = try runPolicy?.optionalInt("activeDeadlineSeconds")
        if deadline == nil { deadline = try spec.optionalInt("activeDeadlineSeconds") }
        if (try runPolicy?.optionalBool("suspend")) == true {
            assumptions.append("runPolicy.suspend is true: priced as if resumed (queueing systems such as Kueue create jobs suspended)")
        }
        let annotations = roles.primary!.annotations
        let duration = try runDuration(annotations, deadline: deadline, kind: object.kind,
                                       maxExecTime: object.labels[Self.kueueMaxExecTime])
        let pods = roles.nominalPods
        if pods > 1 {
            assumptions.append("synchronous training: all \(pods) pods form one gang (an interruption of one stops all)")
        }
        var workload = try workload(object, roles: roles, pattern: .oneOff, duration: duration, gangSize: pods > 1 ? pods : nil,
                                    extraAssumptions: assumptions)
        workload.timeLimitSeconds = deadline.flatMap { $0 > 0 ? $0 : nil }
        return workload
    }

    /// `elasticPolicy.minReplicas/maxReplicas` bound the workers; one given copies it to the other, neither
    /// means both are the workers' replicas (the operator's defaulting).
    private func elasticRange(_ elastic: NodeCursor, replicas: Int, assumptions: inout [String]) throws(ManifestError) -> ReplicaRange {
        let minNode = try elastic.child("minReplicas")
        let maxNode = try elastic.child("maxReplicas")
        let low = try minNode.map { node throws(ManifestError) in try nonNegative(node) }
        let high = try maxNode.map { node throws(ManifestError) in try nonNegative(node) }
        let lower = low ?? high ?? replicas
        let upper = high ?? low ?? replicas
        guard lower <= upper else {
            throw .invalidValue(path: elastic.path, value: "minReplicas \(lower) > maxReplicas \(upper)",
                                reason: "minReplicas must not exceed maxReplicas", at: minNode?.location ?? elastic.location)
        }
        let nominal = min(max(replicas, lower), upper)
        if nominal != replicas {
            assumptions.append("Worker replicas \(replicas) lie outside elasticPolicy \(lower)…\(upper): \(nominal) assumed")
        }
        assumptions.append("elastic PyTorchJob: \(lower) to \(upper) workers (elasticPolicy); priced at \(nominal)")
        return ReplicaRange(min: lower, nominal: nominal, max: upper)
    }
}
