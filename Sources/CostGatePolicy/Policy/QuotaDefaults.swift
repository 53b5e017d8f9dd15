import Foundation
import CostGateEstimation

/// Which figure of an estimate a quota is compared with.
public enum GatedFigure: String, Sendable, Hashable, CaseIterable {
    /// The expected cost (spot: the spot model's mean).
    case expected
    /// The spot model's 90th / 99th percentile: a cap that holds in 9 runs of 10 (99 of 100). On demand these
    /// equal the expected cost.
    case p90
    case p99

    public func value(of cost: CostFigures) -> Decimal {
        switch self {
        case .expected: return cost.expected
        // A skipped simulation (spot-model.md §7.7) leaves no quantile: the most pessimistic figure known.
        case .p90: return cost.p90 ?? Swift.max(cost.expected, cost.max)
        case .p99: return cost.p99 ?? Swift.max(cost.expected, cost.max)
        }
    }
}

/// At which scale recurring and long-running workloads count against a monthly quota.
public enum MonthlyScale: String, Sendable, Hashable, CaseIterable {
    /// Nominal replicas (an HPA's current target is unknown; `replicas`/`minReplicas` as read).
    case nominal
    /// The most replicas the manifest allows (HPA `maxReplicas`, elastic maximum).
    case max
}

/// Gate settings shared by every team unless its quota sets its own (`defaults:` in the policy).
public struct QuotaDefaults: Sendable, Hashable {
    public var figure: GatedFigure
    public var monthlyScale: MonthlyScale
    /// Warn once spending reaches this share of a cap (0.8 = 80 %); 1 never warns before the cap.
    public var warnAt: Decimal
    /// In a pull request (`costgate diff`): the most one change may add to a team's month, USD.
    public var maxIncrease: Decimal?
    /// … and as a share of the team's month before the change (0.25 = 25 %).
    public var maxIncreasePercent: Decimal?

    public init(figure: GatedFigure = .expected, monthlyScale: MonthlyScale = .nominal, warnAt: Decimal = Decimal(string: "0.8")!,
                maxIncrease: Decimal? = nil, maxIncreasePercent: Decimal? = nil) {
        self.figure = figure
        self.monthlyScale = monthlyScale
        self.warnAt = warnAt
        self.maxIncrease = maxIncrease
        self.maxIncreasePercent = maxIncreasePercent
    }
}
