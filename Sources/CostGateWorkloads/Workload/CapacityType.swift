/// Whether a workload runs on interruptible capacity.
public enum CapacityType: String, Sendable, Hashable {
    case spot
    case onDemand = "on-demand"
    case unknown
}
