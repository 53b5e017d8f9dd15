import Foundation
import CostGateWorkloads

/// A priced workload: the figures and everything needed to explain them.
public struct Estimate: Sendable {
    public var workload: Workload
    public var cost: CostFigures
    public var prices: [RolePrice]
    public var provider: CloudProvider
    public var region: String
    public var spot: SpotFigures?
    /// The workload's own assumptions plus those pricing added, in order.
    public var assumptions: [String]
}
