/// The findings the gate and `diff` make themselves, beside the policy's own rules: each id is written
/// here once, and a policy rule cannot take one (`PolicyRule.reservedIDs`).
public enum BuiltinRule: String, CaseIterable, Sendable {
    case perRunQuota = "per-run-quota"
    case monthlyQuota = "monthly-quota"
    case gpuQuota = "gpu-quota"
    case increaseQuota = "increase-quota"
    case unowned
    case exceptionExpired = "exception-expired"
    case exceptionUnused = "exception-unused"
    case policyChanged = "policy-changed"

    /// The id as findings, waivers and reports write it.
    public var id: String { rawValue }

    /// One line on what the finding means (SARIF's rule description).
    public var summary: String {
        switch self {
        case .perRunQuota: return "One run costs more than the team's per-run quota"
        case .monthlyQuota: return "The team's month costs more than its monthly quota"
        case .gpuQuota: return "A workload holds more accelerators than the team allows"
        case .increaseQuota: return "A change adds more to the team's month than the policy allows"
        case .unowned: return "No team owns the workload"
        case .exceptionExpired: return "A policy exception has expired"
        case .exceptionUnused: return "A policy exception matches no workload"
        case .policyChanged: return "The policy differs between base and head"
        }
    }

    /// Whether an exception may waive it: findings about exceptions or the policy file are not verdicts.
    public var isWaivable: Bool {
        switch self {
        case .exceptionExpired, .exceptionUnused, .policyChanged: return false
        case .perRunQuota, .monthlyQuota, .gpuQuota, .increaseQuota, .unowned: return true
        }
    }
}
