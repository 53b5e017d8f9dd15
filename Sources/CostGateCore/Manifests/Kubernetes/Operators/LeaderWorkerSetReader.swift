extension KubernetesReader {
    /// Not read yet: nil reports the kind as skipped.
    func readLeaderWorkerSet(_ object: KubernetesObject, diagnostics: inout [Diagnostic]) throws(ManifestError) -> [Workload]? { nil }
}
