import Foundation
import CostGateBasics
import CostGateEstimation

/// The outcome of reading and pricing an input set: estimates in source order, and every
/// diagnostic (sorted by place).
public struct EstimationResult: Sendable {
    public var estimates: [Estimate]
    /// Workloads read but not priced, in source order: every report shows them beside the estimates.
    public var unpriced: [UnpricedWorkload] = []
    public var diagnostics: [Diagnostic]
    public var catalogDate: String
    public var catalogSources: [String]
    public var month: CalendarMonth
    /// Files read.
    public var fileCount: Int

    public init(estimates: [Estimate], unpriced: [UnpricedWorkload] = [], diagnostics: [Diagnostic], catalogDate: String,
                catalogSources: [String], month: CalendarMonth, fileCount: Int) {
        self.estimates = estimates
        self.unpriced = unpriced
        self.diagnostics = diagnostics
        self.catalogDate = catalogDate
        self.catalogSources = catalogSources
        self.month = month
        self.fileCount = fileCount
    }

    /// Every workload read, priced or not.
    public var workloadCount: Int { estimates.count + unpriced.count }

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

extension EstimationResult {
    /// One workload of the result: an estimate or an unpriced workload, by index.
    public enum Row: Sendable, Equatable {
        case priced(Int)
        case unpriced(Int)
    }

    /// Every workload read, priced or not, in source order (both lists are in it already: merged).
    public var rows: [Row] {
        guard !unpriced.isEmpty else { return estimates.indices.map(Row.priced) }
        var rows: [Row] = []
        rows.reserveCapacity(workloadCount)
        var next = 0
        for index in estimates.indices {
            while next < unpriced.count, EstimationPipeline.inSourceOrder(unpriced[next].workload, estimates[index].workload) {
                rows.append(.unpriced(next))
                next += 1
            }
            rows.append(.priced(index))
        }
        rows += (next..<unpriced.count).map(Row.unpriced)
        return rows
    }
}
