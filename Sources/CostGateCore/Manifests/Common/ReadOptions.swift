import Foundation

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

/// A calendar month (`2026-11`).
public struct CalendarMonth: Hashable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), (1970...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        self.init(year: year, month: month)
    }

    /// The month containing `date` in UTC.
    public init(containing date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month], from: date)
        self.year = parts.year!
        self.month = parts.month!
    }

    public var description: String {
        // Zero-padded by hand: String(format:) goes through Foundation's formatter on every CronJob note.
        guard year >= 0, month >= 0 else { return String(format: "%04d-%02d", year, month) }
        let yearText = String(year)
        let monthText = String(month)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + "-" + (month < 10 ? "0" : "") + monthText
    }
}
