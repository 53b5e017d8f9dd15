import Foundation

/// `costgate check`: the policy's pricing applied, the inputs estimated, the gate evaluated.
public struct CheckPipeline: Sendable {
    public var fileSystem: any FileSystem

    public init(fileSystem: any FileSystem) {
        self.fileSystem = fileSystem
    }

    /// Runs the check. `reading` and `pricing` are final: the policy's pricing section already applied
    /// (`PolicyPricing.apply`) under the command line's flags.
    public func run(paths: [String], policy: Policy, reading: ReadOptions, pricing: PricingSettings, today: CalendarDay) -> CheckResult {
        let estimation = EstimationPipeline(fileSystem: fileSystem)
            .run(EstimationRequest(paths: paths, reading: reading, pricing: pricing))
        let gate = GateEvaluator(policy: policy, today: today).evaluate(estimation.estimates)
        return CheckResult(estimation: estimation, gate: gate, policy: policy)
    }
}

/// The outcome of a check: the estimates, the gate's decisions and every input diagnostic.
public struct CheckResult: Sendable {
    public var estimation: EstimationResult
    public var gate: GateReport
    public var policy: Policy

    /// The contract: 2 when any input (or the policy) was unusable, else 1 on a deny (or a warning under
    /// `failOnWarn`), else 0. An input error never passes and never looks like an overspend.
    public func exitStatus(failOnWarn: Bool) -> ExitStatus {
        if estimation.hasErrors { return .inputUnusable }
        switch gate.verdict {
        case .deny: return .overBudget
        case .warn: return failOnWarn ? .overBudget : .success
        case .note: return .success
        }
    }
}
