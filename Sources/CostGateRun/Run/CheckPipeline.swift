import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGatePricing
import CostGateEstimation
import CostGateLedger
import CostGatePolicy

/// `costgate check`: the inputs estimated and gated, optionally against (and into) the spend ledger.
public struct CheckPipeline: Sendable {
    public var fileSystem: any FileSystem

    public init(fileSystem: any FileSystem) {
        self.fileSystem = fileSystem
    }

    /// Runs the check. `reading` and `pricing` are final: the policy's pricing section already applied
    /// (`PolicyPricing.apply`) under the command line's flags. With `ledger`, the month counts the runs
    /// approved earlier, and a passing check with `ledger.record` records its one-off runs, in one
    /// transaction. A ledger that cannot be used is an input error (exit 2), never skipped.
    public func run(paths: [String], policy: Policy, reading: ReadOptions, pricing: PricingSettings, today: CalendarDay,
                    ledger: LedgerUse? = nil, exclude: [String] = []) -> CheckResult {
        var estimation = EstimationPipeline(fileSystem: fileSystem)
            .run(EstimationRequest(paths: paths, reading: reading, pricing: pricing, exclude: policy.exclude + exclude))
        // Documents with accelerators costgate does not read become the gate's findings (the policy's
        // `unread` decides their level), shown once, in every format.
        let unread = estimation.diagnostics.filter(\.isUnreadGPU)
        if !unread.isEmpty { estimation.diagnostics.removeAll(where: \.isUnreadGPU) }
        func evaluate(_ evaluator: GateEvaluator) -> GateReport {
            evaluator.evaluate(estimation.estimates, unpriced: estimation.unpriced, unread: unread)
        }
        guard let ledger else {
            let gate = evaluate(GateEvaluator(policy: policy, today: today))
            return CheckResult(estimation: estimation, gate: gate, policy: policy)
        }
        let oneOff = estimation.estimates.filter { $0.workload.pattern == .oneOff }
        let inputErrors = estimation.hasErrors
        do {
            let replacing = LedgerReplacement(repository: ledger.repository, commit: ledger.commit, workloads: Set(oneOff.map(\.workload.id)))
            let (gate, recorded) = try ledger.ledger.gate(month: reading.month, replacing: replacing) { committed -> (result: GateReport, record: [LedgerEntry]) in
                let gate = evaluate(GateEvaluator(policy: policy, today: today, committed: committed))
                let inputWarnings = estimation.diagnostics.contains { $0.severity == .warning }
                let passes = !inputErrors && gate.denies == 0 && !(ledger.failOnWarn && (gate.warnings > 0 || inputWarnings))
                guard ledger.record, passes else { return (gate, []) }
                return (gate, oneOff.map { ledger.entry(for: $0, gate: gate, month: reading.month) })
            }
            var result = CheckResult(estimation: estimation, gate: gate, policy: policy)
            result.ledgerPath = ledger.ledger.path
            result.recorded = recorded
            return result
        } catch {
            estimation.diagnostics = (estimation.diagnostics + [error.diagnostic]).sorted()
            let gate = evaluate(GateEvaluator(policy: policy, today: today))
            var result = CheckResult(estimation: estimation, gate: gate, policy: policy)
            result.ledgerPath = ledger.ledger.path
            return result
        }
    }
}

/// How a check uses the ledger.
public struct LedgerUse: Sendable {
    public var ledger: Ledger
    /// Record the approved one-off runs when the check passes.
    public var record: Bool
    public var commit: String?
    public var pullRequest: String?
    /// With `commit`, the identity a re-check or a retried job replaces (`owner/name`).
    public var repository: String?
    /// A warning fails the check, so nothing is recorded then.
    public var failOnWarn: Bool
    public var now: Date

    public init(ledger: Ledger, record: Bool, commit: String? = nil, pullRequest: String? = nil, failOnWarn: Bool = false,
                now: Date = Date(), repository: String? = nil) {
        self.ledger = ledger
        self.repository = repository
        self.record = record
        self.commit = commit
        self.pullRequest = pullRequest
        self.failOnWarn = failOnWarn
        self.now = now
    }

    package func entry(for estimate: Estimate, gate: GateReport, month: CalendarMonth) -> LedgerEntry {
        let verdict = gate.workloads.first { $0.id == estimate.workload.id }
        let figure = verdict?.figure ?? .expected
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return LedgerEntry(workload: estimate.workload.id, name: estimate.workload.displayName, team: verdict?.team,
                           month: month.description, amountCents: LedgerEntry.cents(verdict?.monthlyCost ?? figure.value(of: estimate.cost)),
                           figure: figure.rawValue, recordedAt: formatter.string(from: now), commit: commit, pullRequest: pullRequest,
                           source: "\(estimate.workload.source.file):\(estimate.workload.source.line)", repository: repository)
    }
}

/// The outcome of a check: the estimates, the gate's decisions and every input diagnostic.
public struct CheckResult: Sendable {
    public var estimation: EstimationResult
    public var gate: GateReport
    public var policy: Policy
    /// The ledger consulted, when one was.
    public var ledgerPath: String?
    /// The runs this check recorded.
    public var recorded: [LedgerEntry] = []

    public init(estimation: EstimationResult, gate: GateReport, policy: Policy) {
        self.estimation = estimation
        self.gate = gate
        self.policy = policy
    }

    /// The contract: 2 when any input (or the policy) was unusable, else 1 on a deny (or a warning under
    /// `failOnWarn`), else 0. An input error never passes and never looks like an overspend.
    public func exitStatus(failOnWarn: Bool) -> ExitStatus {
        if estimation.hasErrors { return .inputUnusable }
        switch gate.verdict {
        case .deny: return .overBudget
        case .warn: return failOnWarn ? .overBudget : .success
        case .note: return failOnWarn && inputWarnings > 0 ? .overBudget : .success
        }
    }

    /// Warnings about the input (a run time assumed, a duplicate workload), beside the gate's own:
    /// a summary's warning count never hides them, and `--fail-on-warn` fails on them too.
    public var inputWarnings: Int { estimation.diagnostics.count { $0.severity == .warning } }
}
