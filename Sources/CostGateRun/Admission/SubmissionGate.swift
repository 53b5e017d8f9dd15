import Foundation
import CostGateBasics
import CostGateWorkloads
import CostGatePricing
import CostGatePolicy

/// Decides one submission with the policy — a SLURM job read from its resolved options, or a Kubernetes
/// object from an AdmissionReview — priced, gated (per-run quotas, rules, and the month's spend when a
/// ledger is given), and the verdict the policy's `admission` section asks for. Reads no network:
/// slurmctld holds its locks while it waits, and kube-apiserver's webhook call has a timeout.
public struct SubmissionGate: Sendable {
    public var policy: Policy
    public var pricing: PricingSettings
    public var reading: ReadOptions
    public var today: CalendarDay

    public init(policy: Policy, pricing: PricingSettings, reading: ReadOptions, today: CalendarDay) {
        self.policy = policy
        self.pricing = pricing
        self.reading = reading
        self.today = today
    }

    public func decide(_ submission: SlurmSubmission, ledger: LedgerUse? = nil) -> AdmissionDecision {
        decide(path: submission.path, bytes: Array(submission.sbatchText.utf8), ledger: ledger)
    }

    /// Decides the workloads of one input held in memory under its display path (`path` names it in findings).
    public func decide(path: String, bytes: [UInt8], ledger: LedgerUse? = nil) -> AdmissionDecision {
        let admission = policy.admission
        guard admission.mode != .off else {
            return AdmissionDecision(verdict: .accept, status: .success, lines: [])
        }
        let result = CheckPipeline(fileSystem: MemoryFileSystem(files: [path: bytes]))
            .run(paths: [path], policy: policy, reading: reading, pricing: pricing, today: today, ledger: ledger)
        let errors = result.estimation.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            let verdict: AdmissionDecision.Verdict = admission.onError == .allow ? .accept : .reject
            let lead = verdict == .accept
                ? "costgate: this job could not be priced, and the site's policy lets it run (admission.onError: allow):"
                : "costgate: job rejected: it could not be priced (admission.onError: deny):"
            return AdmissionDecision(verdict: verdict, status: .inputUnusable, lines: [lead] + errors.map { "  " + $0.message })
        }
        let summary = Self.summary(result)
        let counted = result.gate.findings.filter(\.counts)
        if result.gate.verdict == .deny {
            let denies = counted.filter { $0.level == .deny }.map { "  \($0.message) [\($0.ruleID)]" }
            guard admission.mode == .warn else {
                return AdmissionDecision(verdict: .reject, status: .overBudget, lines: ["costgate: job rejected: \(summary)"] + denies)
            }
            return AdmissionDecision(verdict: .accept, status: .overBudget,
                                     lines: ["costgate: over budget, accepted because the policy only warns (admission.mode: warn): \(summary)"] + denies)
        }
        // The gate's warnings and what was assumed to price the job (a run time defaulted, a range at its
        // ceiling) are said, never hidden.
        let warnings = counted.filter { $0.level == .warn }.map { "  \($0.message) [\($0.ruleID)]" }
            + result.estimation.diagnostics.filter { $0.severity == .warning }.map { "  " + $0.message }
        guard !warnings.isEmpty else { return AdmissionDecision(verdict: .accept, status: .success, lines: []) }
        let lead = result.gate.verdict == .warn ? "accepted with warnings" : "accepted"
        return AdmissionDecision(verdict: .accept, status: .success, lines: ["costgate: \(lead): \(summary)"] + warnings)
    }

    /// "SlurmJob/train (team research): $5,199.00 expected per run".
    package static func summary(_ result: CheckResult) -> String {
        guard let workload = result.gate.workloads.first else { return "no workload read" }
        let team = workload.team.map { " (team \($0))" } ?? ""
        let cost = workload.perRunCost.map { "\(MoneyFormat.usd($0)) \(workload.figure.rawValue) per run" } ?? "not priced"
        return "\(workload.displayName)\(team): \(cost)"
    }
}
