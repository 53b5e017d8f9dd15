
/// The job `costgate spot` evaluates, and where each of its inputs came from (a flag, the job file,
/// the catalog, a §3 default), so both reports can show the derivation of every number.
public struct SpotJobSetup: Sendable {
    public var job: SpotJob
    /// Per input key (the job file's snake_case names, `SpotJobSetup.inputKeys`): where the value came from.
    public var sources: [String: String]
    /// One line naming the job, e.g. `4 nodes × p5.48xlarge (aws us-east-1)`.
    public var title: String
    /// What the catalog assumed (fallback regions, estimated spot prices), one sentence each.
    public var notes: [String] = []

    public init(job: SpotJob, sources: [String: String], title: String, notes: [String] = []) {
        self.job = job
        self.sources = sources
        self.title = title
        self.notes = notes
    }

    /// The keys of the `input` object of `spot-vectors.json` (§13), in the spec's order.
    public static let inputKeys = [
        "work_hours", "nodes", "interruption", "checkpoint_interval_hours", "checkpoint_write_hours", "restart_hours",
        "restart_billed_fraction", "price_spot_per_hour", "price_on_demand_per_hour", "fallback_after_interruptions",
        "max_runtime_hours", "budget", "min_savings_fraction", "trials", "seed",
    ]

    /// The keys of the `interruption` object (`InterruptionSource`'s JSON form).
    public static let interruptionKeys = ["rate_per_instance_hour", "band", "provider", "window_hours", "estimate"]

    /// What the source column says for an input nobody gave.
    public static let defaultSource = "default (spot-model.md §3)"
}
