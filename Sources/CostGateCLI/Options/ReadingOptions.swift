import ArgumentParser
import CostGateCore
import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGateRun

/// Flags that fill in what manifests do not say.
struct ReadingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Run time of one-off workloads that declare none (e.g. 1h, 36h, 2d; default: the policy's, else 1h).",
                               valueName: "duration"))
    var defaultDuration: String?

    @Option(help: ArgumentHelp("Hours a long-running workload is priced for per month (default: the policy's, else 730).", valueName: "hours"))
    var hoursPerMonth: Int?

    @Option(help: ArgumentHelp("Nodes each DaemonSet runs on (unknown when absent: DaemonSets are reported, not priced).", valueName: "n"))
    var daemonsetNodes: Int?

    @Option(help: ArgumentHelp("Month CronJob runs are counted in (default: the current month, UTC).", valueName: "YYYY-MM"))
    var month: String?

    @Option(help: ArgumentHelp("Leave out paths matching GLOB (repeatable; '*' crosses directories; also the policy's exclude).",
                               valueName: "glob"))
    var exclude: [String] = []

    @Flag(help: "Treat kinds costgate cannot read as errors instead of warnings.")
    var strictKinds = false

    /// Checks the flags given and records them; `RunSettings.resolve` merges them with the policy.
    func parse(into flags: inout RunSettings.Flags) throws {
        flags.strictKinds = strictKinds
        if let defaultDuration {
            guard let seconds = DurationText.seconds(defaultDuration) else {
                throw ValidationError("invalid --default-duration '\(defaultDuration)': expected e.g. 1h, 90m, 2d")
            }
            flags.defaultDurationHours = DecimalMath.hours(seconds: seconds)
        }
        if let hoursPerMonth {
            guard hoursPerMonth > 0 else { throw ValidationError("--hours-per-month must be positive") }
            flags.hoursPerMonth = Decimal(hoursPerMonth)
        }
        if let daemonsetNodes {
            guard daemonsetNodes >= 0 else { throw ValidationError("--daemonset-nodes must not be negative") }
            flags.daemonSetNodes = daemonsetNodes
        }
        if let month {
            guard let parsed = CalendarMonth(month) else { throw ValidationError("invalid --month '\(month)': expected YYYY-MM") }
            flags.month = parsed
        }
    }
}
