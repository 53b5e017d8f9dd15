import ArgumentParser
import CostGateCore
import Foundation

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

    /// The options: defaults, then the policy's pricing section, then the flags given (flags win).
    /// `today` picks the month CronJobs are counted in when `--month` is absent.
    func options(today: CalendarDay = CalendarDay(containing: Date()), policy: Policy? = nil) throws -> ReadOptions {
        var options = ReadOptions(month: today.calendarMonth, strictKinds: strictKinds)
        policy?.pricing.apply(to: &options)
        if let defaultDuration {
            guard let seconds = DurationText.seconds(defaultDuration) else {
                throw ValidationError("invalid --default-duration '\(defaultDuration)': expected e.g. 1h, 90m, 2d")
            }
            options.defaultDurationHours = seconds / 3600
            options.defaultDurationByKind = [:]
        }
        if let hoursPerMonth {
            guard hoursPerMonth > 0 else { throw ValidationError("--hours-per-month must be positive") }
            options.hoursPerMonth = Decimal(hoursPerMonth)
        }
        if let daemonsetNodes {
            guard daemonsetNodes >= 0 else { throw ValidationError("--daemonset-nodes must not be negative") }
            options.daemonSetNodes = daemonsetNodes
        }
        if let month {
            guard let parsed = CalendarMonth(month) else { throw ValidationError("invalid --month '\(month)': expected YYYY-MM") }
            options.month = parsed
        }
        return options
    }
}
