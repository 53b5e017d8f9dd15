import Foundation
import CostGateBasics
import CostGatePolicy
import CostGateRun

/// What the CI formats (SARIF, JUnit, GitHub annotations) show of a check or a diff: the findings, the
/// input problems, each workload's verdict and the exit status. One view, so every format says the same.
public struct FindingsView: Sendable {
    public struct Row: Sendable {
        public var id: String
        public var name: String
        public var source: SourceLocation
        public var team: String?
        public var monthly: Decimal
        public var status: Finding.Level
    }

    public var findings: [Finding]
    /// Input and policy problems (errors make the run exit 2).
    public var diagnostics: [Diagnostic]
    public var workloads: [Row]
    public var exitStatus: ExitStatus
    public var policyFile: String
    public var catalogDate: String

    public init(_ result: CheckResult, exitStatus: ExitStatus) {
        findings = result.gate.findings
        diagnostics = result.estimation.diagnostics.filter { $0.severity != .note }
        workloads = result.gate.workloads.map {
            Row(id: $0.id, name: $0.displayName, source: $0.source, team: $0.team, monthly: $0.monthlyCost, status: $0.status)
        }
        self.exitStatus = exitStatus
        policyFile = result.policy.file
        catalogDate = result.estimation.catalogDate
    }

    public init(_ diff: DiffResult, exitStatus: ExitStatus) {
        findings = diff.findings
        diagnostics = diff.head.estimation.diagnostics.filter { $0.severity != .note }
        workloads = diff.changes.filter { $0.head != nil }.map {
            Row(id: $0.id, name: $0.displayName, source: $0.location, team: $0.team, monthly: $0.headMonthly, status: $0.status)
        }
        self.exitStatus = exitStatus
        policyFile = diff.head.policy.file
        catalogDate = diff.head.estimation.catalogDate
    }

    /// Counting findings in the order CI annotations should show them: denies, then warnings, then the rest.
    public var prioritized: [Finding] {
        findings.enumerated().sorted { lhs, rhs in
            let (a, b) = (rank(lhs.element), rank(rhs.element))
            return a != b ? a < b : lhs.offset < rhs.offset
        }.map(\.element)
    }

    private func rank(_ finding: Finding) -> Int {
        guard finding.counts else { return 3 }
        switch finding.level {
        case .deny: return 0
        case .warn: return 1
        case .note: return 2
        }
    }

    public var exitDescription: String {
        switch exitStatus {
        case .success: return findings.contains { $0.counts && $0.level == .warn } ? "Within budget, with warnings" : "Within budget"
        case .overBudget: return "A budget or quota is exceeded"
        case .inputUnusable: return "Some input could not be used"
        case .usage: return "Usage error"
        case .internalError: return "Internal error"
        }
    }
}
