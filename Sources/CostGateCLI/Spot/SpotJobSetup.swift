import CostGateCore

/// The job `costgate spot` evaluates, and where each of its inputs came from (a flag, the job file,
/// the catalog, a §3 default), so both reports can show the derivation of every number.
struct SpotJobSetup {
    var job: SpotJob
    /// Per input key (the job file's snake_case names, `SpotJobSetup.inputKeys`): where the value came from.
    var sources: [String: String]
    /// One line naming the job, e.g. `4 nodes × p5.48xlarge (aws us-east-1)`.
    var title: String
    /// What the catalog assumed (fallback regions, estimated spot prices), one sentence each.
    var notes: [String] = []

    /// The keys of the `input` object of `spot-vectors.json` (§13), in the spec's order.
    static let inputKeys = [
        "work_hours", "nodes", "interruption", "checkpoint_interval_hours", "checkpoint_write_hours", "restart_hours",
        "restart_billed_fraction", "price_spot_per_hour", "price_on_demand_per_hour", "fallback_after_interruptions",
        "max_runtime_hours", "budget", "min_savings_fraction", "trials", "seed",
    ]

    /// The keys of the `interruption` object (`InterruptionSource`'s JSON form).
    static let interruptionKeys = ["rate_per_instance_hour", "band", "provider", "window_hours", "estimate"]

    /// What the source column says for an input nobody gave.
    static let defaultSource = "default (spot-model.md §3)"
}

/// Input that cannot be used (a value out of range, an unreadable or invalid job file, a job the
/// catalog cannot price): reported as a diagnostic, exit status 2.
struct SpotInputError: Error {
    var diagnostic: Diagnostic

    init(_ diagnostic: Diagnostic) {
        self.diagnostic = diagnostic
    }

    /// An error tied to no file (a flag's value): printed as `error: message`.
    init(message: String) {
        diagnostic = Diagnostic(.error, at: SourceLocation(file: "", line: 0, column: 0), message)
    }

    /// `path:line:column: error: message`, or `error: message` without a place.
    var rendered: String {
        diagnostic.location.file.isEmpty ? "error: \(diagnostic.message)" : diagnostic.rendered
    }
}
