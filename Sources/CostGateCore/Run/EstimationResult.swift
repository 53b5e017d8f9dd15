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

    /// One-off runs (× array tasks) summed, USD; and recurring and long-running workloads summed,
    /// USD per month. One pass for both.
    public var totals: (oneOff: CostFigures, monthly: CostFigures) {
        var oneOff = CostFigures.zero
        var monthly = CostFigures.zero
        // Through the array's memory: `for estimate in estimates` copied each estimate (a retain per field).
        estimates.withUnsafeBufferPointer { estimates in
            for index in estimates.indices {
                if estimates[index].workload.pattern == .oneOff {
                    oneOff = oneOff + estimates[index].cost
                } else {
                    monthly = monthly + estimates[index].cost
                }
            }
        }
        return (oneOff, monthly)
    }

    public var oneOffTotal: CostFigures { totals.oneOff }
    public var monthlyTotal: CostFigures { totals.monthly }
}
