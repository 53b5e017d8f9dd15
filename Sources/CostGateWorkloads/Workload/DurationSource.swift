/// Where a workload's run time came from, so reports can explain it.
public enum DurationSource: String, Sendable, Hashable {
    /// `costgate.dev/duration` annotation.
    case annotation
    /// `#COSTGATE --duration`.
    case costgateDirective = "#COSTGATE"
    /// sbatch `--time`.
    case slurmTime = "--time"
    /// `activeDeadlineSeconds`: a ceiling, not a forecast.
    case activeDeadlineSeconds
    /// The configured default run time.
    case `default`
    /// Long-running workloads: priced for the hours of a month.
    case month
}
