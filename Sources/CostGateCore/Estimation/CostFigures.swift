import Foundation

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

    public init(expected: Decimal, onDemand: Decimal, min: Decimal, max: Decimal) {
        self.expected = expected
        self.onDemand = onDemand
        self.min = min
        self.max = max
    }

    public static let zero = CostFigures(expected: 0, onDemand: 0, min: 0, max: 0)

    public static func + (lhs: CostFigures, rhs: CostFigures) -> CostFigures {
        CostFigures(expected: lhs.expected + rhs.expected, onDemand: lhs.onDemand + rhs.onDemand,
                    min: lhs.min + rhs.min, max: lhs.max + rhs.max)
    }
}

extension Decimal {
    /// Rounded half away from zero to `places` decimals (money: 2).
    public func rounded(_ places: Int) -> Decimal {
        var result = Decimal()
        var input = self
        NSDecimalRound(&result, &input, places, .plain)
        return result
    }
}
