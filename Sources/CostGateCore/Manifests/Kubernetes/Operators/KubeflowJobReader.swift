enum KubeflowJobReader {
    static let replicaKeys: [String: String] = [:]
}

extension KubernetesReader {
    func readKubeflowJob(_ object: KubernetesObject, diagnostics: inout [Diagnostic]) throws(ManifestError) -> Workload {
        throw .missingField(path: "spec", at: object.location)
    }

    func readHyperPodPyTorchJob(_ object: KubernetesObject, diagnostics: inout [Diagnostic]) throws(ManifestError) -> Workload {
        throw .missingField(path: "spec", at: object.location)
    }
}
