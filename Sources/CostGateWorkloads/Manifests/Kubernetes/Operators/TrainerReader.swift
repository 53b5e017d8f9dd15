import Foundation
import CostGateBasics
import CostGateYAML

/// Kubeflow Trainer v2 (`trainer.kubeflow.org/v1alpha1`). A TrainJob's pods are described by the
/// TrainingRuntime or ClusterTrainingRuntime it names (a JobSet template), which may sit in another
/// file: both are kept here and joined once the whole input is read (`TrainJobJoin`).
/// Sources: kubeflow/trainer `pkg/apis/trainer/v1alpha1/{trainjob,trainingruntime}_types.go`,
/// `pkg/runtime/core/trainingruntime.go`, `pkg/runtime/framework/plugins/{jobset/builder.go,mpi/mpi.go}`.
extension KubernetesReader {
    package static let trainerGroup = "trainer.kubeflow.org"
    /// The label that marks a runtime's replicated jobs: `trainer`, `dataset-initializer`, `model-initializer`.
    package static let trainerAncestorLabel = "trainer.kubeflow.org/trainjob-ancestor-step"

    /// Keeps TrainJobs and runtimes for the join; a runtime on its own creates no pods.
    package func readTrainer(_ object: KubernetesObject, into reading: inout KubernetesReading) throws(ManifestError) -> [Workload]? {
        if object.kind == "TrainJob" {
            guard try object.root.child("spec") != nil else { throw .missingField(path: "spec", at: object.location) }
            reading.trainJobs.append(object)
        } else {
            reading.trainingRuntimes.append(object)
        }
        return []
    }

    /// A TrainJob priced with the runtime it names: one run of numNodes trainer pods (a gang).
    package func readTrainJob(_ job: KubernetesObject, runtime: KubernetesObject,
                      diagnostics: inout [Diagnostic]) throws(ManifestError) -> Workload {
        guard let jobSpec = try job.root.child("spec") else { throw .missingField(path: "spec", at: job.location) }
        guard let runtimeSpec = try runtime.root.child("spec") else { throw .missingField(path: "spec", at: runtime.location) }
        let template = TrainerRuntimeTemplate(job: job, jobSpec: jobSpec, runtime: runtime)
        let jobs = try template.replicatedJobs(runtimeSpec)
        guard let trainerIndex = jobs.firstIndex(where: { $0.ancestor == "trainer" }) ?? jobs.firstIndex(where: { $0.name == "node" }) else {
            throw .missingField(path: "spec.template.spec.replicatedJobs[] (a job labelled \(Self.trainerAncestorLabel): trainer, or named 'node')",
                                at: runtime.location)
        }
        let trainer = try jobSpec.child("trainer")
        let runtimeNodes = try runtimeSpec.descend("mlPolicy", "numNodes").map { node throws(ManifestError) in try nonNegative(node) }
        let jobNodes = try trainer?.child("numNodes").map { node throws(ManifestError) in try nonNegative(node) }
        let launcherAsNode = try runtimeSpec.descend("mlPolicy", "mpi", "runLauncherAsNode")?.bool() ?? false
        var assumptions = ["pod templates from \(runtime.kind) '\(runtime.name)' (\(runtime.location))"]
        var nodes = jobNodes ?? runtimeNodes ?? 1
        switch (jobNodes, runtimeNodes) {
        case (let given?, _): assumptions.append("\(given) nodes from spec.trainer.numNodes")
        case (nil, let given?): assumptions.append("\(given) nodes from the runtime's spec.mlPolicy.numNodes")
        case (nil, nil): assumptions.append("numNodes set neither on the TrainJob nor the runtime: Trainer's default of 1")
        }
        if launcherAsNode, jobNodes != nil, jobs.contains(where: { $0.name == "launcher" }) {
            nodes = max(nodes - 1, 1)
            assumptions.append("MPI runLauncherAsNode: the launcher is one of the nodes, so \(nodes) '\(jobs[trainerIndex].name)' pods")
        }

        var roles: [PodRole] = []
        let jobLayers = try AnnotationLayers(object: job)
        for (index, replicated) in jobs.enumerated() {
            let isTrainer = index == trainerIndex
            var podTemplate = try template.patched(replicated)
            if isTrainer, let resources = try trainer?.child("resourcesPerNode") {
                podTemplate = template.withResourcesPerNode(podTemplate, resources: resources.node, notes: &assumptions)
            }
            let layers = try jobLayers.adding(template.cursor(replicated.node, path: replicated.path))
            let (pod, annotations) = try readPodTemplate(template.cursor(podTemplate, path: "\(replicated.path).template.spec.template"),
                                                         annotations: layers, diagnostics: &diagnostics)
            let pods = isTrainer ? nodes : replicated.replicas * replicated.parallelism
            if replicated.isInitializer && (pod.accelerator?.count ?? 0) == 0 {
                assumptions.append("\(replicated.name): a short download step before training (no GPUs): not priced")
                continue
            }
            if replicated.isInitializer {
                assumptions.append("\(replicated.name) requests GPUs: priced for the whole run, a ceiling (it runs only before training)")
            }
            roles.append(PodRole(name: replicated.name, replicas: ReplicaRange(exactly: pods), pod: pod, annotations: annotations))
        }
        if (try jobSpec.optionalBool("suspend")) == true {
            assumptions.append("spec.suspend is true: priced as if resumed (Kueue creates TrainJobs suspended)")
        }
        let trainerRole = roles.first { $0.name == jobs[trainerIndex].name }
        let declaredDeadline = try jobSpec.optionalInt("activeDeadlineSeconds")
        let deadline = declaredDeadline ?? jobs[trainerIndex].activeDeadlineSeconds
        let duration = try runDuration(trainerRole?.annotations ?? jobLayers, deadline: deadline, kind: job.kind,
                                       maxExecTime: job.labels[Self.kueueMaxExecTime])
        var workload = try workload(job, roles: roles, pattern: .oneOff, duration: duration, gangSize: nodes > 1 ? nodes : nil,
                                    extraAssumptions: assumptions)
        if nodes > 1 { workload.assumptions.append("\(nodes) trainer nodes train synchronously: a gang of \(nodes) pods") }
        workload.timeLimitSeconds = deadline
        return workload
    }
}
