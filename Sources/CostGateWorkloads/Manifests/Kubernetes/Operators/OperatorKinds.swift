import CostGateYAML

/// The ML operators' custom resources costgate reads, by API group and kind, and the reader for each.
/// Each operator family lives in its own file of this folder.
extension KubernetesReader {
    /// The workloads of a custom resource costgate knows; nil for any other kind.
    package func readOperatorKind(_ object: KubernetesObject, into reading: inout KubernetesReading) throws(ManifestError) -> [Workload]? {
        switch (object.group, object.kind) {
        case ("kubeflow.org", let kind) where KubeflowJobReader.replicaKeys[kind] != nil:
            return [try readKubeflowJob(object, diagnostics: &reading.diagnostics)]
        case ("sagemaker.amazonaws.com", "HyperPodPyTorchJob"):
            return [try readHyperPodPyTorchJob(object, diagnostics: &reading.diagnostics)]
        case ("ray.io", "RayCluster"), ("ray.io", "RayJob"), ("ray.io", "RayService"):
            return try readRay(object, diagnostics: &reading.diagnostics)
        case ("jobset.x-k8s.io", "JobSet"):
            return try readJobSet(object, diagnostics: &reading.diagnostics)
        case ("leaderworkerset.x-k8s.io", "LeaderWorkerSet"):
            return try readLeaderWorkerSet(object, diagnostics: &reading.diagnostics)
        case ("batch.volcano.sh", "Job"):
            return try readVolcanoJob(object, diagnostics: &reading.diagnostics)
        case ("serving.kserve.io", "InferenceService"), ("serving.kserve.io", "LLMInferenceService"):
            return try readKServe(object, diagnostics: &reading.diagnostics)
        case ("production-stack.vllm.ai", "VLLMRuntime"): return try readVLLMRuntime(object, diagnostics: &reading.diagnostics)
        case ("trainer.kubeflow.org", "TrainJob"), ("trainer.kubeflow.org", "TrainingRuntime"),
             ("trainer.kubeflow.org", "ClusterTrainingRuntime"):
            return try readTrainer(object, into: &reading)
        default:
            return nil
        }
    }
}
