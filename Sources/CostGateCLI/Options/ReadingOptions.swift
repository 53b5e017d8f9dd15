import ArgumentParser
import CostGateCore
import Foundation

/// Flags that fill in what manifests do not say.
struct ReadingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Run time of one-off workloads that declare none (e.g. 1h, 36h, 2d).", valueName: "duration"))
    var defaultDuration: String = "1h"

    @Option(help: "Hours a long-running workload is priced for per month.")
    var hoursPerMonth: Int = 730

    @Option(help: ArgumentHelp("Nodes each DaemonSet runs on (unknown when absent: DaemonSets are reported, not priced).", valueName: "n"))
    var daemonsetNodes: Int?

    @Option(help: ArgumentHelp("Month CronJob runs are counted in (default: the current month, UTC).", valueName: "YYYY-MM"))
    var month: String?

    @Flag(help: "Treat kinds costgate cannot read as errors instead of warnings.")
    var strictKinds = false

    func options(now: Date = Date()) throws -> ReadOptions {
        guard let seconds = DurationText.seconds(defaultDuration) else {
            throw ValidationError("invalid --default-duration '\(defaultDuration)': expected e.g. 1h, 90m, 2d")
        }
        guard hoursPerMonth > 0 else { throw ValidationError("--hours-per-month must be positive") }
        if let daemonsetNodes, daemonsetNodes < 0 { throw ValidationError("--daemonset-nodes must not be negative") }
        let calendarMonth: CalendarMonth
        if let month {
            guard let parsed = CalendarMonth(month) else { throw ValidationError("invalid --month '\(month)': expected YYYY-MM") }
            calendarMonth = parsed
        } else {
            calendarMonth = CalendarMonth(containing: now)
        }
        return ReadOptions(defaultDurationHours: seconds / 3600, hoursPerMonth: Decimal(hoursPerMonth),
                           daemonSetNodes: daemonsetNodes, month: calendarMonth, strictKinds: strictKinds)
    }
}
