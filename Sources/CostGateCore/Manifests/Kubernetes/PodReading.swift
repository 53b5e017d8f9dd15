import Foundation
import CostGateBasics

/// What one pod template costs per replica, and where it may run.
struct PodReading: Sendable {
    var cpu: Decimal = 0
    var memoryBytes: Int64 = 0
    var accelerator: AcceleratorRequest?
    var capacity: CapacityType = .unknown
    /// Maximum runtime of the spot capacity, hours (GKE preemptible: 24).
    var spotMaxRuntimeHours: Decimal?
    var instanceType: String?
    var placement = PlacementHint()
    /// Node labels the pod requires with a single value (nodeSelector, required affinity `In` with one value).
    var nodeLabels: [String: String] = [:]
    /// The pod template's `metadata.labels` (team labels are often only there); the object's own win.
    var templateLabels: [String: String] = [:]
    var restartPolicy: String?
    var activeDeadlineSeconds: Int?
    var assumptions: [String] = []
    var diagnostics: [Diagnostic] = []
    /// Where each accelerator resource was first written (the field that causes the cost).
    var acceleratorLocations: [String: SourceLocation] = [:]
}
