import CostGateBasics
import CostGateYAML
import CostGateWorkloads

/// Joins each Kubeflow TrainJob to the TrainingRuntime (same namespace) or ClusterTrainingRuntime
/// its `spec.runtimeRef` names, anywhere in the input, and prices the pair. A TrainJob whose
/// runtime is not in the input cannot be priced: an error that says which manifest to add.
package enum TrainJobJoin {
    package static let runtimeKinds = ["ClusterTrainingRuntime", "TrainingRuntime"]

    package static func apply(_ trainJobs: [KubernetesObject], runtimes: [KubernetesObject], reader: KubernetesReader,
                      to workloads: inout WorkloadTable) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let runtimes = runtimes.sorted { $0.location < $1.location }
        var used: Set<SourceLocation> = []
        for job in trainJobs.sorted(by: { $0.location < $1.location }) {
            do throws(ManifestError) {
                guard let runtime = try resolve(job, runtimes: runtimes, diagnostics: &diagnostics) else { continue }
                used.insert(runtime.location)
                var found: [Diagnostic] = []
                workloads.append([try reader.readTrainJob(job, runtime: runtime, diagnostics: &found)])
                diagnostics += found
            } catch {
                diagnostics.append(error.diagnostic)
            }
        }
        // A runtime is a template: it costs nothing until a TrainJob names it, so on its own it is said, not priced.
        for runtime in runtimes where !used.contains(runtime.location) {
            let gpus = AcceleratorScan.requests(in: runtime.root).isEmpty ? "" : " (its pods request accelerators)"
            diagnostics.append(Diagnostic(.note, at: runtime.location,
                "\(runtime.kind) '\(runtime.name)' is a template\(gpus): it is priced through the TrainJobs that name it in "
                    + "spec.runtimeRef, and none among the inputs does", rule: "trainjob-runtime-unused"))
        }
        return diagnostics
    }

    /// The runtime `job` names, or nil with a diagnostic saying why there is none.
    package static func resolve(_ job: KubernetesObject, runtimes: [KubernetesObject],
                        diagnostics: inout [Diagnostic]) throws(ManifestError) -> KubernetesObject? {
        guard let ref = try job.root.descend("spec", "runtimeRef") else {
            throw .missingField(path: "spec.runtimeRef", at: job.location)
        }
        guard let name = try ref.optionalString("name") else { throw .missingField(path: "spec.runtimeRef.name", at: ref.location) }
        let kind = try ref.optionalString("kind") ?? "ClusterTrainingRuntime"
        let group = try ref.optionalString("apiGroup") ?? KubernetesReader.trainerGroup
        guard group == KubernetesReader.trainerGroup, runtimeKinds.contains(kind) else {
            diagnostics.append(Diagnostic(.error, at: ref.location,
                "TrainJob '\(job.name)' uses a runtime of kind \(kind) (\(group)); costgate reads only \(KubernetesReader.trainerGroup) ClusterTrainingRuntime and TrainingRuntime, so its cost is not counted",
                rule: "trainjob-runtime-unsupported"))
            return nil
        }
        let namespace = job.namespace ?? "default"
        let sameName = runtimes.filter { $0.name == name && $0.group == KubernetesReader.trainerGroup }
        let matches = sameName.filter { $0.kind == kind && (kind == "ClusterTrainingRuntime" || ($0.namespace ?? "default") == namespace) }
        guard let runtime = matches.first else {
            let command = kind == "TrainingRuntime" ? "kubectl get trainingruntime \(name) -n \(namespace) -o yaml"
                                                    : "kubectl get clustertrainingruntime \(name) -o yaml"
            var message = "TrainJob '\(job.name)' uses \(kind) '\(name)'\(kind == "TrainingRuntime" ? " in namespace '\(namespace)'" : ""), which is not among the inputs: add its manifest (\(command))"
            if let near = sameName.first {
                message += "; the inputs have a \(near.kind) '\(name)'\(near.namespace.map { " in namespace '\($0)'" } ?? "") at \(near.location): check spec.runtimeRef"
            }
            diagnostics.append(Diagnostic(.error, at: ref.location, message, rule: "trainjob-runtime-missing"))
            return nil
        }
        if matches.count > 1 {
            diagnostics.append(Diagnostic(.warning, at: ref.location,
                "\(kind) '\(name)' is defined \(matches.count) times in the inputs; TrainJob '\(job.name)' is priced with the one at \(runtime.location)",
                rule: "trainjob-runtime-duplicate"))
        }
        return runtime
    }
}
