/// What an input set yielded, counted so that every report can say it in one line and the counts
/// add up: every workload read is either priced or cannot be priced, and the documents with
/// accelerators that costgate does not read are counted apart.
public struct ReadingSummary: Sendable, Equatable {
    public var files: Int
    public var priced: Int
    public var unpriced: Int
    /// Documents that request accelerators costgate does not price (unread kinds, GPU DaemonSets without a node count).
    public var unreadGPUDocuments: Int
    /// Input warnings and errors, those of unread documents included.
    public var warnings: Int
    public var errors: Int

    public var workloads: Int { priced + unpriced }

    public init(_ result: EstimationResult) {
        files = result.fileCount
        priced = result.estimates.count
        unpriced = result.unpriced.count
        unreadGPUDocuments = result.diagnostics.count { $0.isUnreadGPU }
        warnings = result.diagnostics.count { $0.severity == .warning }
        errors = result.diagnostics.count { $0.severity == .error }
    }
}
