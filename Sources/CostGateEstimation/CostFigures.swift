import Foundation
import CostGateBasics

/// The cost of one workload in USD over its pattern: one run (× array tasks) for one-off
/// workloads, a month for recurring and long-running ones. Unrounded; reporters round to cents.
public struct CostFigures: Sendable, Hashable {
    /// The best estimate: nominal replicas, spot's expected cost on spot capacity.
    public var expected: Decimal
    /// Nominal replicas at on-demand prices.
    public var onDemand: Decimal
    /// Fewest replicas (HPA / elastic floor), same capacity as `expected`.
    public var min: Decimal
    /// Most replicas (HPA / elastic ceiling, `--nodes` max), same capacity as `expected`.
    public var max: Decimal
    /// Quantiles of the nominal cost: equal to `expected` on demand; the spot model's simulation on
    /// spot capacity; nil when the simulation was skipped (spot-model.md §7.7).
    public var p50: Decimal?
    public var p90: Decimal?
    public var p99: Decimal?

    public init(expected: Decimal, onDemand: Decimal, min: Decimal, max: Decimal,
                p50: Decimal? = nil, p90: Decimal? = nil, p99: Decimal? = nil) {
        self.expected = expected
        self.onDemand = onDemand
        self.min = min
        self.max = max
        self.p50 = p50 ?? expected
        self.p90 = p90 ?? expected
        self.p99 = p99 ?? expected
    }

    public static let zero = CostFigures(expected: 0, onDemand: 0, min: 0, max: 0)

    /// Totals: quantiles add up (an upper bound for the quantile of a sum); unknown stays unknown.
    public static func + (lhs: CostFigures, rhs: CostFigures) -> CostFigures {
        func add(_ a: Decimal?, _ b: Decimal?) -> Decimal? { a.flatMap { a in b.map { DecimalMath.sum(a, $0) } } }
        func plus(_ a: Decimal, _ b: Decimal) -> Decimal { DecimalMath.sum(a, b) }
        var sum = CostFigures(expected: plus(lhs.expected, rhs.expected), onDemand: plus(lhs.onDemand, rhs.onDemand),
                              min: plus(lhs.min, rhs.min), max: plus(lhs.max, rhs.max))
        sum.p50 = add(lhs.p50, rhs.p50)
        sum.p90 = add(lhs.p90, rhs.p90)
        sum.p99 = add(lhs.p99, rhs.p99)
        return sum
    }
}
