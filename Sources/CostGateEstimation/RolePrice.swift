import Foundation
import CostGateWorkloads
import CostGatePricing

/// The hourly price of one replica of a role, and where each part came from.
public struct RolePrice: Sendable, Hashable {
    public var role: String
    /// USD per replica-hour on demand.
    public var onDemandPerHour: Decimal
    /// USD per replica-hour on spot, when spot capacity exists for it.
    public var spotPerHour: Decimal?
    /// The accelerator price entry used, when the role has accelerators.
    public var accelerator: AcceleratorPrice?
    /// The model priced (after choosing among candidates or reading an instance type).
    public var model: GPUModel?
}
