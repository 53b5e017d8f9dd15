import Foundation
import CostGateBasics

/// What one pod template costs per replica, and where it may run.
package struct PodReading: Sendable {
    package var cpu: Decimal = 0
    package var memoryBytes: Int64 = 0
    package var accelerator: AcceleratorRequest?
    package var capacity: CapacityType = .unknown
    /// Maximum runtime of the spot capacity, hours (GKE preemptible: 24).
    package var spotMaxRuntimeHours: Decimal?
    package var instanceType: String?
    package var placement = PlacementHint()
    /// Node labels the pod requires with a single value (nodeSelector, required affinity `In` with one value).
    package var nodeLabels: [String: String] = [:]
    /// The pod template's `metadata.labels` (team labels are often only there); the object's own win.
    package var templateLabels: [String: String] = [:]
    package var restartPolicy: String?
    package var activeDeadlineSeconds: Int?
    package var assumptions: [String] = []
    package var diagnostics: [Diagnostic] = []
    /// Where each accelerator resource was first written (the field that causes the cost).
    package var acceleratorLocations: [String: SourceLocation] = [:]
}
