import Foundation
import CostGateBasics

/// Settings that reading manifests needs beyond the files themselves.
public struct ReadOptions: Sendable {
    /// Run time assumed for one-off workloads that declare none, in hours.
    public var defaultDurationHours: Decimal
    /// Hours a long-running workload is priced for (a month).
    public var hoursPerMonth: Decimal
    /// Nodes a DaemonSet runs on; nil = unknown (the DaemonSet is reported, not priced).
    public var daemonSetNodes: Int?
    /// The calendar month CronJob runs are counted in.
    public var month: CalendarMonth
    /// Report kinds costgate cannot read as errors instead of warnings.
    public var strictKinds: Bool
    /// Run times by kind (`Job`, `PyTorchJob`, `SlurmJob`) that replace `defaultDurationHours` for that kind (a policy's
    /// `pricing.defaultDuration`).
    public var defaultDurationByKind: [String: Decimal] = [:]

    public init(defaultDurationHours: Decimal = 1, hoursPerMonth: Decimal = 730, daemonSetNodes: Int? = nil,
                month: CalendarMonth, strictKinds: Bool = false) {
        self.defaultDurationHours = defaultDurationHours
        self.hoursPerMonth = hoursPerMonth
        self.daemonSetNodes = daemonSetNodes
        self.month = month
        self.strictKinds = strictKinds
    }

    /// The run time assumed for a one-off workload of `kind` that declares none, and where it comes from.
    public func defaultDuration(forKind kind: String) -> (hours: Decimal, origin: String) {
        if let hours = defaultDurationByKind[kind] { return (hours, "the policy's default for \(kind)") }
        return (defaultDurationHours, "default run time")
    }
}
