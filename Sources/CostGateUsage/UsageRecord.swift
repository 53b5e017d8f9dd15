import Foundation
import CostGateBasics
import CostGateWorkloads

/// One row of actual spend from a usage export (a SLURM job, a FOCUS billing row, an OpenCost
/// allocation), in USD, with what team attribution can use and the place it was read from.
public struct UsageRecord: Sendable, Hashable {
    public enum Source: String, Sendable, Hashable, CaseIterable {
        /// `sacct --parsable2 --noheader` output.
        case sacct
        /// A FinOps FOCUS billing export (CSV).
        case focus
        /// An OpenCost `/allocation` API response (JSON).
        case opencost
    }

    public var source: Source
    /// The row's place (`usage.csv:42:1`).
    public var location: SourceLocation
    /// Job id, resource id or allocation name: what an estimate's run can be matched with.
    public var id: String
    /// Job name or workload name, when the export has one.
    public var name: String?
    public var start: Date?
    public var end: Date?
    /// The month the spend is charged to (the row's start, UTC).
    public var month: CalendarMonth
    /// USD.
    public var cost: Decimal
    /// GPU-hours the row paid for (sacct: GPUs × ElapsedRaw / 3600; OpenCost: `gpuHours`); nil when the
    /// export does not say (FOCUS).
    public var gpuHours: Decimal?
    /// The accelerator model the export names (sacct's typed `gres/gpu:<type>`), normalized; nil when unnamed
    /// or unknown.
    public var gpuModel: GPUModel?
    public var attribution: UsageAttribution
    /// Cost no workload requested (OpenCost `__idle__`, `__unmounted__`): split among teams by the policy's
    /// audit settings rather than owned. Untagged FOCUS rows are not marked shared: they have no
    /// attribution, and the audit decides with the policy's tag keys.
    public var shared: Bool
    /// How the row was priced or read (partition rate used, fallbacks).
    public var notes: [String]

    public init(source: Source, location: SourceLocation, id: String, name: String? = nil, start: Date? = nil, end: Date? = nil,
                month: CalendarMonth, cost: Decimal, gpuHours: Decimal? = nil, gpuModel: GPUModel? = nil, attribution: UsageAttribution = UsageAttribution(),
                shared: Bool = false, notes: [String] = []) {
        self.source = source
        self.location = location
        self.id = id
        self.name = name
        self.start = start
        self.end = end
        self.month = month
        self.cost = cost
        self.gpuHours = gpuHours
        self.gpuModel = gpuModel
        self.attribution = attribution
        self.shared = shared
        self.notes = notes
    }
}

/// What a usage row says about its owner.
public struct UsageAttribution: Sendable, Hashable {
    /// SLURM account (sacct `Account`).
    public var account: String?
    public var partition: String?
    /// Kubernetes namespace (OpenCost); nil for idle and unallocated rows.
    public var namespace: String?
    /// Kubernetes labels (OpenCost: the namespace's labels overlaid by the pod's own).
    public var labels: [String: String]
    /// FOCUS `Tags`.
    public var tags: [String: String]

    public init(account: String? = nil, partition: String? = nil, namespace: String? = nil, labels: [String: String] = [:],
                tags: [String: String] = [:]) {
        self.account = account
        self.partition = partition
        self.namespace = namespace
        self.labels = labels
        self.tags = tags
    }
}

/// What one usage file yields.
public struct UsageReading: Sendable {
    public var records: [UsageRecord] = []
    public var diagnostics: [Diagnostic] = []

    public init(records: [UsageRecord] = [], diagnostics: [Diagnostic] = []) {
        self.records = records
        self.diagnostics = diagnostics
    }
}
