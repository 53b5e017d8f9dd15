extension KubernetesReader {
    /// Not read yet: nil reports the kind as skipped.
    func readTrainer(_ object: KubernetesObject, into reading: inout KubernetesReading) throws(ManifestError) -> [Workload]? { nil }
}
