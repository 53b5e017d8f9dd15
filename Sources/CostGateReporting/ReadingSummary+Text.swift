import CostGateRun

extension ReadingSummary {
    /// `Read 12 workloads in 9 files: 10 priced, 2 cannot be priced; 1 document with GPUs not read; 3 warnings, 2 errors.`
    public var sentence: String {
        var text = "Read \(Self.count(workloads, "workload")) in \(Self.count(files, "file"))"
        if workloads > 0 {
            text += ": \(priced) priced"
            if unpriced > 0 { text += ", \(unpriced) cannot be priced" }
        }
        if unreadGPUDocuments > 0 {
            text += "; \(Self.count(unreadGPUDocuments, "document")) with GPUs not read"
        }
        text += "; \(Self.count(warnings, "warning")), \(Self.count(errors, "error"))."
        return text
    }

    package static func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }
}
