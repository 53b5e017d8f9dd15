import Foundation

/// The outcome of reading and pricing an input set: estimates in source order, and every
/// diagnostic (sorted by place).
public struct EstimationResult: Sendable {
    public var estimates: [Estimate]
    public var diagnostics: [Diagnostic]
    public var catalogDate: String
    public var catalogSources: [String]
    public var month: CalendarMonth
    /// Files read.
    public var fileCount: Int

    /// Whether some input could not be used (exit status 2).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// One-off runs (× array tasks) summed, USD.
    public var oneOffTotal: CostFigures {
        estimates.reduce(.zero) { $1.workload.pattern == .oneOff ? $0 + $1.cost : $0 }
    }

    /// Recurring and long-running workloads summed, USD per month.
    public var monthlyTotal: CostFigures {
        estimates.reduce(.zero) { $1.workload.pattern != .oneOff ? $0 + $1.cost : $0 }
    }
}
