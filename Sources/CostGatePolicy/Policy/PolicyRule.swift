import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGateEstimation

/// A rule beyond quotas: a check on the workloads its selector picks, with an id, a message and a severity.
public struct PolicyRule: Sendable {
    public var id: String
    public var message: String
    public var severity: RuleSeverity
    public var selector: WorkloadSelector
    public var check: RuleCheck
    public var location: SourceLocation

    public init(id: String, message: String, severity: RuleSeverity = .deny, selector: WorkloadSelector = WorkloadSelector(),
                check: RuleCheck, location: SourceLocation) {
        self.id = id
        self.message = message
        self.severity = severity
        self.selector = selector
        self.check = check
        self.location = location
    }

    /// Ids the gate itself uses for its findings; a rule cannot take them.
    public static let reservedIDs = Set(BuiltinRule.allCases.map(\.id))
}

public enum RuleSeverity: String, Sendable, Hashable, CaseIterable {
    case deny
    case warn
}

/// What a rule checks. One check per rule, so a rule's message always says one thing.
public enum RuleCheck: Sendable, Hashable {
    /// The workload must not run on these capacity types (e.g. `on-demand`, `unknown`).
    case forbidCapacity(Set<CapacityType>)
    /// Workloads using more than this many GPU-hours in one run (× array tasks) must run on spot.
    case requireSpotOverGPUHours(Decimal)
    /// One run may last at most this many hours.
    case maxDurationHours(Decimal)
    /// The run time must be declared (annotation, `activeDeadlineSeconds`, `#COSTGATE --duration`, `--time`), not defaulted.
    case requireDeclaredDuration
    /// Workloads on spot capacity must declare a checkpoint interval.
    case requireCheckpointOnSpot

    /// The policy key that writes the check.
    public var key: String {
        switch self {
        case .forbidCapacity: return "forbidCapacity"
        case .requireSpotOverGPUHours: return "requireSpotOverGPUHours"
        case .maxDurationHours: return "maxDuration"
        case .requireDeclaredDuration: return "requireDuration"
        case .requireCheckpointOnSpot: return "requireCheckpointOnSpot"
        }
    }

    /// Whether a violation is about the accelerators (findings point at the GPU request) rather than the whole object.
    package var pointsAtCost: Bool {
        switch self {
        case .forbidCapacity, .requireSpotOverGPUHours: return true
        case .maxDurationHours, .requireDeclaredDuration, .requireCheckpointOnSpot: return false
        }
    }

    public static let keys = ["forbidCapacity", "requireSpotOverGPUHours", "maxDuration", "requireDuration", "requireCheckpointOnSpot"]

    /// Why the workload violates the check, or nil when it passes.
    public func violation(_ estimate: Estimate) -> String? {
        let workload = estimate.workload
        switch self {
        case .forbidCapacity(let forbidden):
            guard forbidden.contains(workload.capacity) else { return nil }
            return workload.capacity == .unknown
                ? "capacity type is not stated (no karpenter.sh/capacity-type or provider spot label): treated as not spot"
                : "runs on \(workload.capacity.rawValue) capacity"
        case .requireSpotOverGPUHours(let limit):
            let hours = Self.gpuHours(workload)
            guard hours > limit, workload.capacity != .spot else { return nil }
            return "\(Self.number(hours)) GPU-hours on \(workload.capacity.rawValue) capacity (over \(Self.number(limit)) must run on spot)"
        case .maxDurationHours(let limit):
            guard workload.pattern != .longRunning, workload.durationHours > limit else { return nil }
            return "runs \(Self.number(workload.durationHours)) h (\(workload.durationSource.rawValue)), over the \(Self.number(limit)) h limit"
        case .requireDeclaredDuration:
            guard workload.durationSource == .default else { return nil }
            return "declares no run time (a default of \(Self.number(workload.durationHours)) h was assumed); "
                + (workload.apiVersion == nil ? "add #COSTGATE --duration or --time" : "add the costgate.dev/duration annotation or activeDeadlineSeconds")
        case .requireCheckpointOnSpot:
            guard workload.capacity == .spot, workload.checkpointIntervalHours == nil else { return nil }
            return "runs on spot without a declared checkpoint interval ("
                + (workload.apiVersion == nil ? "#COSTGATE --checkpoint-interval" : "costgate.dev/checkpoint-interval") + ")"
        }
    }

    /// Accelerator-hours of one run (an sbatch script with its whole array; one CronJob run; a long-running
    /// workload's month).
    public static func gpuHours(_ workload: Workload) -> Decimal {
        let devices = workload.roles.reduce(Decimal(0)) { sum, role in
            sum + Decimal(role.replicas.nominal) * (role.accelerator?.equivalents ?? 0)
        }
        return devices * workload.durationHours * Decimal(workload.arrayTasks ?? 1)
    }

    package static func number(_ value: Decimal) -> String {
        let rounded = value.rounded(2)
        return "\(rounded)"
    }
}
