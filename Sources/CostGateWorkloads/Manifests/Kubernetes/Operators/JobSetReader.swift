import Foundation
import CostGateBasics
import CostGateYAML

/// JobSet (`jobset.x-k8s.io/v1alpha2`): each `spec.replicatedJobs[]` entry is a role of `replicas` (default 1) copies
/// of a batch Job. One run; all pods form one gang (JobSets carry synchronous multi-host training such as TPU slices).
/// Field defaults: kubernetes-sigs/jobset `api/jobset/v1alpha2/jobset_types.go`.
extension KubernetesReader {
    package func readJobSet(_ object: KubernetesObject, diagnostics: inout [Diagnostic]) throws(ManifestError) -> [Workload]? {
        guard let spec = try object.root.child("spec") else { throw .missingField(path: "spec", at: object.location) }
        guard let replicatedJobs = try spec.child("replicatedJobs") else {
            throw .missingField(path: "spec.replicatedJobs", at: spec.location)
        }
        let objectAnnotations = try AnnotationLayers(object: object)
        var roles: [PodRole] = []
        var assumptions: [String] = []
        var deadlines: [Int] = []
        for (index, entry) in try replicatedJobs.items().enumerated() {
            let name = try entry.optionalString("name") ?? "replicated-job-\(index)"
            let copies = try entry.child("replicas").map { node throws(ManifestError) in try nonNegative(node) } ?? 1
            guard let jobTemplate = try entry.child("template") else { throw .missingField(path: "\(entry.path).template", at: entry.location) }
            guard let jobSpec = try jobTemplate.child("spec") else {
                throw .missingField(path: "\(jobTemplate.path).spec", at: jobTemplate.location)
            }
            let job = try readInnerJob(jobSpec, annotations: objectAnnotations.adding(jobTemplate), diagnostics: &diagnostics)
            roles.append(PodRole(name: name, replicas: ReplicaRange(exactly: copies * job.runningPods), pod: job.pod,
                                 annotations: job.annotations))
            assumptions.append("\(name): \(copies) Job\(copies == 1 ? "" : "s") × \(job.runningPods) pod\(job.runningPods == 1 ? "" : "s") "
                + "(\(job.podsNote))" + (try entry.child("replicas") == nil ? "; replicas not set: JobSet's default of 1" : ""))
            if let deadline = job.deadline { deadlines.append(deadline) }
            if (try entry.child("dependsOn")?.items().isEmpty) == false {
                assumptions.append("\(name): dependsOn is ignored: every replicated job is priced for the whole run (a ceiling)")
            }
        }
        if let restarts = try spec.descend("failurePolicy", "maxRestarts")?.int(), restarts > 0 {
            assumptions.append("failurePolicy.maxRestarts \(restarts): up to \(restarts) restarts of the whole JobSet could multiply "
                + "the cost by up to \(restarts + 1); priced as one attempt")
        }
        if (try spec.optionalBool("suspend")) == true {
            assumptions.append("spec.suspend is true: priced as if resumed (queueing systems such as Kueue create JobSets suspended)")
        }
        let deadline = deadlines.max()
        let layers = roles.primary?.annotations ?? objectAnnotations
        let duration = try runDuration(layers, deadline: deadline, kind: object.kind, maxExecTime: object.labels[Self.kueueMaxExecTime])
        if deadlines.count > 1, duration.source == .activeDeadlineSeconds {
            assumptions.append("the largest of the child Jobs' activeDeadlineSeconds bounds the run")
        }
        let gang = roles.nominalPods
        if gang > 1 { assumptions.append("a gang of \(gang) pods: all must be up together (synchronous multi-host training)") }
        var workload = try workload(object, roles: roles, pattern: .oneOff, duration: duration,
                                    gangSize: gang > 1 ? gang : nil, extraAssumptions: assumptions)
        workload.timeLimitSeconds = deadline
        return [workload]
    }
}
