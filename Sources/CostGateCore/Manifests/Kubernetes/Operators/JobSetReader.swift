extension KubernetesReader {
    /// Not read yet: nil reports the kind as skipped.
    func readJobSet(_ object: KubernetesObject, diagnostics: inout [Diagnostic]) throws(ManifestError) -> [Workload]? { nil }
}
