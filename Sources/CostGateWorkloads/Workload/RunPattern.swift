/// How often a workload's pods run.
public enum RunPattern: Hashable, Sendable {
    /// One run of `durationHours` (a Job, a training run, one sbatch submission).
    case oneOff
    /// Runs continuously: priced per month (Deployment, StatefulSet, DaemonSet, serving).
    case longRunning
    /// Fires `runsPerMonth` times a month (CronJob), each run a one-off.
    case recurring(runsPerMonth: Int, month: String)
}
