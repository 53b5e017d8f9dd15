import CostGateWorkloads

/// A workload that was read but cannot be priced. It is reported with everything that was read of
/// it (accelerators, replicas, run time, array tasks), never dropped: a gate that passes on what it
/// could not price is the failure this tool exists to prevent.
public struct UnpricedWorkload: Sendable {
    public var workload: Workload
    public var error: EstimateError

    public init(workload: Workload, error: EstimateError) {
        self.workload = workload
        self.error = error
    }
}
