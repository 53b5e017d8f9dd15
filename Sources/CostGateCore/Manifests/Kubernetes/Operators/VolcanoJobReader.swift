extension KubernetesReader {
    /// Not read yet: nil reports the kind as skipped.
    func readVolcanoJob(_ object: KubernetesObject, diagnostics: inout [Diagnostic]) throws(ManifestError) -> [Workload]? { nil }
}
